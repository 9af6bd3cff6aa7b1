using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;

using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>
/// The city-wide comparison of a round with the one before (assessments only, no answers' texts).
/// Until the advisor publishes it (logged), other administrations' scores are the advisor's and each
/// administration's own (<see cref="EvaluationAccess.MaySeeScores"/>).
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

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, Access, ct);
        return Report is not null;
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await FileAsync(Tilsyn.Web.Reports.ReportFormat.Pdf, ct);
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => await FileAsync(Tilsyn.Web.Reports.ReportFormat.Docx, ct);

    private async Task<IActionResult> FileAsync(Tilsyn.Web.Reports.ReportFormat format, CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, Access, ct);
        if (Report is not { } r) return NotFound();
        var document = Document(r.Previous?.Year, r.Letters, r.Rows);
        return format.Download(ReportRenderer.Render(document, format), $"FOKUS-{Year}");
    }

    public static string TrendText(Tilsyn.Evaluations.Trend t) => t switch
    {
        Tilsyn.Evaluations.Trend.Better => "bedre", Tilsyn.Evaluations.Trend.Worse => "dårligere", Tilsyn.Evaluations.Trend.Same => "uændret", _ => "–",
    };

    private Tilsyn.Web.Reports.ReportDocument Document(int? previousYear, IReadOnlyList<string> letters, List<EvaluationService.ReportRow> rows)
    {
        string Cell(int? score, Tilsyn.Evaluations.Trend trend) => score is null ? "–" : trend == Tilsyn.Evaluations.Trend.NotComparable ? $"{score}" : $"{score} ({TrendText(trend)})";
        return new($"FOKUS {Year}", "Borgerrådgiverens tværgående rapport om forvaltningernes indsats for retssikkerhed og god sagsbehandling",
        [
            new("Metode", [$"Borgerrådgiveren har vurderet hver forvaltnings besvarelse afsnit for afsnit på en skala fra {Tilsyn.Evaluations.Assessment.ScaleMin} til {Tilsyn.Evaluations.Assessment.ScaleMax}: "
                + string.Join("; ", Enumerable.Range(Tilsyn.Evaluations.Assessment.ScaleMin, Tilsyn.Evaluations.Assessment.ScaleMax).Select(v => $"{v} = {Tilsyn.Evaluations.Assessment.Describe(v).ToLowerInvariant()}")) + ".",
                previousYear is null ? "Der er ingen tidligere runde at sammenligne med." : $"Udviklingen er vist i forhold til runden {previousYear}."]),
            new("Sammenligning pr. afsnit", [],
                ["Forvaltning", .. letters, "Samlet"],
                rows.Select(x => (IReadOnlyList<string>)[x.Administration, .. letters.Select(l => Cell(x.Scores[l], x.Trends[l])), Cell(x.Overall, x.OverallTrend)]).ToList()),
        ]);
    }
}
