using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// Run by migration <c>Issue12StatusLinkMail</c>: removes the citizens' status links that earlier versions
/// merged into stored text (the journalised letters' text, the search index, the outbox's mail bodies),
/// so staff can no longer read them there. A link is <c>/status/</c> followed by a 43-character token
/// (<see cref="StatusToken.New"/>); it becomes <c>/status-link-fjernet</c>. The letters' stored PDFs cannot
/// be rewritten in SQL and keep their link: send the citizen a new link from the case page (the old one
/// then stops working) where that matters.
/// </summary>
public static class LegacyStatusLinkScrub
{
    private const int TokenLength = 43;

    public static void Up(MigrationBuilder m, bool postgres)
    {
        foreach (var (table, column, where) in new[]
        {
            ("case_documents", "Text", "\"Kind\" = 'Outgoing'"),
            ("outgoing_mail", "Body", "1 = 1"),
            ("case_search", "content", "1 = 1"),
        })
        {
            var col = $"\"{column}\"";
            if (postgres)
            {
                m.Sql($"UPDATE {table} SET {col} = regexp_replace({col}, '/status/[A-Za-z0-9_-]{{{TokenLength}}}', '/status-link-fjernet', 'g') WHERE {where} AND strpos({col}, '/status/') > 0;");
                continue;
            }
            // SQLite has no regular expressions: cut one link per pass; a letter holds one, a few passes cover the rest.
            for (var pass = 0; pass < 3; pass++)
                m.Sql($"UPDATE {table} SET {col} = substr({col}, 1, instr({col}, '/status/') - 1) || '/status-link-fjernet' || substr({col}, instr({col}, '/status/') + {8 + TokenLength}) WHERE {where} AND instr({col}, '/status/') > 0;");
        }
    }
}
