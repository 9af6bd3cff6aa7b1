using Tilsyn.Web.PublicSite;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>A published annual report's page, exactly as stored at publication; a draft or unknown year answers 404.</summary>
public sealed class BeretningModel(PublicReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public PublicReports.Page Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reports.AnnualReportPageAsync(Year, ct) is not { } page) return NotFound();
        Report = page;
        return Page();
    }
}
