using Tilsyn.Web.PublicSite;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>A FOKUS round's published PDF or Word file: exactly the bytes frozen at publication on the website; otherwise 404.</summary>
public sealed class FokusFilModel(PublicReports reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int year, string format, CancellationToken ct)
    {
        if (PublishedFile.Format(format) is not { } f) return NotFound();
        return await PublishedFile.ServeAsync(HttpContext, "fokus", year, f, await reports.FokusPublishedAtAsync(year, ct),
            () => reports.FokusFileAsync(year, f, ct), $"FOKUS-{year}");
    }
}
