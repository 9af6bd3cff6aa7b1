using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditsReportsLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Foreword = table.Column<string>(type: "text", nullable: false),
                    Themes = table.Column<string>(type: "text", nullable: false),
                    RecommendationsText = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedHtml = table.Column<string>(type: "text", nullable: true),
                    PublishedPdf = table.Column<byte[]>(type: "bytea", nullable: true),
                    PublishedDocx = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerAdministrationId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExtractId = table.Column<int>(type: "integer", nullable: true),
                    ExtractLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdministrationId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    KleGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CaseType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OpenedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    StratifyBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Design = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    ChecklistVersion = table.Column<int>(type: "integer", nullable: false),
                    PopulationSize = table.Column<long>(type: "bigint", nullable: false),
                    Strata = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_examples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    AuditId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewJson = table.Column<string>(type: "text", nullable: false),
                    Resolved = table.Column<bool>(type: "boolean", nullable: false),
                    ReportYear = table.Column<int>(type: "integer", nullable: true),
                    InLibrary = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedText = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AdministrationId = table.Column<int>(type: "integer", nullable: true),
                    LegalRule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    KleGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_examples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "extract_case_chunks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExtractId = table.Column<int>(type: "integer", nullable: false),
                    ChunkNo = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Payload = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_extract_case_chunks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_extract_case_chunks_extracts_ExtractId",
                        column: x => x.ExtractId,
                        principalTable: "extracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_accounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AdministrationId = table.Column<int>(type: "integer", nullable: false),
                    Committee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "text", nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AdministrationId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecommendationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audited_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditId = table.Column<int>(type: "integer", nullable: false),
                    CaseKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Stratum = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AdministrationId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KleGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Opened = table.Column<DateOnly>(type: "date", nullable: false),
                    Decided = table.Column<DateOnly>(type: "date", nullable: true),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audited_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_audited_cases_case_audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "case_audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_Year",
                table: "annual_reports",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audited_cases_AuditId_CaseKey",
                table: "audited_cases",
                columns: new[] { "AuditId", "CaseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_audits_AdministrationId",
                table: "case_audits",
                column: "AdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_case_examples_InLibrary_Year",
                table: "case_examples",
                columns: new[] { "InLibrary", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_extract_case_chunks_ExtractId_ChunkNo",
                table: "extract_case_chunks",
                columns: new[] { "ExtractId", "ChunkNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_accounts_Year_AdministrationId",
                table: "follow_up_accounts",
                columns: new[] { "Year", "AdministrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_recommendations_Year",
                table: "report_recommendations",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_reports");

            migrationBuilder.DropTable(
                name: "audited_cases");

            migrationBuilder.DropTable(
                name: "case_examples");

            migrationBuilder.DropTable(
                name: "extract_case_chunks");

            migrationBuilder.DropTable(
                name: "follow_up_accounts");

            migrationBuilder.DropTable(
                name: "report_recommendations");

            migrationBuilder.DropTable(
                name: "case_audits");
        }
    }
}
