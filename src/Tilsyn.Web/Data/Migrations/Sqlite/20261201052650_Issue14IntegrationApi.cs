using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14IntegrationApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integration_clients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OAuthClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    KeyLookupId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    KeyIssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integration_extract_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_extract_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_integration_extract_jobs_integration_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "integration_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "integration_idempotency",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_idempotency", x => x.Id);
                    table.ForeignKey(
                        name: "FK_integration_idempotency_integration_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "integration_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_integration_clients_KeyLookupId",
                table: "integration_clients",
                column: "KeyLookupId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integration_clients_Name",
                table: "integration_clients",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integration_clients_OAuthClientId",
                table: "integration_clients",
                column: "OAuthClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integration_extract_jobs_ClientId_StartedAt",
                table: "integration_extract_jobs",
                columns: new[] { "ClientId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_integration_idempotency_ClientId_Key",
                table: "integration_idempotency",
                columns: new[] { "ClientId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_integration_idempotency_CreatedAt",
                table: "integration_idempotency",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integration_extract_jobs");

            migrationBuilder.DropTable(
                name: "integration_idempotency");

            migrationBuilder.DropTable(
                name: "integration_clients");
        }
    }
}
