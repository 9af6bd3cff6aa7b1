using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Foreword = table.Column<string>(type: "TEXT", nullable: false),
                    Themes = table.Column<string>(type: "TEXT", nullable: false),
                    RecommendationsText = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedHtml = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedPdf = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PublishedDocx = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_audits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerAdministrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExtractId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtractLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    KleGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OpenedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StratifyBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Design = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    ChecklistVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Strata = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_audits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_examples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuditId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewJson = table.Column<string>(type: "TEXT", nullable: false),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportYear = table.Column<int>(type: "INTEGER", nullable: true),
                    InLibrary = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedText = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    LegalRule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    KleGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_examples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "extract_case_chunks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExtractId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChunkNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Committee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audited_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuditId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KleGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Opened = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decided = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
