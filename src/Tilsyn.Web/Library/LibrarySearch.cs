using Tilsyn.Publishing;

namespace Tilsyn.Web.Library;

public sealed record LibraryFilter(string? Query = null, string? LegalRule = null, int? AdministrationId = null, string? KleGroup = null, int? Year = null, string? Outcome = null);

/// <summary>
/// The learning library: published, anonymised summaries and audit findings. Full-text search is on
/// the stored stemmed text (see <see cref="DanishText"/>): every query term must begin a stemmed word,
/// so "klagerne" finds "klage" and "klagen", on SQLite and PostgreSQL alike.
/// </summary>
public sealed class LibrarySearch(TilsynDbContext db)
{
    public const int PageSize = 50;

    public async Task<List<CaseExample>> SearchAsync(LibraryFilter f, CancellationToken ct)
    {
        var q = db.Set<CaseExample>().AsNoTracking().Where(e => e.InLibrary && e.PublishedAt != null);
        if (!string.IsNullOrWhiteSpace(f.LegalRule)) q = q.Where(e => e.LegalRule == f.LegalRule);
        if (f.AdministrationId is { } a) q = q.Where(e => e.AdministrationId == a);
        if (!string.IsNullOrWhiteSpace(f.KleGroup)) q = q.Where(e => e.KleGroup != null && (e.KleGroup == f.KleGroup || e.KleGroup.StartsWith(f.KleGroup + ".")));
        if (f.Year is { } y) q = q.Where(e => e.Year == y);
        if (!string.IsNullOrWhiteSpace(f.Outcome)) q = q.Where(e => e.Outcome == f.Outcome);
        foreach (var term in DanishText.QueryTerms(f.Query))
        {
            var pattern = " " + term;
            q = q.Where(e => e.SearchText.Contains(pattern));
        }
        return await q.OrderByDescending(e => e.Year).ThenByDescending(e => e.Id).Take(PageSize).ToListAsync(ct);
    }
}
