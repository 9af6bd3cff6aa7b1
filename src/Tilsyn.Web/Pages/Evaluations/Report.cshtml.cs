using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;

using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>The city-wide comparison of a round with the one before (assessments only, no answers' texts).</summary>
[Authorize]
public sealed class ReportModel(EvaluationService evaluations) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public (EvaluationRound Round, EvaluationRound? Previous, IReadOnlyList<string> Letters, List<EvaluationService.ReportRow> Rows)? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, ct);
        return Report is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await FileAsync(Tilsyn.Web.Reports.ReportFormat.Pdf, ct);
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => await FileAsync(Tilsyn.Web.Reports.ReportFormat.Docx, ct);

    private async Task<IActionResult> FileAsync(Tilsyn.Web.Reports.ReportFormat format, CancellationToken ct)
    {
        Report = await evaluations.ReportAsync(Year, ct);
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
