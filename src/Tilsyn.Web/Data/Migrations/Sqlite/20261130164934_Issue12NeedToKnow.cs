using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12NeedToKnow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReportPublishedAt",
                table: "evaluation_rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportPublishedBy",
                table: "evaluation_rounds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ContactDetailsShared",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SharedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SharedWithAdministrationId",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharedWithAdministration",
                table: "case_documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_cases_SharedWithAdministrationId",
                table: "cases",
                column: "SharedWithAdministrationId");

            migrationBuilder.AddForeignKey(
                name: "FK_cases_administrations_SharedWithAdministrationId",
                table: "cases",
                column: "SharedWithAdministrationId",
                principalTable: "administrations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            Tilsyn.Web.Complaints.NeedToKnowMigration.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.Complaints.NeedToKnowMigration.Down(migrationBuilder);

            migrationBuilder.DropForeignKey(
                name: "FK_cases_administrations_SharedWithAdministrationId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_SharedWithAdministrationId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReportPublishedAt",
                table: "evaluation_rounds");

            migrationBuilder.DropColumn(
                name: "ReportPublishedBy",
                table: "evaluation_rounds");

            migrationBuilder.DropColumn(
                name: "ContactDetailsShared",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SharedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SharedWithAdministrationId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SharedWithAdministration",
                table: "case_documents");
        }
    }
}
