using Tilsyn.Web.PublicSite;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>The public site's front page (no login): the published annual reports and FOKUS reports, the city-wide figures, open data, the accessibility statement and the complaint form.</summary>
public sealed class IndexModel(PublicReports reports) : PageModel
{
    public List<PublicReports.Entry> AnnualReports { get; private set; } = [];
    public List<PublicReports.Entry> FokusReports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        AnnualReports = await reports.AnnualReportsAsync(ct);
        FokusReports = await reports.FokusReportsAsync(ct);
    }
}
