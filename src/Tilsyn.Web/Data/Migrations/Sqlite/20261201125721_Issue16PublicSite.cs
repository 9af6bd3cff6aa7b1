using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue16PublicSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PubliclyPublishedAt",
                table: "evaluation_rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PubliclyPublishedBy",
                table: "evaluation_rounds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fokus_publications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Docx = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fokus_publications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fokus_publications_evaluation_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "evaluation_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fokus_publications_RoundId",
                table: "fokus_publications",
                column: "RoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fokus_publications_Year",
                table: "fokus_publications",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fokus_publications");

            migrationBuilder.DropColumn(
                name: "PubliclyPublishedAt",
                table: "evaluation_rounds");

            migrationBuilder.DropColumn(
                name: "PubliclyPublishedBy",
                table: "evaluation_rounds");
        }
    }
}
