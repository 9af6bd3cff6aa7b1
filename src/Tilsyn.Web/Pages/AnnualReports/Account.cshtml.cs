using Tilsyn.Publishing;
using Tilsyn.Recommendations;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>
/// An administration's account to its committee (<i>redegørelse</i>) on the year's report: for each
/// recommendation aimed at it, what it has done and plans. Submitting adds the account to each
/// recommendation in the register, where it stays until the advisor closes it.
/// </summary>
[Authorize]
public sealed class AccountModel(TilsynDbContext db, TimeProvider clock) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public int Administration { get; set; }
    public string AdministrationCode { get; private set; } = "";
    public FollowUpAccount Account { get; private set; } = null!;
    public List<Recommendation> Recommendations { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? committee, string? introduction, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(ct, tracked: true)) return NotFound();
        if (!MayEdit) return Forbid();
        var answers = Recommendations.Select(r => new AccountItem(r.Id, Request.Form[$"done-{r.Id}"].ToString(), Request.Form[$"planned-{r.Id}"].ToString()));
        Account.Edit(committee, introduction, answers, clock.GetUtcNow(), User.DisplayName());
        if (submit) Account.Submit(Recommendations, clock.GetUtcNow(), User.DisplayName());
        if (Account.Id == 0) db.Add(Account);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = submit ? "Redegørelsen er indsendt, og anbefalingerne i registret er opdateret." : "Kladden er gemt.";
        return Redirect($"/AnnualReports/Account?year={Year}&administration={Administration}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The account as a Word document for the committee's papers.</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var sections = new List<ReportSection> { new("Indledning", [Account.Introduction.Length == 0 ? "–" : Account.Introduction]) };
        foreach (var r in Recommendations)
        {
            var item = Account.Items.FirstOrDefault(i => i.RecommendationId == r.Id);
            sections.Add(new ReportSection(r.Text, [$"Gjort: {Or(item?.Done)}", $"Planlagt: {Or(item?.Planned)}", $"Status i registret: {Recommendation.Name(r.Status)}"]) { Level = 2 });
        }
        var doc = new ReportDocument($"Redegørelse om Borgerrådgiverens beretning {Year}", $"{AdministrationCode} til {Or(Account.Committee)}", sections);
        return ReportFormat.Docx.Download(ReportRenderer.ToDocx(doc), $"Redegoerelse-{AdministrationCode}-{Year}");
    }

    private static string Or(string? s) => FollowUpAccount.Or(s);

    private async Task<bool> LoadAsync(CancellationToken ct, bool tracked = false)
    {
        var access = FollowUpAccountAccess.For(User.RoleNames(), User.AdministrationIdOf());
        var published = await db.Set<AnnualReport>().AnyAsync(r => r.Year == Year && r.PublishedAt != null, ct);
        if (!access.MaySee(published, Administration)) return false;
        var admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Administration, ct);
        if (admin is null) return false;
        AdministrationCode = admin.Code;
        MayEdit = access.MayEdit(published, Administration);
        var recs = tracked ? db.Recommendations : db.Recommendations.AsNoTracking();
        Recommendations = await AnnualReportService.RecommendationsOf(recs, Year).Where(r => r.AdministrationId == Administration)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var accounts = tracked ? db.Set<FollowUpAccount>() : db.Set<FollowUpAccount>().AsNoTracking();
        Account = await accounts.FirstOrDefaultAsync(a => a.Year == Year && a.AdministrationId == Administration, ct)
            ?? new FollowUpAccount(Year, Administration, admin.Committee);
        return true;
    }
}
