using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Statistics;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Statistics;

public enum TargetKind
{
    /// <summary>At most this many complaints per 1,000 cases (<i>måltal for andelen af klager</i>).</summary>
    MaxComplaintsPerThousand = 1,
    /// <summary>At least this share of cases decided within the published deadline (0–100 %).</summary>
    MinOnTimePercent = 2,
}

/// <summary>A target (<i>måltal</i>) for an administration or one of its areas.</summary>
public sealed class Target
{
    public int Id { get; set; }
    public int AdministrationId { get; set; }
    /// <summary>An area within the administration; null for the whole administration.</summary>
    public int? AreaId { get; set; }
    public TargetKind Kind { get; set; }
    public double Value { get; set; }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> e)
    {
        e.ToTable("targets");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Tilsyn.Organisation.OrgUnit>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AdministrationId, x.AreaId, x.Kind }).IsUnique();
    }
}

public sealed record TargetStatus(Target Target, string Scope, double? Actual, bool Deviates)
{
    public string Describe() => Target.Kind == TargetKind.MaxComplaintsPerThousand
        ? $"højst {Target.Value:0.##} klager pr. 1.000 sager"
        : $"mindst {Target.Value:0.#} % afgjort inden for fristen";
}

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
