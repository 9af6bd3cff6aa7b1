using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue12StatusLinkMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "StatusLinkIssuedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusLinkRevokedAt",
                table: "cases",
                type: "timestamp with time zone",
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
            Tilsyn.Web.Complaints.LegacyStatusLinkScrub.Up(migrationBuilder, postgres: true);
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
