using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue16PublicSiteAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedFeedbackToken",
                table: "outgoing_mail",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

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
                name: "feedback_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    HalfYearKey = table.Column<int>(type: "INTEGER", nullable: false),
                    EasyToComplain = table.Column<int>(type: "INTEGER", nullable: true),
                    ClearHandling = table.Column<int>(type: "INTEGER", nullable: true),
                    QuickEnough = table.Column<int>(type: "INTEGER", nullable: true),
                    TreatedWell = table.Column<int>(type: "INTEGER", nullable: true),
                    Overall = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CommentState = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedComment = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_answers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_invitations_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_feedback_answers_CommentState",
                table: "feedback_answers",
                column: "CommentState");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_HalfYearKey_AdministrationId",
                table: "feedback_answers",
                columns: new[] { "HalfYearKey", "AdministrationId" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_invitations_CaseId",
                table: "feedback_invitations",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_invitations_TokenHash",
                table: "feedback_invitations",
                column: "TokenHash",
                unique: true);

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
                name: "feedback_answers");

            migrationBuilder.DropTable(
                name: "feedback_invitations");

            migrationBuilder.DropTable(
                name: "fokus_publications");

            migrationBuilder.DropColumn(
                name: "ProtectedFeedbackToken",
                table: "outgoing_mail");

            migrationBuilder.DropColumn(
                name: "PubliclyPublishedAt",
                table: "evaluation_rounds");

            migrationBuilder.DropColumn(
                name: "PubliclyPublishedBy",
                table: "evaluation_rounds");
        }
    }
}
