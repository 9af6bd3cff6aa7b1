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
    public OrgUnit? Unit { get; private set; }
    public KpiRow? UnitTotal { get; private set; }
    public Administration? Administration { get; private set; }
    public (Quarter From, Quarter To)? Period { get; private set; }
    public List<KpiRow> Rows { get; private set; } = [];
    public string TrendSvg { get; private set; } = "";
    public string FunnelSvg { get; private set; } = "";
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
        Period = await stats.CoverageAsync(ct);
        if (Period is { } up && Unit is not null)
        {
            var (total, rows) = await stats.UnitDetailAsync(Unit.Id, up.From, up.To, ct);
            UnitTotal = total;
            Rows = rows;
            TrendSvg = Charts.Trend(await stats.TrendAsync(null, up.From, up.To, ct, Unit.Id), Unit.Name);
        }
        else if (Period is { } p)
        {
            Rows = Administration is null ? await stats.ByAdministrationAsync(p.From, p.To, ct) : await stats.ByUnitAsync(Administration.Id, p.From, p.To, ct);
            ByCategory = await stats.ByCategoryAsync(Administration?.Id, p.From, p.To, ct);
            Targets = (await targets.EvaluateAsync(p.From, p.To, ct)).Where(t => Administration is null || t.Target.AdministrationId == Administration.Id)
                .Where(t => t.Target.AreaId is null || access.MaySeeUnitsOf(t.Target.AdministrationId)).ToList();
            TrendSvg = Charts.Trend(await stats.TrendAsync(Administration?.Id, p.From, p.To, ct), Administration is null ? "Hele kommunen" : Administration.Name);
            if (Administration is null)
            {
                var (rate, points) = await stats.FunnelAsync(p.From, p.To, ct, access);
                CityRate = rate;
                FunnelSvg = Charts.Funnel(rate, points);
                Outliers = points.Where(x => x.Outside95).OrderByDescending(x => x.Rate).ToList();
            }
        }
        Warnings = await stats.EarlyWarningsAsync(Quarter.Of(clock.Today()), 4, ct, access);
        return Page();
    }
}
