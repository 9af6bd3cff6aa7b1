using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13PersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FirstAnswerExtendedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstAnswerExtensionReason",
                table: "cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataDeletedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequestGranted",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "citizen_cpr_lookup",
                table: "cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "archive_deliveries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CaseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ManifestSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archive_deliveries", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "document_access_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestCaseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReleaseDocumentSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Cases = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    RefusalGrounds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_access_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_access_requests_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PlacedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LiftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LiftedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LiftedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_holds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_legal_holds_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "retention_disposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DisposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ArchiveDeliveryId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_disposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "retention_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    KlePrefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retention_rules", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "retention_rules",
                columns: new[] { "Id", "CaseType", "Disposition", "KlePrefix", "Note", "Period", "ScopeKey", "Version" },
                values: new object[] { 1, null, "Discard", null, "Standardregel", "P1825D", "*", 0 });

            migrationBuilder.CreateIndex(
                name: "IX_cases_citizen_cpr_lookup",
                table: "cases",
                column: "citizen_cpr_lookup");

            migrationBuilder.CreateIndex(
                name: "IX_archive_deliveries_CreatedAt",
                table: "archive_deliveries",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_archive_deliveries_Location",
                table: "archive_deliveries",
                column: "Location",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_prunes_ThroughSequence",
                table: "audit_log_prunes",
                column: "ThroughSequence");

            migrationBuilder.CreateIndex(
                name: "IX_document_access_requests_CaseId",
                table: "document_access_requests",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_holds_in_force",
                table: "legal_holds",
                column: "CaseId",
                unique: true,
                filter: "\"LiftedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_retention_disposals_CaseId",
                table: "retention_disposals",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_retention_disposals_DisposedAt",
                table: "retention_disposals",
                column: "DisposedAt");

            migrationBuilder.CreateIndex(
                name: "IX_retention_rules_ScopeKey",
                table: "retention_rules",
                column: "ScopeKey",
                unique: true);

            Tilsyn.Web.Retention.RetentionRuleSeed.Up(migrationBuilder, postgres: false);
            Tilsyn.Web.AccessLogging.AccessLogRetentionSql.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Tilsyn.Web.AccessLogging.AccessLogRetentionSql.Down(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "archive_deliveries");

            migrationBuilder.DropTable(
                name: "audit_log_prunes");

            migrationBuilder.DropTable(
                name: "document_access_requests");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "retention_disposals");

            migrationBuilder.DropTable(
                name: "retention_rules");

            migrationBuilder.DropIndex(
                name: "IX_cases_citizen_cpr_lookup",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstAnswerExtendedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstAnswerExtensionReason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PersonalDataDeletedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RequestGranted",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "citizen_cpr_lookup",
                table: "cases");
        }
    }
}
