using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue13Deletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PersonalDataDeletedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log_prunes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ThroughSequence = table.Column<long>(type: "bigint", nullable: true),
                    ThroughHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Deleted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log_prunes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_prunes_ThroughSequence",
                table: "audit_log_prunes",
                column: "ThroughSequence");

            Tilsyn.Web.AccessLogging.AccessLogRetentionSql.Up(migrationBuilder, postgres: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.AccessLogging.AccessLogRetentionSql.Down(migrationBuilder, postgres: true);

            migrationBuilder.DropTable(
                name: "audit_log_prunes");

            migrationBuilder.DropColumn(
                name: "PersonalDataDeletedAt",
                table: "cases");
        }
    }
}
