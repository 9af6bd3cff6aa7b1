using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;

using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>
/// The city-wide comparison of a round with the one before (assessments only, no answers' texts).
/// Until the advisor publishes it (logged), other administrations' scores are the advisor's and each
/// administration's own (<see cref="EvaluationAccess.MaySeeScores"/>). After that, the advisor may put it
/// on the website (<see cref="EvaluationRound.PublishPublicly"/>, logged): the public site serves what was frozen then.
/// </summary>
[Authorize]
public sealed class ReportModel(EvaluationService evaluations, Tilsyn.Web.AccessLogging.AccessLog accessLog) : PageModel, IDomainErrorPage
{
    public string? Error { get; set; }
    public EvaluationAccess Access => EvaluationService.Access(User);

    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public (EvaluationRound Round, EvaluationRound? Previous, IReadOnlyList<string> Letters, List<EvaluationService.ReportRow> Rows)? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, Access, ct);
        return Report is null ? NotFound() : Page();
    }

    /// <summary>The advisor publishes the round's report: every administration's scores become visible to all (logged).</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!Access.MayPublish) return Forbid();
        await evaluations.PublishReportAsync(Year, User.DisplayName(), ct);
        await accessLog.WriteAsync(Tilsyn.Web.AccessLogging.AccessAction.Share, null, $"FOKUS-rapporten {Year} offentliggjort for alle forvaltninger", ct);
        TempData["Message"] = "Rapporten er offentliggjort.";
        return Redirect($"/Evaluations/Report?year={Year}");
    }

    /// <summary>The advisor puts the round's report on the website (<c>/offentlig/fokus/{year}</c>), frozen as it is now (logged).</summary>
    public async Task<IActionResult> OnPostPublishPubliclyAsync(CancellationToken ct)
    {
        if (!Access.MayPublish) return Forbid();
        await evaluations.PublishPubliclyAsync(Year, User.DisplayName(), ct);
        await accessLog.WriteAsync(Tilsyn.Web.AccessLogging.AccessAction.Share, null, $"FOKUS-rapporten {Year} offentliggjort på hjemmesiden", ct);
        TempData["Message"] = "Rapporten er offentliggjort på hjemmesiden.";
        return Redirect($"/Evaluations/Report?year={Year}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, Access, ct);
        return Report is not null;
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await FileAsync(ReportFormat.Pdf, ct);
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => await FileAsync(ReportFormat.Docx, ct);

    private async Task<IActionResult> FileAsync(ReportFormat format, CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, Access, ct);
        if (Report is not { } r) return NotFound();
        var document = FokusReportDocument.Build(Year, r.Previous?.Year, r.Letters, r.Rows, [.. r.Round.Scheme.Sections.Select(s => (s.Letter, s.Title))]);
        return format.Download(ReportRenderer.Render(document, format), $"FOKUS-{Year}");
    }

    public static string TrendText(Trend t) => FokusReportDocument.TrendText(t);
}
