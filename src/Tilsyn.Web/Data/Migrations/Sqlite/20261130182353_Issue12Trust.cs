using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "outgoing_mail",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstAttemptAt",
                table: "outgoing_mail",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "outgoing_mail",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "outgoing_mail",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "outgoing_mail",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedStatusToken",
                table: "outgoing_mail",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

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

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "evaluation_answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

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

            migrationBuilder.AddColumn<long>(
                name: "StatusLinkIssuedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusLinkRevokedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "SharedWithAdministration",
                table: "case_documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "audited_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_log",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "audit_log",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "annual_reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "login_throttles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
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
            Tilsyn.Web.AccessLogging.AccessLogTrigger.Up(migrationBuilder, postgres: false);
            Tilsyn.Web.Mail.OutboxBackfill.Up(migrationBuilder);
            Tilsyn.Web.Complaints.LegacyStatusLinkScrub.Up(migrationBuilder, postgres: false);
            Tilsyn.Web.Complaints.NeedToKnowMigration.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.Complaints.NeedToKnowMigration.Down(migrationBuilder);
            Tilsyn.Web.AccessLogging.AccessLogTrigger.Down(migrationBuilder, postgres: false);

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
