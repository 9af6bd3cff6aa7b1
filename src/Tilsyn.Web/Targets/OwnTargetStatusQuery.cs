using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Statistics;
using Tilsyn.Targets;

namespace Tilsyn.Web.Targets;

/// <summary>One target of an administration with its status for a period; <see cref="Year"/> is set for a result-contract target.</summary>
public sealed record OwnTargetRow(AdministrationTarget Target, string AdministrationCode, string AdministrationName, TargetResult Status, YearStatus? Year = null)
{
    public string Area => Target.Target.Area.Label;
    public string Description => Target.Target.Describe();
}

/// <summary>
/// The administrations' own targets with their status (met / not met / cannot be measured / no target)
/// for a period. Complaints are counted from both registers (the advisor's cases about the
/// administration and the administration's own register) once each (<see cref="ComplaintCounting.CountOnce"/>);
/// case volumes come from the extracts' KPI cube (quarters), matched to the target's area by KLE group,
/// case type or unit. Tilsyn holds no complaint data before the first complaint it registered, so a
/// period (or baseline year) that begins earlier has no figures ("cannot be measured", never "met").
/// Complaints carry a KLE code and a unit but no administration case type, so a case-type target
/// cannot be measured from the registers (its case volume is known from the extracts).
/// For the quarterly committee report: <see cref="ForAsync(int, ReportingPeriod, CancellationToken, bool)"/>.
/// </summary>
public sealed class OwnTargetStatusQuery(TilsynDbContext db, TimeProvider clock)
{
    /// <summary>
    /// An administration's targets that apply to <paramref name="period"/> with their status for it,
    /// ordered by area. <paramref name="submittedOnly"/> leaves out drafts (reports show what was
    /// submitted). A result-contract target also gets its year's monthly, half-year and annual status
    /// (the year the period ends in).
    /// </summary>
    public async Task<IReadOnlyList<OwnTargetRow>> ForAsync(int administrationId, ReportingPeriod period, CancellationToken ct, bool submittedOnly = false)
    {
        var admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == administrationId, ct);
        if (admin is null) return [];
        var targets = (await db.Set<AdministrationTarget>().AsNoTracking().Where(t => t.AdministrationId == administrationId).ToListAsync(ct))
            .Where(t => t.AppliesTo(period) && (!submittedOnly || t.SubmittedAt != null)).ToList();
        if (targets.Count == 0) return [];
        var figures = await FiguresAsync(administrationId, ct);
        var today = clock.Today();
        return [.. targets
            .Select(t => Row(t, admin.Code, admin.Name, period, today, figures))
            .OrderBy(r => r.Target.AreaKind).ThenBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Target.Id)];
    }

    /// <summary>Every administration's targets for <paramref name="period"/>, by administration code.</summary>
    public async Task<IReadOnlyList<OwnTargetRow>> AllAsync(ReportingPeriod period, CancellationToken ct, bool submittedOnly = false)
    {
        var ids = await db.Set<AdministrationTarget>().AsNoTracking().Select(t => t.AdministrationId).Distinct().ToListAsync(ct);
        var rows = new List<OwnTargetRow>();
        foreach (var id in ids) rows.AddRange(await ForAsync(id, period, ct, submittedOnly));
        return [.. rows.OrderBy(r => r.AdministrationCode, StringComparer.Ordinal)];
    }

    private static OwnTargetRow Row(AdministrationTarget t, string code, string name, ReportingPeriod period, DateOnly today, AdministrationFigures figures)
    {
        var target = t.Target;
        Func<ReportingPeriod, AreaFigures?> area = p => figures.For(target, p);
        var baseline = target.BaselineYear is { } b ? area(ReportingPeriod.ForYear(b)) : null;
        var status = TargetEvaluator.Evaluate(target, period, today, period.HasStarted(today) ? area(period) : null, baseline);
        var year = t.ResultContract && target.Rule != TargetRule.NoTarget ? TargetEvaluator.ForYear(target, period.To.Year, today, area) : null;
        return new(t, code, name, status, year);
    }

    /// <summary>The monthly, half-year and annual status of one target (any target, not only a result contract's).</summary>
    public async Task<YearStatus> YearAsync(AdministrationTarget target, int year, CancellationToken ct)
    {
        var figures = await FiguresAsync(target.AdministrationId, ct);
        var t = target.Target;
        return TargetEvaluator.ForYear(t, year, clock.Today(), p => figures.For(t, p));
    }

    private async Task<AdministrationFigures> FiguresAsync(int administrationId, CancellationToken ct)
    {
        // Both registers: the advisor's cases about the administration, and the administration's own.
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.Complaint
                && ((c.OwnerAdministrationId == null && c.AdministrationId == administrationId) || c.OwnerAdministrationId == administrationId))
            .Select(c => new
            {
                c.Number, c.ReceivedAt, c.AdministrationId, c.OwnerAdministrationId, c.UnitId, c.KleCode, c.LinkedAdvisorCaseNumber, c.ClosedAt,
                Categories = c.Categories.Select(x => x.Category).ToList(),
            })
            .ToListAsync(ct);
        var facts = rows.Select(r => new ComplaintFact(r.Number, DanishTime.LocalDate(r.ReceivedAt), r.OwnerAdministrationId ?? r.AdministrationId ?? administrationId,
            r.UnitId, r.Categories, r.OwnerAdministrationId is null ? HandledBy.Advisor : HandledBy.Administration, r.LinkedAdvisorCaseNumber,
            r.ClosedAt is { } closed ? DanishTime.LocalDate(closed) : null, KleCode: r.KleCode));
        var counted = ComplaintCounting.CountOnce(facts);

        // The first day Tilsyn holds complaint data for: the first complaint registered in either register.
        var firstAny = await db.Cases.AsNoTracking().Where(c => c.Type == CaseType.Complaint).OrderBy(c => c.ReceivedAt).Select(c => (DateTimeOffset?)c.ReceivedAt).FirstOrDefaultAsync(ct);
        var dataFrom = firstAny is { } f ? DanishTime.LocalDate(f) : (DateOnly?)null;

        var cells = await db.KpiCells.AsNoTracking().Where(c => c.AdministrationId == administrationId)
            .Select(c => new { c.UnitId, c.KleGroup, c.CaseType, c.Year, c.Quarter, c.Opened }).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.AdministrationId == administrationId).Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        return new AdministrationFigures(counted, dataFrom,
            [.. cells.Select(c => new VolumeCell(c.UnitId, c.KleGroup.Length == 0 ? null : c.KleGroup, c.CaseType.Length == 0 ? null : c.CaseType, ReportingPeriod.ForQuarter(c.Year, c.Quarter), c.Opened))],
            units.Select(u => (u.Id, u.ParentId)).ToList());
    }

    private sealed record VolumeCell(int UnitId, string? KleGroup, string? CaseType, ReportingPeriod Quarter, long Opened);

    /// <summary>An administration's counted complaints and case volumes, asked per target area and period.</summary>
    private sealed class AdministrationFigures(IReadOnlyList<CountedComplaint> counted, DateOnly? dataFrom, List<VolumeCell> cells, List<(int Id, int? ParentId)> units)
    {
        private readonly Dictionary<TargetArea, (CaseVolumes Volumes, IReadOnlySet<int>? Units)> byArea = [];

        public AreaFigures? For(ComplaintTarget target, ReportingPeriod period)
        {
            if (dataFrom is not { } from || period.From < from) return null;
            // Tilsyn's complaints carry no administration case type: a case-type area cannot be counted (never "met" on a zero).
            if (target.Area.Kind == TargetAreaKind.CaseType) return null;
            var (volumes, unitSet) = Area(target.Area);
            return new AreaFigures(TargetEvaluator.CountComplaints(target, counted, period, unitSet), volumes.For(period));
        }

        private (CaseVolumes, IReadOnlySet<int>?) Area(TargetArea area)
        {
            if (byArea.TryGetValue(area, out var done)) return done;
            IReadOnlySet<int>? unitSet = area.OrgUnitId is { } root ? Descendants(root) : null;
            var volumes = new CaseVolumes(cells
                .Where(c => area.Matches(c.KleGroup, c.CaseType, c.UnitId, unitSet))
                .GroupBy(c => c.Quarter)
                .Select(g => (g.Key, g.Sum(c => c.Opened))));
            return byArea[area] = (volumes, unitSet);
        }

        private HashSet<int> Descendants(int root)
        {
            var set = new HashSet<int> { root };
            bool grew;
            do
            {
                grew = false;
                foreach (var (id, parent) in units)
                    if (parent is { } p && set.Contains(p) && set.Add(id)) grew = true;
            } while (grew);
            return set;
        }
    }
}
