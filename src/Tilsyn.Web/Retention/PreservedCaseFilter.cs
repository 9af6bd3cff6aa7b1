using Tilsyn.Retention;

namespace Tilsyn.Web.Retention;

/// <summary>The retention rules tell the archive page which cases are to be preserved (<i>bevar</i>): the most specific rule per case decides.</summary>
public sealed class PreservedCaseFilter(TilsynDbContext db, RetentionQueries queries) : IPreservedCaseFilter
{
    public async Task<IReadOnlyList<int>> PreservedAsync(IReadOnlyList<int> caseIds, CancellationToken ct)
    {
        var rules = await queries.RulesAsync(ct);
        var ids = caseIds.Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Type, c.KleCode }).ToListAsync(ct);
        return cases.Where(c => rules.For(c.Type, c.KleCode).Disposition == RetentionDisposition.Preserve).Select(c => c.Id).OrderBy(i => i).ToList();
    }
}
