using Tilsyn.Web.PublicSite;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>
/// A FOKUS round's report as published on the website, exactly as frozen then; a round not put on the
/// website (even one whose report the administrations have) answers 404.
/// </summary>
public sealed class FokusModel(PublicReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public PublicReports.Page Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reports.FokusPageAsync(Year, ct) is not { } page) return NotFound();
        Report = page;
        return Page();
    }
}
