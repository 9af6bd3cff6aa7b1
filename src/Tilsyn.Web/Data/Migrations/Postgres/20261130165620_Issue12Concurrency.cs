using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue12Concurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "evaluation_answers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "audited_cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "annual_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "evaluation_answers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "audited_cases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "annual_reports");
        }
    }
}
