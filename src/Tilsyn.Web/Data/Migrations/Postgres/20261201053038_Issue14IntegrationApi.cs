using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OAuthClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Scopes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    KeyLookupId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    KeyIssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "integration_extract_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Report = table.Column<string>(type: "text", nullable: true),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
