using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Statistics;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Pages.Statistics;

/// <summary>
/// Management information (aggregates only, so every logged-in role may read it): the city, or one
/// administration's units. Per-unit figures of another administration are not shown to a contact
/// (<see cref="StatisticsAccess"/>): its units' page answers 404, and the city's funnel plot and early
/// warnings hold only its own units.
/// </summary>
public sealed class IndexModel(StatisticsQueries stats, TargetEvaluation targets, TilsynDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "administration")] public string? AdministrationCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }

    /// <summary>The chosen period as a <see cref="ReportingPeriod.Key"/> (quarter, half-year, year); empty: the whole imported period.</summary>
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }

    /// <summary>A custom period's first and last day (both needed; they win over <see cref="PeriodKey"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? CustomFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? CustomTo { get; set; }

    /// <summary>The period the user chose; null for the whole imported period.</summary>
    public ReportingPeriod? Chosen { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The chosen period for links (CSV, XLSX, drill-down), e.g. "&amp;period=2025-Q1"; empty without a choice.</summary>
    public string PeriodQuery => Chosen is null ? "" : "&period=" + Uri.EscapeDataString(Chosen.Key);

    /// <summary>The periods offered in the picker: each year from the earliest with figures (at most ten back) to this year, its half-years and quarters.</summary>
    public List<ReportingPeriod> PeriodChoices { get; private set; } = [];
    public OrgUnit? Unit { get; private set; }
    public KpiRow? UnitTotal { get; private set; }
    public Administration? Administration { get; private set; }
    public (Quarter From, Quarter To)? Period { get; private set; }
    public List<KpiRow> Rows { get; private set; } = [];
    public string TrendSvg { get; private set; } = "";
    public string FunnelSvg { get; private set; } = "";

    /// <summary>The figures behind the trend chart (its table on the page: a chart's text alternative).</summary>
    public IReadOnlyList<(Quarter Quarter, long Opened, long Complaints)> Trend { get; private set; } = [];

    /// <summary>Every unit's point of the funnel chart (its table on the page).</summary>
    public IReadOnlyList<FunnelPoint> FunnelPoints { get; private set; } = [];
    public double CityRate { get; private set; }
    public List<FunnelPoint> Outliers { get; private set; } = [];
    public List<WarningRow> Warnings { get; private set; } = [];
    public List<TargetStatus> Targets { get; private set; } = [];
    public (List<string> Rows, List<Tilsyn.Complaints.ComplaintCategory> Categories, Dictionary<(string Row, Tilsyn.Complaints.ComplaintCategory Category), (long Count, double? PerThousand)> Cells) ByCategory { get; private set; } = ([], [], []);

    public StatisticsAccess Access => StatisticsQueries.Access(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = Access;
        if (!string.IsNullOrWhiteSpace(AdministrationCode))
        {
            var code = AdministrationCode.Trim().ToUpperInvariant();
            Administration = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
            if (Administration is null || !access.MaySeeUnitsOf(Administration.Id)) return NotFound();
        }
        if (UnitId is { } unitId)
        {
            Unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.Kind == OrgUnitKind.Unit, ct);
            if (Unit is null) return NotFound();
            if (!access.MaySeeUnitsOf(Unit.AdministrationId)) return NotFound();
            Administration = await db.Administrations.AsNoTracking().FirstAsync(a => a.Id == Unit.AdministrationId, ct);
        }
        var coverage = await stats.CoverageAsync(ct);
        if (CustomFrom is { } from && CustomTo is { } to)
        {
            if (to < from) Error = "Slutdatoen ligger før startdatoen.";
            else if (from.Year < ReportingPeriod.MinYear || to.Year > ReportingPeriod.MaxYear) Error = "Perioden ligger uden for de år, der kan vælges.";
            else Chosen = ReportingPeriod.Custom(from, to);
        }
        else if (CustomFrom is not null || CustomTo is not null) Error = "Angiv både start- og slutdato for en valgfri periode.";
        else if (!string.IsNullOrWhiteSpace(PeriodKey))
        {
            if (ReportingPeriod.TryParse(PeriodKey, out var parsed)) Chosen = parsed;
            else Error = "Perioden kunne ikke forstås. Vælg et kvartal, et halvår, et år eller to datoer.";
        }
        if (Error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        var thisYear = clock.Today().Year;
        var firstYear = Math.Max(thisYear - 10, Math.Min(coverage?.From.Year ?? thisYear, thisYear - 2));
        for (var y = thisYear; y >= firstYear; y--)
        {
            PeriodChoices.Add(ReportingPeriod.ForYear(y));
            for (var h = 2; h >= 1; h--) PeriodChoices.Add(ReportingPeriod.ForHalfYear(y, h));
            for (var q = 4; q >= 1; q--) PeriodChoices.Add(ReportingPeriod.ForQuarter(y, q));
        }
        Period = await stats.PeriodAsync(Chosen, ct);
        if (Period is { } up && Unit is not null)
        {
            var (total, rows) = await stats.UnitDetailAsync(Unit.Id, up.From, up.To, ct);
            UnitTotal = total;
            Rows = rows;
            Trend = await stats.TrendAsync(null, up.From, up.To, ct, Unit.Id);
            TrendSvg = Charts.Trend(Trend, Unit.Name);
        }
        else if (Period is { } p)
        {
            Rows = Administration is null ? await stats.ByAdministrationAsync(p.From, p.To, ct) : await stats.ByUnitAsync(Administration.Id, p.From, p.To, ct);
            ByCategory = await stats.ByCategoryAsync(Administration?.Id, p.From, p.To, ct);
            Targets = (await targets.EvaluateAsync(p.From, p.To, ct)).Where(t => Administration is null || t.Target.AdministrationId == Administration.Id)
                .Where(t => t.Target.AreaId is null || access.MaySeeUnitsOf(t.Target.AdministrationId)).ToList();
            Trend = await stats.TrendAsync(Administration?.Id, p.From, p.To, ct);
            TrendSvg = Charts.Trend(Trend, Administration is null ? "Hele kommunen" : Administration.Name);
            if (Administration is null)
            {
                var (rate, points) = await stats.FunnelAsync(p.From, p.To, ct, access);
                CityRate = rate;
                FunnelSvg = Charts.Funnel(rate, points);
                FunnelPoints = points;
                Outliers = points.Where(x => x.Outside95).OrderByDescending(x => x.Rate).ToList();
            }
        }
        Warnings = await stats.EarlyWarningsAsync(Quarter.Of(clock.Today()), 4, ct, access);
        return Page();
    }
}
