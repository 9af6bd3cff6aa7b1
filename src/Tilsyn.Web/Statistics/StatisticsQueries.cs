using Tilsyn.Complaints;
using Tilsyn.Statistics;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Statistics;

public sealed record KpiRow(int Id, string Code, string Name, long Opened, long Decided, double? MedianDays, double? P90Days, double? OnTimeShare, long Complaints)
{
    /// <summary>Complaints per 1,000 cases opened; null without case volume (no extract).</summary>
    public double? PerThousand => Opened == 0 ? null : Complaints * 1000.0 / Opened;
}

public sealed record FunnelPoint(int UnitId, string Unit, string Administration, long Volume, long Complaints, double Rate, double Lower95, double Upper95, double Lower998, double Upper998)
{
    public bool Above998 => Rate > Upper998;
    public bool Below998 => Rate < Lower998;
    public bool Outside95 => Rate > Upper95 || Rate < Lower95;
}

public sealed record WarningRow(string Unit, string Administration, ComplaintCategory Category, int Latest, double Expected, double PValue, int UnitId = 0, int AdministrationId = 0);

/// <summary>
/// Management information from the KPI cube (imported extracts) joined with Tilsyn's own complaint
/// cases on administration, unit and quarter. Aggregates only: no personal data leaves here.
/// </summary>
public sealed class StatisticsQueries(TilsynDbContext db)
{
    /// <summary>Which per-unit figures the user sees (<see cref="StatisticsAccess"/>, the one rule), from the login's roles and administration.</summary>
    public static StatisticsAccess Access(System.Security.Claims.ClaimsPrincipal user) => StatisticsAccess.For(user.RoleNames(), user.AdministrationIdOf());

    public async Task<(Quarter From, Quarter To)?> CoverageAsync(CancellationToken ct)
    {
        var any = await db.KpiCells.AnyAsync(ct);
        if (!any) return null;
        var min = await db.KpiCells.OrderBy(c => c.Year).ThenBy(c => c.Quarter).Select(c => new { c.Year, c.Quarter }).FirstAsync(ct);
        var max = await db.KpiCells.OrderByDescending(c => c.Year).ThenByDescending(c => c.Quarter).Select(c => new { c.Year, c.Quarter }).FirstAsync(ct);
        return (new Quarter(min.Year, min.Quarter), new Quarter(max.Year, max.Quarter));
    }

    /// <summary>
    /// The quarters the figures are read for: the chosen period's (the cube is kept per quarter, so a custom range that starts
    /// or ends inside a quarter is widened to whole quarters, and the page says so), or without a choice the whole imported period.
    /// </summary>
    public async Task<(Quarter From, Quarter To)?> PeriodAsync(Tilsyn.Calendar.ReportingPeriod? chosen, CancellationToken ct) =>
        chosen is null ? await CoverageAsync(ct) : InQuarters(chosen);

    /// <summary>The whole quarters that cover <paramref name="period"/>; exactly its own when it is made of quarters.</summary>
    public static (Quarter From, Quarter To) InQuarters(Tilsyn.Calendar.ReportingPeriod period) => Quarter.Spanning(period) ?? (Quarter.Of(period.From), Quarter.Of(period.To));

    /// <summary>Whether <paramref name="period"/> had to be widened to whole quarters.</summary>
    public static bool IsWidened(Tilsyn.Calendar.ReportingPeriod period) => Quarter.Spanning(period) is null;

    private static DateTimeOffset Start(Quarter q) => Tilsyn.Calendar.DanishTime.StartOf(new DateOnly(q.Year, (q.Number - 1) * 3 + 1, 1));
    private static DateTimeOffset End(Quarter q) => Tilsyn.Calendar.DanishTime.StartOf(new DateOnly(q.Year, (q.Number - 1) * 3 + 1, 1).AddMonths(3));

    // One page asks for the same cells and complaints several times (table, categories, trend, funnel, targets): read once per
    // request (this service is scoped). Under load the statistics page read all KPI cells five times and was the slowest page by far.
    private readonly Dictionary<(int, int, int?, int?), List<KpiCell>> cellsRead = [];
    private readonly Dictionary<(Quarter, Quarter), List<(int? AdministrationId, int? UnitId, DateTimeOffset ReceivedAt)>> complaintsRead = [];

