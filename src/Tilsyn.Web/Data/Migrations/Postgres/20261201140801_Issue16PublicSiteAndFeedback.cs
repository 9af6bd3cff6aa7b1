using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PubliclyPublishedAt",
                table: "evaluation_rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PubliclyPublishedBy",
                table: "evaluation_rounds",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "feedback_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AdministrationId = table.Column<int>(type: "integer", nullable: true),
                    HalfYearKey = table.Column<int>(type: "integer", nullable: false),
                    EasyToComplain = table.Column<int>(type: "integer", nullable: true),
                    ClearHandling = table.Column<int>(type: "integer", nullable: true),
                    QuickEnough = table.Column<int>(type: "integer", nullable: true),
                    TreatedWell = table.Column<int>(type: "integer", nullable: true),
                    Overall = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CommentState = table.Column<int>(type: "integer", nullable: false),
                    ApprovedComment = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_answers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Docx = table.Column<byte[]>(type: "bytea", nullable: false)
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
