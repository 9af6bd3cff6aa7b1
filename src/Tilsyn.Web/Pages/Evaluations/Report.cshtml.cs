using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Identity;

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
}
