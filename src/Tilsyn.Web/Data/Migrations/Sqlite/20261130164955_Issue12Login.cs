using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12Login : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_audit_log_Sequence",
                table: "audit_log",
                column: "Sequence",
                unique: true);

            Tilsyn.Web.AccessLogging.AccessLogTrigger.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.AccessLogging.AccessLogTrigger.Down(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "login_throttles");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Sequence",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "AspNetUsers");
        }
    }
}
