using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LettersMailReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "letter_templates",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_templates", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    AttachmentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Attachment = table.Column<byte[]>(type: "bytea", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outgoing_mail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    What = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_mail_SentAt",
                table: "outgoing_mail",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_CaseNumber_What_Due_SentOn_To",
                table: "sent_reminders",
                columns: new[] { "CaseNumber", "What", "Due", "SentOn", "To" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "letter_templates");

            migrationBuilder.DropTable(
                name: "outgoing_mail");

            migrationBuilder.DropTable(
                name: "sent_reminders");
        }
    }
}
