using Tilsyn.Statistics;

namespace Tilsyn.Web.Statistics;

/// <summary>Measures each target over a period and says whether it is met. No volume or no deadline data means "not measurable", never "met".</summary>
public sealed class TargetEvaluation(TilsynDbContext db, StatisticsQueries stats)
{
    public async Task<List<TargetStatus>> EvaluateAsync(Quarter from, Quarter to, CancellationToken ct)
    {
        var targets = await db.Set<Target>().AsNoTracking().ToListAsync(ct);
        if (targets.Count == 0) return [];
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var result = new List<TargetStatus>();
        foreach (var adminGroup in targets.GroupBy(t => t.AdministrationId))
        {
            var unitRows = await stats.ByUnitAsync(adminGroup.Key, from, to, ct);
            foreach (var t in adminGroup)
            {
                var inScope = t.AreaId is { } area ? Descendants(units, area) : units.Where(u => u.AdministrationId == t.AdministrationId).Select(u => u.Id).ToHashSet();
                var rows = unitRows.Where(r => inScope.Contains(r.Id)).ToList();
                long opened = rows.Sum(r => r.Opened), complaints = rows.Sum(r => r.Complaints);
                double? actual = t.Kind == TargetKind.MaxComplaintsPerThousand
                    ? opened == 0 ? null : complaints * 1000.0 / opened
                    : OnTime(rows);
                var deviates = actual is { } a && (t.Kind == TargetKind.MaxComplaintsPerThousand ? a > t.Value : a < t.Value);
                var scope = admins[t.AdministrationId].Code + (t.AreaId is { } ar ? " – " + units.First(u => u.Id == ar).Name : "");
                result.Add(new TargetStatus(t, scope, actual, deviates));
            }
        }
        return result.OrderByDescending(r => r.Deviates).ThenBy(r => r.Scope).ToList();
    }

    private static double? OnTime(List<KpiRow> rows)
    {
        // Weighted by decided cases; rows without deadline data do not count.
        var withShare = rows.Where(r => r.OnTimeShare is not null && r.Decided > 0).ToList();
        var decided = withShare.Sum(r => r.Decided);
        return decided == 0 ? null : withShare.Sum(r => r.OnTimeShare!.Value * r.Decided) / decided * 100;
    }

    private static HashSet<int> Descendants(List<Tilsyn.Organisation.OrgUnit> units, int root)
    {
        var set = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var u in units)
                if (u.ParentId is { } p && set.Contains(p) && set.Add(u.Id)) grew = true;
        } while (grew);
        return set;
    }
}
