using System.Text;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// Full-text search over cases, in two tables kept by the application after every change and
/// searched with each database's own engine: SQLite FTS5 (prefix match per word) and PostgreSQL
/// <c>to_tsvector('danish', …)</c> with a GIN index (Danish stemming).
/// <list type="bullet">
/// <item><c>case_search</c>: everything on the case (subject, description, notes, letters, statements); searched by the advisor's staff.</item>
/// <item><c>case_search_shared</c>: only what the case's administration may see (<see cref="SharedTextOf"/>), and only
/// while the case is shared with it; searched by its contacts, so a word that occurs only in an internal
/// note or an unshared document never finds the case for them (<see cref="CaseAccess.SearchesInternalText"/>); a case
/// of an administration's own register is there with all its text, for that administration's users.</item>
/// </list>
/// Created by the <c>Initial</c> and <c>Issue12NeedToKnow</c> migrations (<see cref="NeedToKnowMigration"/>).
/// </summary>
public sealed class CaseSearch(TilsynDbContext db)
{
    private const string AllText = "case_search", SharedText = "case_search_shared";

    public static string TextOf(ComplaintCase c)
    {
        var sb = new StringBuilder().AppendLine(c.Number).AppendLine(c.Subject).AppendLine(c.Description);
        foreach (var d in c.Documents.Where(d => d.Text is not null))
            sb.AppendLine(d.Title).AppendLine(d.Text);
        foreach (var r in c.StatementRequests) sb.AppendLine(r.Question);
        return sb.ToString();
    }

    /// <summary>
    /// The text the case's administration may search: null while the case is not shared with it;
    /// otherwise what its contacts see on the case page (shared documents, its own statement
    /// requests), with any CPR number taken out.
    /// </summary>
    public static string? SharedTextOf(ComplaintCase c)
    {
        // A case of an administration's own register is the administration's: its users search all of it.
        if (c.OwnerAdministrationId is not null) return TextOf(c);
        if (!c.IsSharedWithAdministration) return null;
        var sb = new StringBuilder().AppendLine(c.Number).AppendLine(CaseAccess.WithoutCpr(c.Subject)).AppendLine(CaseAccess.WithoutCpr(c.Description));
        foreach (var d in c.Documents.Where(d => d.Text is not null && d.VisibleToAdministration))
            sb.AppendLine(d.Title).AppendLine(CaseAccess.WithoutCpr(d.Text!));
        foreach (var r in c.StatementRequests.Where(r => r.AdministrationId == c.AdministrationId)) sb.AppendLine(r.Question);
        return sb.ToString();
    }

    public async Task IndexAsync(ComplaintCase c, CancellationToken ct)
    {
        await WriteAsync(AllText, c.Id, TextOf(c), ct);
        await WriteAsync(SharedText, c.Id, SharedTextOf(c), ct);
    }

    /// <summary>Takes the case out of both tables (its personal data is deleted; a stub is not searchable).</summary>
    public async Task RemoveAsync(int caseId, CancellationToken ct)
    {
        await WriteAsync(AllText, caseId, null, ct);
        await WriteAsync(SharedText, caseId, null, ct);
    }

    /// <summary>
    /// SQLite only: merges each FTS5 index into one segment (<c>optimize</c>), which drops the index entries
    /// of deleted rows; until then an FTS5 index keeps a deleted row's words in its older segments.
    /// </summary>
    public async Task CompactAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) return;
        foreach (var table in new[] { AllText, SharedText })
        {
            // The table name is one of the two constants above, never input.
            var optimize = $"INSERT INTO {table}({table}) VALUES ('optimize')";
            await db.Database.ExecuteSqlRawAsync(optimize, ct);
        }
    }

    private async Task WriteAsync(string table, int caseId, string? text, CancellationToken ct)
    {
        // The table name is one of the two constants above, never input; the values are parameters.
        var postgres = db.Database.IsNpgsql();
        var delete = "DELETE FROM " + table + (postgres ? " WHERE case_id = {0}" : " WHERE rowid = {0}");
        var insert = "INSERT INTO " + table + (postgres
            ? " (case_id, content) VALUES ({0}, {1}) ON CONFLICT (case_id) DO UPDATE SET content = EXCLUDED.content"
            : " (rowid, content) VALUES ({0}, {1})");
        if (text is null || !postgres) await db.Database.ExecuteSqlRawAsync(delete, [caseId], ct);
        if (text is not null) await db.Database.ExecuteSqlRawAsync(insert, [caseId, text], ct);
    }

    /// <summary>The cases whose text matches every word of <paramref name="query"/>: all text for staff, the shared text for anyone else.</summary>
    public async Task<List<int>> MatchingCaseIdsAsync(string query, bool internalText, CancellationToken ct)
    {
        var words = Words(query);
        if (words.Count == 0) return [];
        var table = internalText ? AllText : SharedText;
        if (db.Database.IsNpgsql())
        {
            var sql = "SELECT case_id AS \"Value\" FROM " + table + " WHERE search_vector @@ plainto_tsquery('danish', {0})";
            return await db.Database.SqlQueryRaw<int>(sql, string.Join(' ', words)).ToListAsync(ct);
        }
        // FTS5: every word must occur, as a word or a word's beginning; quoting keeps user input from being FTS syntax.
        var match = string.Join(" AND ", words.Select(w => $"\"{w}\"*"));
        var fts = "SELECT rowid AS \"Value\" FROM " + table + " WHERE " + table + " MATCH {0}";
        return await db.Database.SqlQueryRaw<int>(fts, match).ToListAsync(ct);
    }

    /// <summary>Letters and digits only: what both engines treat as words, and nothing that could be query syntax.</summary>
    internal static List<string> Words(string query) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .Take(10)
            .ToList();
}
