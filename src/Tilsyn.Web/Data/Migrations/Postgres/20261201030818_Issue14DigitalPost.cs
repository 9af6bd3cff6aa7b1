using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue14DigitalPost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "citizen_exempt_digital_post",
                table: "cases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "case_documents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DigitalPostMessageId",
                table: "case_documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PrintedAt",
                table: "case_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrintedByName",
                table: "case_documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "outgoing_digital_post",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageUuid = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DocumentSequence = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalNotification = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectedCpr = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    AdditionalFileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AdditionalContent = table.Column<byte[]>(type: "bytea", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outgoing_digital_post", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_documents_Channel_PrintedAt",
                table: "case_documents",
                columns: new[] { "Channel", "PrintedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_digital_post_CaseNumber",
                table: "outgoing_digital_post",
                column: "CaseNumber");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_digital_post_FailedAt",
                table: "outgoing_digital_post",
                column: "FailedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_digital_post_LeaseUntil",
                table: "outgoing_digital_post",
                column: "LeaseUntil");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_digital_post_MessageUuid",
                table: "outgoing_digital_post",
                column: "MessageUuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_digital_post_SentAt_NextAttemptAt",
                table: "outgoing_digital_post",
                columns: new[] { "SentAt", "NextAttemptAt" });
            Tilsyn.Web.DigitalPost.DigitalPostBackfill.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outgoing_digital_post");

            migrationBuilder.DropIndex(
                name: "IX_case_documents_Channel_PrintedAt",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "citizen_exempt_digital_post",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "DigitalPostMessageId",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "PrintedAt",
                table: "case_documents");

            migrationBuilder.DropColumn(
                name: "PrintedByName",
                table: "case_documents");
        }
    }
}
