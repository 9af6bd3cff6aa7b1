using Tilsyn.Complaints;
using Tilsyn.Recommendations;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Recommendations;

/// <summary>
/// "Did it help?" for one closed recommendation aimed at a unit and a complaint category: the complaints counted and the
/// unit's case volumes, handed to <see cref="BeforeAfter.ForUnit"/>. The one place that says which complaints count.
/// </summary>
public static class RecommendationEffect
{
    /// <summary>Null when the recommendation is not closed, not aimed at a unit and a category, or closed today (too early to say).</summary>
    public static async Task<EffectEstimate?> ForAsync(TilsynDbContext db, Recommendation r, DateOnly today, CancellationToken ct)
    {
        if (!r.HasMeasurableEffect || r.ClosedOn is not { } closedOn) return null;
        int unit = r.UnitId!.Value;
        var category = r.Category!.Value;
        // The advisor's complaint cases about the unit in the category. (An administration's own register cases could be
        // added here, as ComplaintFacts with HandledBy.Administration; CountOnce keeps a linked entry from counting twice.)
        var rows = await db.Cases.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.OwnerAdministrationId == null && c.Type == CaseType.Complaint && c.UnitId == unit && c.AdministrationId != null
                && c.Categories.Any(x => x.Category == category))
            .Select(c => new { c.Number, c.ReceivedAt, c.AdministrationId })
            .ToListAsync(ct);
        var facts = rows.Select(c => new ComplaintFact(c.Number, Tilsyn.Calendar.DanishTime.LocalDate(c.ReceivedAt), c.AdministrationId!.Value, unit, [category], HandledBy.Advisor, null, null));
        // The unit's cases per quarter from the extracts (the KPI cube); no extract, no volumes: equal day windows instead.
        var quarters = await db.KpiCells.AsNoTracking().Where(k => k.UnitId == unit)
            .GroupBy(k => new { k.Year, k.Quarter }).Select(g => new { g.Key.Year, g.Key.Quarter, Opened = g.Sum(k => k.Opened) })
            .ToListAsync(ct);
        var volumes = quarters.Count == 0 ? null
            : new CaseVolumes(quarters.Select(q => (Tilsyn.Calendar.ReportingPeriod.ForQuarter(q.Year, q.Quarter), q.Opened)));
        return BeforeAfter.ForUnit(ComplaintCounting.CountOnce(facts), unit, category, closedOn, today, volumes);
    }
}
