using Tilsyn.Web.PublicSite;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>A published annual report's PDF or Word file: exactly the bytes stored at publication (<see cref="PublishedFile"/>); a draft or unknown year answers 404.</summary>
public sealed class BeretningFilModel(PublicReports reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int year, string format, CancellationToken ct)
    {
        if (PublishedFile.Format(format) is not { } f) return NotFound();
        return await PublishedFile.ServeAsync(HttpContext, "beretning", year, f, await reports.AnnualReportPublishedAtAsync(year, ct),
            () => reports.AnnualReportFileAsync(year, f, ct), $"Beretning-{year}");
    }
}
