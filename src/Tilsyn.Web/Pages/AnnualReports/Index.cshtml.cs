using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>The annual reports: published ones for everybody logged in; drafts for the advisor's staff.</summary>
[Authorize]
public sealed class IndexModel(TilsynDbContext db, AnnualReportService reports) : PageModel, IDomainErrorPage
{
    public sealed record Row(int Year, bool Published, DateTimeOffset? PublishedAt);
    public List<Row> Reports { get; private set; } = [];
    public bool IsStaff => User.IsAdvisorStaff();
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Set<AnnualReport>().AsNoTracking().OrderByDescending(r => r.Year).Select(r => new { r.Year, r.PublishedAt }).ToListAsync(ct);
        Reports = rows.Where(r => AnnualReport.MaySee(r.PublishedAt, IsStaff)).Select(r => new Row(r.Year, r.PublishedAt != null, r.PublishedAt)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken ct)
    {
        if (!IsStaff) return Forbid();
        await reports.GetOrCreateAsync(year, ct);
        return Redirect($"/AnnualReports/Edit?year={year}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return true;
    }
}
