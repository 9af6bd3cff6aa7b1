using Tilsyn.Organisation;

namespace Tilsyn.Web.Pages.Recommendations;

/// <summary>The unit a recommendation is aimed at: a unit (not an area) of the recommendation's own administration.</summary>
internal static class RecommendationAim
{
    public static Task<List<OrgUnit>> UnitsAsync(TilsynDbContext db, int? administrationId, CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Unit && (administrationId == null || u.AdministrationId == administrationId))
            .OrderBy(u => u.AdministrationId).ThenBy(u => u.Name).ToListAsync(ct);

    public static async Task EnsureUnitOfAsync(TilsynDbContext db, int administrationId, int? unitId, CancellationToken ct)
    {
        if (unitId is { } u && !await db.OrgUnits.AnyAsync(x => x.Id == u && x.Kind == OrgUnitKind.Unit && x.AdministrationId == administrationId, ct))
            throw new DomainException("Enheden hører ikke til forvaltningen.");
    }
}
