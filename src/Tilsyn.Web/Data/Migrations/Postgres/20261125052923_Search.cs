using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilsyn.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index of cases (see Complaints/CaseSearch.cs) with the Danish configuration.
            migrationBuilder.Sql(@"CREATE TABLE case_search (
                case_id integer PRIMARY KEY REFERENCES cases(""Id"") ON DELETE CASCADE,
                content text NOT NULL,
                search_vector tsvector GENERATED ALWAYS AS (to_tsvector('danish', content)) STORED);");
            migrationBuilder.Sql("CREATE INDEX ix_case_search_vector ON case_search USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE case_search;");
        }
    }
}