    private async Task<List<KpiCell>> CellsAsync(Quarter from, Quarter to, int? administrationId, CancellationToken ct, int? unitId = null)
    {
        var fromKey = from.Year * 10 + from.Number;
        var toKey = to.Year * 10 + to.Number;
        if (cellsRead.TryGetValue((fromKey, toKey, administrationId, unitId), out var read)) return read;
        var q = db.KpiCells.AsNoTracking().Where(c => c.Year * 10 + c.Quarter >= fromKey && c.Year * 10 + c.Quarter <= toKey);
        if (administrationId is { } a) q = q.Where(c => c.AdministrationId == a);
        if (unitId is { } u) q = q.Where(c => c.UnitId == u);
        return cellsRead[(fromKey, toKey, administrationId, unitId)] = await q.ToListAsync(ct);
    }

    /// <summary>One unit: a row per case type and KLE group (complaints are not split by case type, so they are shown on the total only).</summary>
    public async Task<(KpiRow Total, List<KpiRow> Rows)> UnitDetailAsync(int unitId, Quarter from, Quarter to, CancellationToken ct)
    {
        var cells = await CellsAsync(from, to, null, ct, unitId);
        var complaints = (await ComplaintsAsync(from, to, ct)).Count(c => c.UnitId == unitId);
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var all = Combine(cells);
        var total = new KpiRow(unitId, "", unit.Name, all.Opened, all.Decided, all.Days.Median, all.Days.Quantile(0.9), all.OnTimeShare, complaints);
        var rows = cells.GroupBy(c => (c.CaseType, c.KleGroup)).OrderBy(g => g.Key.CaseType).ThenBy(g => g.Key.KleGroup).Select(g =>
        {
            var s = Combine(g);
            return new KpiRow(unitId, "", g.Key.KleGroup.Length == 0 ? g.Key.CaseType : $"{g.Key.CaseType} · KLE {g.Key.KleGroup}", s.Opened, s.Decided, s.Days.Median, s.Days.Quantile(0.9), s.OnTimeShare, 0);
        }).ToList();
        return (total, rows);
    }

    private async Task<List<(int? AdministrationId, int? UnitId, DateTimeOffset ReceivedAt)>> ComplaintsAsync(Quarter from, Quarter to, CancellationToken ct)
    {
        if (complaintsRead.TryGetValue((from, to), out var read)) return read;
        var start = Start(from);
        var end = End(to);
        return complaintsRead[(from, to)] = await db.Cases.AsNoTracking().Where(CaseRegisters.AdvisorsOwn).Where(c => c.Type == CaseType.Complaint && c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new ValueTuple<int?, int?, DateTimeOffset>(c.AdministrationId, c.UnitId, c.ReceivedAt)).ToListAsync(ct);
    }

    /// <summary>One row per administration: volume, processing times, deadline compliance, complaints and the rate per 1,000.</summary>
    public async Task<List<KpiRow>> ByAdministrationAsync(Quarter from, Quarter to, CancellationToken ct)
    {
        if (byAdministration.TryGetValue((from, to), out var done)) return done;
        return byAdministration[(from, to)] = await ByAdministrationUncachedAsync(from, to, ct);
    }

    private readonly Dictionary<(Quarter, Quarter), List<KpiRow>> byAdministration = [];

    private async Task<List<KpiRow>> ByAdministrationUncachedAsync(Quarter from, Quarter to, CancellationToken ct)
    {
        var cells = await CellsAsync(from, to, null, ct);
        var complaints = await ComplaintsAsync(from, to, ct);
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        return admins.Select(a =>
        {
            var mine = cells.Where(c => c.AdministrationId == a.Id).ToList();
            var stats = Combine(mine);
            return new KpiRow(a.Id, a.Code, a.Name, stats.Opened, stats.Decided, stats.Days.Median, stats.Days.Quantile(0.9), stats.OnTimeShare,
                complaints.Count(c => c.AdministrationId == a.Id));
        }).ToList();
    }

