using System.Text;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// Full-text search over a case's subject, description, notes, letters and statements.
/// One table <c>case_search</c> (case id, text) kept by the application after every change, searched
/// with each database's own engine: SQLite FTS5 (prefix match per word) and PostgreSQL
/// <c>to_tsvector('danish', …)</c> with a GIN index (Danish stemming). Created by the <c>Search</c> migrations.
/// </summary>
public sealed class CaseSearch(TilsynDbContext db)
{
    public static string TextOf(ComplaintCase c)
    {
        var sb = new StringBuilder().AppendLine(c.Number).AppendLine(c.Subject).AppendLine(c.Description);
        foreach (var d in c.Documents.Where(d => d.Text is not null))
            sb.AppendLine(d.Title).AppendLine(d.Text);
        foreach (var r in c.StatementRequests) sb.AppendLine(r.Question);
        return sb.ToString();
    }

    public async Task IndexAsync(ComplaintCase c, CancellationToken ct)
    {
        var text = TextOf(c);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO case_search (case_id, content) VALUES ({c.Id}, {text}) ON CONFLICT (case_id) DO UPDATE SET content = EXCLUDED.content", ct);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM case_search WHERE rowid = {c.Id}", ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO case_search (rowid, content) VALUES ({c.Id}, {text})", ct);
        }
    }

    public async Task<List<int>> MatchingCaseIdsAsync(string query, CancellationToken ct)
    {
        var words = Words(query);
        if (words.Count == 0) return [];
        if (db.Database.IsNpgsql())
        {
            var q = string.Join(' ', words);
            return await db.Database.SqlQuery<int>(
                $"SELECT case_id AS \"Value\" FROM case_search WHERE search_vector @@ plainto_tsquery('danish', {q})").ToListAsync(ct);
        }
        // FTS5: every word must occur, as a word or a word's beginning; quoting keeps user input from being FTS syntax.
        var match = string.Join(" AND ", words.Select(w => $"\"{w}\"*"));
        return await db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM case_search WHERE case_search MATCH {match}").ToListAsync(ct);
    }

    /// <summary>Letters and digits only: what both engines treat as words, and nothing that could be query syntax.</summary>
    internal static List<string> Words(string query) =>
        query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .Take(10)
            .ToList();
}
