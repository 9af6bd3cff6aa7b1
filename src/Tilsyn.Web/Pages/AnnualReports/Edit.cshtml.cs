using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>The advisor's editor for a draft report: own texts (Markdown), recommendations per administration, case examples, publication.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class EditModel(TilsynDbContext db, AnnualReportService reports) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public AnnualReport Report { get; private set; } = null!;
    public List<ReportRecommendation> Recommendations { get; private set; } = [];
    public List<CaseExample> Examples { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public string? Error { get; set; }

    /// <summary>The report's version the form was loaded with (<see cref="AggregateVersion"/>); texts or a publication based on an older one are refused.</summary>
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTextsAsync(string? foreword, string? themes, string? recommendations, CancellationToken ct) =>
        Change(() => reports.SaveTextsAsync(Year, foreword, themes, recommendations, User, ShownVersion, ct), "Teksterne er gemt.", ct);

    public Task<IActionResult> OnPostRecommendationAsync(int administrationId, string? text, DateOnly? due, CancellationToken ct) =>
        Change(() => reports.AddRecommendationAsync(Year, administrationId, text, due, ct), "Anbefalingen er tilføjet.", ct);

    public Task<IActionResult> OnPostRemoveRecommendationAsync(int id, CancellationToken ct) =>
        Change(() => reports.RemoveRecommendationAsync(Year, id, ct), "Anbefalingen er fjernet.", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        Change(() => reports.PublishAsync(Year, User, ShownVersion, ct), "Beretningen er offentliggjort. PDF, Word og side er gemt, som de er nu.", ct, toView: true);

    private async Task<IActionResult> Change(Func<Task> action, string done, CancellationToken ct, bool toView = false)
    {
        if (!await db.Set<AnnualReport>().AnyAsync(r => r.Year == Year, ct)) return NotFound();
        await action();
        TempData["Message"] = done;
        return Redirect(toView ? $"/AnnualReports/View?year={Year}" : $"/AnnualReports/Edit?year={Year}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var report = await db.Set<AnnualReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == Year, ct);
        if (report is null) return false;
        Report = report;
        Recommendations = await db.Set<ReportRecommendation>().AsNoTracking().Where(r => r.Year == Year).OrderBy(r => r.Id).ToListAsync(ct);
        Examples = await db.Set<CaseExample>().AsNoTracking().Where(e => e.ReportYear == Year).OrderBy(e => e.Id).ToListAsync(ct);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        return true;
    }
}
