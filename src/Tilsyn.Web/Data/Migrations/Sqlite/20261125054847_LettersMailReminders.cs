using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
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
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_templates", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attachment = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outgoing_mail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
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
