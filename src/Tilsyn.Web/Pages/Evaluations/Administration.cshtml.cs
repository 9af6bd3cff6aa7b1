using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>One administration's FOKUS assessments across rounds (2013 → 2015 → 2017 …), as page, PDF and DOCX.</summary>
[Authorize]
public sealed class AdministrationReportModel(EvaluationService evaluations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "administration")] public int AdministrationId { get; set; }
    public (string Code, List<int> Years, List<(string Letter, string Title)> Sections, Dictionary<(string Letter, int Year), (int? Score, Tilsyn.Evaluations.Trend Trend)> Cells, Dictionary<int, (int? Score, Tilsyn.Evaluations.Trend Trend)> Overall)? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await evaluations.AdministrationReportAsync(AdministrationId, EvaluationService.Access(User), ct);
        return Report is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => await FileAsync(ReportFormat.Pdf, ct);
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => await FileAsync(ReportFormat.Docx, ct);

    private async Task<IActionResult> FileAsync(ReportFormat format, CancellationToken ct)
    {
        Report = await evaluations.AdministrationReportAsync(AdministrationId, EvaluationService.Access(User), ct);
        if (Report is not { } r) return NotFound();
        string Cell((int? Score, Tilsyn.Evaluations.Trend Trend) c) => c.Score is null ? "–" : c.Trend == Tilsyn.Evaluations.Trend.NotComparable ? $"{c.Score}" : $"{c.Score} ({ReportModel.TrendText(c.Trend)})";
        var document = new ReportDocument($"FOKUS – {r.Code}", "Borgerrådgiverens vurderinger af forvaltningens indsats over tid",
        [
            new("Udvikling pr. afsnit", [$"Vurderingerne er givet på skalaen {Tilsyn.Evaluations.Assessment.ScaleMin}–{Tilsyn.Evaluations.Assessment.ScaleMax}; i parentes udviklingen fra runden før."],
                ["Afsnit", .. r.Years.Select(y => y.ToString())],
                [.. r.Sections.Select(s => (IReadOnlyList<string>)[$"{s.Letter}. {s.Title}", .. r.Years.Select(y => Cell(r.Cells[(s.Letter, y)]))]),
                 (IReadOnlyList<string>)["Samlet", .. r.Years.Select(y => Cell(r.Overall[y]))]]),
        ]);
        return format.Download(ReportRenderer.Render(document, format), $"FOKUS-{r.Code}");
    }
}
