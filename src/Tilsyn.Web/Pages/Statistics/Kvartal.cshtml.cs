using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Web.Reports;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Pages.Statistics;

/// <summary>
/// The quarterly committee report (<i>kvartalsrapport til udvalget</i>) of one administration for a quarter or year
/// to date, as page, PDF and DOCX. The advisor's staff and Leadership choose any administration (Leadership: counts
/// only); a user of an administration sees only its own: another administration's report answers 404.
/// </summary>
public sealed class KvartalModel(QuarterlyReportService reports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "administration")] public string? AdministrationKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }

    public QuarterlyReport? Report { get; private set; }
    public ReportDocument? Document { get; private set; }
    public List<Administration> Choices { get; private set; } = [];
    public ReportingPeriod Period { get; private set; } = ReportingPeriod.ForYear(2000);
    public string? Error { get; private set; }
    public string TrendSvg { get; private set; } = "";

    /// <summary>The periods offered: the last twelve quarters and, for each year, the year to date through each ended quarter and today.</summary>
    public IReadOnlyList<ReportingPeriod> PeriodChoices
    {
        get
        {
            var today = reports.Today;
            var current = ReportingPeriod.Containing(PeriodKind.Quarter, today);
            var result = new List<ReportingPeriod> { ReportingPeriod.YearToDate(today) };
            foreach (var q in ReportingPeriod.QuartersEndingWith(current, 12).Reverse())
            {
                result.Add(q);
                if (q.To < today && q.From.Month > 1) result.Add(ReportingPeriod.YearToDate(q.To));
            }
            if (!result.Contains(Period)) result.Insert(0, Period);
            return result;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Report is not null)
            TrendSvg = Charts.QuarterCounts([.. Report.Figures.Trend.Select(q => (q.Period.Label, q.All.Administration, q.All.Advisor))]);
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => FileAsync(ReportFormat.Pdf, ct);

    public Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => FileAsync(ReportFormat.Docx, ct);

    private async Task<IActionResult> FileAsync(ReportFormat format, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Report is null) return NotFound();
        var document = QuarterlyReportDocument.Build(Report, withCharts: true);
        return format.Download(ReportRenderer.Render(document, format), $"klager-{Report.AdministrationCode}-{Report.Period.Key}");
    }

    /// <summary>False: not found (no such administration, or not the user's). A period that cannot be read leaves <see cref="Report"/> empty with an error.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Choices = await reports.ChoicesAsync(User, ct);
        Period = reports.DefaultPeriod();
        if (!string.IsNullOrWhiteSpace(PeriodKey))
        {
            if (!ReportingPeriod.TryParse(PeriodKey, out var chosen))
            {
                Error = "Perioden kunne ikke forstås. Vælg et kvartal eller et år til dato.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            else Period = chosen;
        }
        var administration = await reports.FindAsync(AdministrationKey, User, ct);
        if (administration is null)
        {
            // No administration named (advisor staff, Leadership): the page with the picker only.
            return string.IsNullOrWhiteSpace(AdministrationKey) && QuarterlyReportService.Access(User).OnlyAdministration is null;
        }
        AdministrationKey = administration.Code;
        if (Error is null)
        {
            Report = await reports.BuildAsync(administration, Period, User, ct);
            Document = QuarterlyReportDocument.Build(Report, withCharts: false);
        }
        return true;
    }
}