    /// <summary>One row per unit of an administration.</summary>
    public async Task<List<KpiRow>> ByUnitAsync(int administrationId, Quarter from, Quarter to, CancellationToken ct)
    {
        var cells = await CellsAsync(from, to, administrationId, ct);
        var complaints = await ComplaintsAsync(from, to, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.AdministrationId == administrationId && u.Kind == Tilsyn.Organisation.OrgUnitKind.Unit).OrderBy(u => u.Name).ToListAsync(ct);
        return units.Select(u =>
        {
            var stats = Combine(cells.Where(c => c.UnitId == u.Id));
            return new KpiRow(u.Id, "", u.Name, stats.Opened, stats.Decided, stats.Days.Median, stats.Days.Quantile(0.9), stats.OnTimeShare,
                complaints.Count(c => c.UnitId == u.Id));
        }).ToList();
    }

    /// <summary>
    /// Complaints per 1,000 cases by complaint category, for the city (rows per administration) or one
    /// administration (rows per unit). A complaint with several categories counts once in each.
    /// </summary>
    public async Task<(List<string> Rows, List<ComplaintCategory> Categories, Dictionary<(string Row, ComplaintCategory Category), (long Count, double? PerThousand)> Cells)>
        ByCategoryAsync(int? administrationId, Quarter from, Quarter to, CancellationToken ct)
    {
        var start = Start(from);
        var end = End(to);
        var cases = await db.Cases.AsNoTracking().Where(CaseRegisters.AdvisorsOwn)
            .Where(c => c.Type == CaseType.Complaint && c.ReceivedAt >= start && c.ReceivedAt < end && c.AdministrationId != null)
            .Where(c => administrationId == null || c.AdministrationId == administrationId)
            .Select(c => new { c.AdministrationId, c.UnitId, Categories = c.Categories.Select(x => x.Category).ToList() })
            .ToListAsync(ct);
        var volumes = administrationId is null
            ? (await ByAdministrationAsync(from, to, ct)).ToDictionary(r => r.Code, r => r.Opened)
            : (await ByUnitAsync(administrationId.Value, from, to, ct)).ToDictionary(r => r.Name, r => r.Opened);
        var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string RowOf(int? admin, int? unit) => administrationId is null ? admins[admin!.Value] : unit is { } u ? units[u] : "(enhed ikke angivet)";
        var counts = cases.SelectMany(c => c.Categories.Select(cat => (Row: RowOf(c.AdministrationId, c.UnitId), cat)))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => (long)g.Count());
        var categories = counts.Keys.Select(k => k.cat).Distinct().OrderBy(c => c).ToList();
        var rows = volumes.Keys.Concat(counts.Keys.Select(k => k.Row)).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        var cells = new Dictionary<(string, ComplaintCategory), (long, double?)>();
        foreach (var r in rows)
            foreach (var cat in categories)
            {
                var n = counts.GetValueOrDefault((r, cat));
                var volume = volumes.GetValueOrDefault(r);
                cells[(r, cat)] = (n, volume > 0 ? n * 1000.0 / volume : null);
            }
        return (rows, categories, cells);
    }

    /// <summary>Complaints per 1,000 cases per quarter for one administration (or the city): the trend.</summary>
    public async Task<List<(Quarter Quarter, long Opened, long Complaints)>> TrendAsync(int? administrationId, Quarter from, Quarter to, CancellationToken ct, int? unitId = null)
    {
        var cells = await CellsAsync(from, to, administrationId, ct, unitId);
        var complaints = await ComplaintsAsync(from, to, ct);
        var result = new List<(Quarter, long, long)>();
        for (var q = from; q.CompareTo(to) <= 0; q = new Quarter(q.Number == 4 ? q.Year + 1 : q.Year, q.Number == 4 ? 1 : q.Number + 1))
        {
            var quarter = q;
            result.Add((q, cells.Where(c => c.Year == quarter.Year && c.Quarter == quarter.Number).Sum(c => c.Opened),
                complaints.Count(c => (administrationId is null || c.AdministrationId == administrationId) && (unitId is null || c.UnitId == unitId)
                    && Quarter.Of(Tilsyn.Calendar.DanishTime.LocalDate(c.ReceivedAt)) == quarter)));
        }
        return result;
    }

    /// <summary>
    /// The funnel plot's points: every unit with case volume, its complaint rate and the control limits at its volume.
    /// The city rate is always the whole city's; <paramref name="access"/> keeps out the points of units the user may not see.
    /// </summary>
    public async Task<(double CityRate, List<FunnelPoint> Points)> FunnelAsync(Quarter from, Quarter to, CancellationToken ct, StatisticsAccess? access = null)
    {
        var cells = await CellsAsync(from, to, null, ct);
        var complaints = await ComplaintsAsync(from, to, ct);
        var volumes = cells.GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g => g.Sum(c => c.Opened));
        var counts = complaints.Where(c => c.UnitId is not null).GroupBy(c => c.UnitId!.Value).ToDictionary(g => g.Key, g => (long)g.Count());
        var totalVolume = volumes.Where(v => v.Value > 0).Sum(v => v.Value);
        if (totalVolume == 0) return (0, []);
        var totalComplaints = volumes.Keys.Sum(u => counts.GetValueOrDefault(u));
        var cityRate = totalComplaints * 1000.0 / totalVolume;
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var points = volumes.Where(v => v.Value > 0 && (access is null || access.MaySeeUnitsOf(units[v.Key].AdministrationId))).Select(v =>
        {
            var n = v.Value;
            var k = counts.GetValueOrDefault(v.Key);
            var l95 = FunnelLimits.ForRatePerThousand(n, cityRate, 0.95);
            var l998 = FunnelLimits.ForRatePerThousand(n, cityRate, 0.998);
            var unit = units[v.Key];
            return new FunnelPoint(v.Key, unit.Name, admins[unit.AdministrationId], n, k, k * 1000.0 / n, l95.Lower, l95.Upper, l998.Lower, l998.Upper);
        }).OrderBy(p => p.Volume).ToList();
        return (cityRate, points);
    }

    /// <summary>Units × complaint categories whose latest-quarter count exceeds their own history beyond chance (see <see cref="EarlyWarning"/>).</summary>
    public async Task<List<WarningRow>> EarlyWarningsAsync(Quarter latest, int historyQuarters, CancellationToken ct, StatisticsAccess? access = null)
    {
        var first = latest;
        for (var i = 0; i < historyQuarters; i++) first = first.Previous;
        var start = Start(first);
        var end = End(latest);
        var rows = await db.Cases.AsNoTracking().Where(CaseRegisters.AdvisorsOwn)
            .Where(c => c.Type == CaseType.Complaint && c.UnitId != null && c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new { c.UnitId, c.ReceivedAt, Categories = c.Categories.Select(x => x.Category).ToList() })
            .ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var result = new List<WarningRow>();
        foreach (var g in rows.SelectMany(r => r.Categories.Select(cat => (Unit: r.UnitId!.Value, Category: cat, Q: Quarter.Of(Tilsyn.Calendar.DanishTime.LocalDate(r.ReceivedAt)))))
                     .GroupBy(x => (x.Unit, x.Category)))
        {
            var history = new List<int>();
            for (var q = first; q.CompareTo(latest) < 0; q = new Quarter(q.Number == 4 ? q.Year + 1 : q.Year, q.Number == 4 ? 1 : q.Number + 1))
            {
                var quarter = q;
                history.Add(g.Count(x => x.Q == quarter));
            }
            var signal = EarlyWarning.Test(history, g.Count(x => x.Q == latest));
            var unit = units[g.Key.Unit];
            if (access is not null && !access.MaySeeUnitsOf(unit.AdministrationId)) continue;
            if (signal is { Flagged: true })
            {
                result.Add(new WarningRow(unit.Name, admins[unit.AdministrationId], g.Key.Category, signal.Observed, signal.Expected, signal.PValue, unit.Id, unit.AdministrationId));
            }
        }
        return result.OrderBy(r => r.PValue).ToList();
    }

    internal static CellStats Combine(IEnumerable<KpiCell> cells)
    {
        var total = new CellStats();
        foreach (var c in cells)
        {
            var s = new CellStats { Opened = c.Opened, Decided = c.Decided, WithDeadline = c.WithDeadline, WithinDeadline = c.WithinDeadline };
            s.Days.Merge(ExtractImporter.ParseHistogram(c.Histogram));
            total.Merge(s);
        }
        return total;
    }
}
