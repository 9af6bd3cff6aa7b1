using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue12Trust : Migration
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FailedAt",
                table: "outgoing_mail",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAttemptAt",
                table: "outgoing_mail",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "outgoing_mail",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "outgoing_mail",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "outgoing_mail",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "ProtectedStatusToken",
                table: "outgoing_mail",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportPublishedAt",
                table: "evaluation_rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportPublishedBy",
                table: "evaluation_rounds",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "evaluation_answers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ContactDetailsShared",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SharedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SharedWithAdministrationId",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusLinkIssuedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusLinkRevokedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "SharedWithAdministration",
                table: "case_documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "audited_cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_log",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "audit_log",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "annual_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "login_throttles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddressKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_login_throttles", x => new { x.UserId, x.AddressKey });
                    table.ForeignKey(
                        name: "FK_login_throttles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_mail_FailedAt",
                table: "outgoing_mail",
                column: "FailedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_mail_LeaseUntil",
                table: "outgoing_mail",
                column: "LeaseUntil");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_mail_SentAt_NextAttemptAt",
                table: "outgoing_mail",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_SharedWithAdministrationId",
                table: "cases",
                column: "SharedWithAdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Sequence",
                table: "audit_log",
                column: "Sequence",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_cases_administrations_SharedWithAdministrationId",
                table: "cases",
                column: "SharedWithAdministrationId",
                principalTable: "administrations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Hand-written SQL of issue 12 (kept in the features that own it):
            Tilsyn.Web.AccessLogging.AccessLogTrigger.Up(migrationBuilder, postgres: true);
            Tilsyn.Web.Mail.OutboxBackfill.Up(migrationBuilder);
            Tilsyn.Web.Complaints.LegacyStatusLinkScrub.Up(migrationBuilder, postgres: true);
            Tilsyn.Web.Complaints.NeedToKnowMigration.Up(migrationBuilder, postgres: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.Complaints.NeedToKnowMigration.Down(migrationBuilder);
            Tilsyn.Web.AccessLogging.AccessLogTrigger.Down(migrationBuilder, postgres: true);

            migrationBuilder.DropForeignKey(
                name: "FK_cases_administrations_SharedWithAdministrationId",
                table: "cases");

            migrationBuilder.DropTable(
                name: "login_throttles");

            migrationBuilder.DropIndex(
                name: "IX_outgoing_mail_FailedAt",
                table: "outgoing_mail");

            migrationBuilder.DropIndex(
                name: "IX_outgoing_mail_LeaseUntil",
                table: "outgoing_mail");

            migrationBuilder.DropIndex(
                name: "IX_outgoing_mail_SentAt_NextAttemptAt",
                table: "outgoing_mail");

            migrationBuilder.DropIndex(
                name: "IX_cases_SharedWithAdministrationId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Sequence",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "FirstAttemptAt",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "ProtectedStatusToken",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "ReportPublishedAt",
                table: "evaluation_rounds");

            migrationBuilder.DropColumn(
                name: "ReportPublishedBy",
                table: "evaluation_rounds");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "evaluation_answers");

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
                name: "StatusLinkIssuedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "StatusLinkRevokedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SharedWithAdministration",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "audited_cases");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "annual_reports");
        }
    }
}
