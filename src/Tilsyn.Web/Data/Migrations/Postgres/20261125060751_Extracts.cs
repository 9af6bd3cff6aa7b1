using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Policy = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RowsRead = table.Column<long>(type: "bigint", nullable: false),
                    RowsImported = table.Column<long>(type: "bigint", nullable: false),
                    RowsQuarantined = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_extracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "processing_deadlines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdministrationId = table.Column<int>(type: "integer", nullable: false),
                    CaseType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Amount = table.Column<int>(type: "integer", nullable: false),
                    InWeeks = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExtractId = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Errors = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExtractId = table.Column<int>(type: "integer", nullable: false),
                    AdministrationId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    KleGroup = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CaseType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Opened = table.Column<long>(type: "bigint", nullable: false),
                    Decided = table.Column<long>(type: "bigint", nullable: false),
                    MedianDays = table.Column<double>(type: "double precision", nullable: true),
                    P90Days = table.Column<double>(type: "double precision", nullable: true),
                    WithDeadline = table.Column<long>(type: "bigint", nullable: false),
                    WithinDeadline = table.Column<long>(type: "bigint", nullable: false),
                    Histogram = table.Column<string>(type: "text", nullable: false)
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
