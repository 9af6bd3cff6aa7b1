using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// The hand-written part of the <c>Issue12NeedToKnow</c> migration (called with one line from each
/// provider's migration): the shared search table (<see cref="CaseSearch"/>) and the backfill that
/// keeps what administrations were already involved in visible to them.
/// </summary>
public static class NeedToKnowMigration
{
    public static void Up(MigrationBuilder m, bool postgres)
    {
        // Cases the advisor had already involved the administration in (a statement request to it, or a
        // targeted effort) stay visible to its contacts; every other case is now hidden until shared.
        m.Sql("""
            UPDATE cases SET "SharedWithAdministrationId" = "AdministrationId",
                "SharedAt" = COALESCE(
                    (SELECT MIN(r."RequestedAt") FROM statement_requests r WHERE r."CaseId" = cases."Id" AND r."AdministrationId" = cases."AdministrationId"),
                    (SELECT MIN(e."At") FROM case_events e WHERE e."CaseId" = cases."Id" AND e."ToStatus" = 'TargetedEffort'))
            WHERE "AdministrationId" IS NOT NULL AND (
                EXISTS (SELECT 1 FROM statement_requests r WHERE r."CaseId" = cases."Id" AND r."AdministrationId" = cases."AdministrationId")
                OR EXISTS (SELECT 1 FROM case_events e WHERE e."CaseId" = cases."Id" AND e."ToStatus" = 'TargetedEffort'));
            """);
        if (postgres)
        {
            m.Sql(@"CREATE TABLE case_search_shared (
                case_id integer PRIMARY KEY REFERENCES cases(""Id"") ON DELETE CASCADE,
                content text NOT NULL,
                search_vector tsvector GENERATED ALWAYS AS (to_tsvector('danish', content)) STORED);");
            m.Sql("CREATE INDEX ix_case_search_shared_vector ON case_search_shared USING GIN (search_vector);");
        }
        else
            m.Sql("CREATE VIRTUAL TABLE case_search_shared USING fts5(content, tokenize = 'unicode61');");

        // The shared text of the cases shared above: the number, the subject, the administration's own
        // statement requests and what belongs to them. The description is left out here (the citizen may
        // have written a CPR number in it, which SQL cannot take out); the next change to the case
        // indexes it in full through CaseSearch.SharedTextOf.
        var nl = postgres ? "E'\\n'" : "char(10)";
        var concat = postgres ? "string_agg" : "group_concat";
        var key = postgres ? "case_id" : "rowid";
        m.Sql($"""
            INSERT INTO case_search_shared ({key}, content)
            SELECT c."Id", c."Number" || {nl} || c."Subject" || {nl}
                || COALESCE((SELECT {concat}(r."Question", {nl}) FROM statement_requests r WHERE r."CaseId" = c."Id" AND r."AdministrationId" = c."AdministrationId"), '') || {nl}
                || COALESCE((SELECT {concat}(d."Title" || {nl} || d."Text", {nl}) FROM case_documents d WHERE d."CaseId" = c."Id" AND d."StatementRequestId" IS NOT NULL AND d."Text" IS NOT NULL), '')
            FROM cases c WHERE c."SharedWithAdministrationId" IS NOT NULL;
            """);
    }

    public static void Down(MigrationBuilder m) => m.Sql("DROP TABLE case_search_shared;");
}
