using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "evaluation_answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "audited_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "annual_reports",
                type: "INTEGER",
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
