using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12StatusLinkMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "StatusLinkIssuedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusLinkRevokedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

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

            Tilsyn.Web.Mail.OutboxBackfill.Up(migrationBuilder);
            Tilsyn.Web.Complaints.LegacyStatusLinkScrub.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outgoing_mail_FailedAt",
                table: "outgoing_mail");

            migrationBuilder.DropIndex(
                name: "IX_outgoing_mail_LeaseUntil",
                table: "outgoing_mail");

            migrationBuilder.DropIndex(
                name: "IX_outgoing_mail_SentAt_NextAttemptAt",
                table: "outgoing_mail");

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
                name: "StatusLinkIssuedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "StatusLinkRevokedAt",
                table: "cases");
        }
    }
}
