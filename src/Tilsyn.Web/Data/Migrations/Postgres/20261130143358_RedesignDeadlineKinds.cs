using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RedesignDeadlineKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "sent_reminders",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            // The reminder table stores the deadline's kind, not its Danish label (which may change).
            migrationBuilder.Sql("""
                UPDATE sent_reminders SET "Kind" = CASE "What"
                    WHEN 'Første svar til borgeren' THEN 'FirstAnswer'
                    WHEN 'Udtalelse fra forvaltningen' THEN 'Statement'
                    WHEN 'Udtalelse til Borgerrådgiveren' THEN 'Statement'
                    WHEN 'FOKUS' THEN 'EvaluationAnswer'
                    ELSE '' END
                """);
            // A row whose label is unknown only stops a reminder on the day it was sent: it can go.
            migrationBuilder.Sql("""DELETE FROM sent_reminders WHERE "Kind" = ''""");
            migrationBuilder.Sql("""
                DELETE FROM sent_reminders WHERE "Id" NOT IN
                    (SELECT MIN("Id") FROM sent_reminders GROUP BY "CaseNumber", "Kind", "Due", "SentOn", "To")
                """);

            migrationBuilder.DropIndex(
                name: "IX_sent_reminders_CaseNumber_What_Due_SentOn_To",
                table: "sent_reminders");

            migrationBuilder.DropColumn(
                name: "What",
                table: "sent_reminders");

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_CaseNumber_Kind_Due_SentOn_To",
                table: "sent_reminders",
                columns: new[] { "CaseNumber", "Kind", "Due", "SentOn", "To" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sent_reminders_CaseNumber_Kind_Due_SentOn_To",
                table: "sent_reminders");

            migrationBuilder.AddColumn<string>(
                name: "What",
                table: "sent_reminders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE sent_reminders SET "What" = CASE "Kind"
                    WHEN 'FirstAnswer' THEN 'Første svar til borgeren'
                    WHEN 'Statement' THEN 'Udtalelse fra forvaltningen'
                    WHEN 'EvaluationAnswer' THEN 'FOKUS'
                    ELSE "Kind" END
                """);

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "sent_reminders");

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_CaseNumber_What_Due_SentOn_To",
                table: "sent_reminders",
                columns: new[] { "CaseNumber", "What", "Due", "SentOn", "To" },
                unique: true);
        }
    }
}
