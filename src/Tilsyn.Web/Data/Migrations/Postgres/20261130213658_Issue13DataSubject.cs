using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue13DataSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAnswerExtendedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstAnswerExtensionReason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequestGranted",
                table: "cases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "citizen_cpr_lookup",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_citizen_cpr_lookup",
                table: "cases",
                column: "citizen_cpr_lookup");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_citizen_cpr_lookup",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstAnswerExtendedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstAnswerExtensionReason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RequestGranted",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "citizen_cpr_lookup",
                table: "cases");
        }
    }
}
