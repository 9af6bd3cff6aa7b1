using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13Deletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PersonalDataDeletedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log_prunes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Before = table.Column<long>(type: "INTEGER", nullable: false),
                    ThroughSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    ThroughHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Deleted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log_prunes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_prunes_ThroughSequence",
                table: "audit_log_prunes",
                column: "ThroughSequence");

            Tilsyn.Web.AccessLogging.AccessLogRetentionSql.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.AccessLogging.AccessLogRetentionSql.Down(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "audit_log_prunes");

            migrationBuilder.DropColumn(
                name: "PersonalDataDeletedAt",
                table: "cases");
        }
    }
}
