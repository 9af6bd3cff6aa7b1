using System.Security.Claims;
using Tilsyn.Recommendations;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Recommendations;

/// <summary>The recommendations' source references as the user may see them (<see cref="Recommendation.ShownReference"/>), by recommendation id.</summary>
public static class RecommendationReferences
{
    public static async Task<Dictionary<int, string>> ShownAsync(TilsynDbContext db, ClaimsPrincipal user, IReadOnlyCollection<Recommendation> rows, CancellationToken ct)
    {
        var caseNumbers = rows.Where(r => r.Source == RecommendationSource.ComplaintCase).Select(r => r.SourceReference.Trim()).Distinct().ToList();
        var visible = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (caseNumbers.Count > 0)
            visible.UnionWith(await db.Cases.Where(CaseQueries.Access(user).Visible).Where(c => caseNumbers.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        return rows.ToDictionary(r => r.Id, r => Recommendation.ShownReference(r.Source, r.SourceReference, visible.Contains(r.SourceReference.Trim())));
    }
}
