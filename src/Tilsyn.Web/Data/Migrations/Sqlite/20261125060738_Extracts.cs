using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Extracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "extracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsImported = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsQuarantined = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_extracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "processing_deadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    InWeeks = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processing_deadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_processing_deadlines_administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "extract_quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExtractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Errors = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_extract_quarantine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_extract_quarantine_extracts_ExtractId",
                        column: x => x.ExtractId,
                        principalTable: "extracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_cells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExtractId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    KleGroup = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CaseType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Opened = table.Column<long>(type: "INTEGER", nullable: false),
                    Decided = table.Column<long>(type: "INTEGER", nullable: false),
                    MedianDays = table.Column<double>(type: "REAL", nullable: true),
                    P90Days = table.Column<double>(type: "REAL", nullable: true),
                    WithDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    WithinDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Histogram = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_cells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kpi_cells_extracts_ExtractId",
                        column: x => x.ExtractId,
                        principalTable: "extracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_extract_quarantine_ExtractId",
                table: "extract_quarantine",
                column: "ExtractId");

            migrationBuilder.CreateIndex(
                name: "IX_extracts_Source_PeriodFrom_PeriodTo",
                table: "extracts",
                columns: new[] { "Source", "PeriodFrom", "PeriodTo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kpi_cells_AdministrationId_Year_Quarter",
                table: "kpi_cells",
                columns: new[] { "AdministrationId", "Year", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_cells_ExtractId",
                table: "kpi_cells",
                column: "ExtractId");

            migrationBuilder.CreateIndex(
                name: "IX_kpi_cells_UnitId",
                table: "kpi_cells",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_processing_deadlines_AdministrationId_CaseType",
                table: "processing_deadlines",
                columns: new[] { "AdministrationId", "CaseType" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "extract_quarantine");

            migrationBuilder.DropTable(
                name: "kpi_cells");

            migrationBuilder.DropTable(
                name: "processing_deadlines");

            migrationBuilder.DropTable(
                name: "extracts");
        }
    }
}
