using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>A report as page, PDF or Word. Published: exactly as stored. Draft: generated now, for the advisor's staff only.</summary>
[Authorize]
public sealed class ViewModel(TilsynDbContext db, AnnualReportService reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public AnnualReport Report { get; private set; } = null!;
    public string Html { get; private set; } = "";
    private bool IsStaff => User.IsAdvisorStaff();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Html = Report.PublishedHtml ?? ReportHtml.Render(await reports.BuildAsync(Report, ct));
        return Page();
    }

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => FileAsync(ReportFormat.Pdf, ct);

    public Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => FileAsync(ReportFormat.Docx, ct);

    /// <summary>A published year is served from its stored bytes, never regenerated; a draft is rendered now.</summary>
    private async Task<IActionResult> FileAsync(ReportFormat format, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var stored = format == ReportFormat.Pdf ? Report.PublishedPdf : Report.PublishedDocx;
        var bytes = stored ?? ReportRenderer.Render(await reports.BuildAsync(Report, ct), format);
        return format.Download(bytes, $"Beretning-{Year}{(Report.IsPublished ? "" : "-udkast")}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var report = await db.Set<AnnualReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == Year, ct);
        if (report is null || !report.MaySee(IsStaff)) return false;
        Report = report;
        return true;
    }
}
