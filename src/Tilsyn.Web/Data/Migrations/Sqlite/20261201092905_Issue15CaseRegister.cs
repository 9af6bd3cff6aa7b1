using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue15CaseRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LinkedAdvisorCaseId",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedAdvisorCaseNumber",
                table: "cases",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnerAdministrationId",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SharedWithAdvisorAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_LinkedAdvisorCaseId",
                table: "cases",
                column: "LinkedAdvisorCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_OwnerAdministrationId",
                table: "cases",
                column: "OwnerAdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_OwnerAdministrationId_LinkedAdvisorCaseId",
                table: "cases",
                columns: new[] { "OwnerAdministrationId", "LinkedAdvisorCaseId" },
                unique: true,
                filter: "\"LinkedAdvisorCaseId\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_cases_administrations_OwnerAdministrationId",
                table: "cases",
                column: "OwnerAdministrationId",
                principalTable: "administrations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_cases_cases_LinkedAdvisorCaseId",
                table: "cases",
                column: "LinkedAdvisorCaseId",
                principalTable: "cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cases_administrations_OwnerAdministrationId",
                table: "cases");

            migrationBuilder.DropForeignKey(
                name: "FK_cases_cases_LinkedAdvisorCaseId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_LinkedAdvisorCaseId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_OwnerAdministrationId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_OwnerAdministrationId_LinkedAdvisorCaseId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "LinkedAdvisorCaseId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "LinkedAdvisorCaseNumber",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "OwnerAdministrationId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SharedWithAdvisorAt",
                table: "cases");
        }
    }
}
