using Tilsyn.Publishing;
using Tilsyn.Recommendations;
using Tilsyn.Web.AnnualReports;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>Overview per administration and committee: the report's recommendations, their status, and whether the account is in.</summary>
[Authorize]
public sealed class AccountsModel(TilsynDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public sealed record Row(int AdministrationId, string Code, string Committee, int Recommendations, int Open, int InProgress, int Closed, string AccountStatus);
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var published = await db.Set<AnnualReport>().AnyAsync(r => r.Year == Year && r.PublishedAt != null, ct);
        if (!FollowUpAccountAccess.AccountsOpen(published)) return NotFound();
        var own = FollowUpAccountAccess.For(User.RoleNames(), User.AdministrationIdOf()).OnlyAdministration;
        var recs = await AnnualReportService.RecommendationsOf(db.Recommendations.AsNoTracking(), Year).ToListAsync(ct);
        var accounts = await db.Set<FollowUpAccount>().AsNoTracking().Where(a => a.Year == Year).ToListAsync(ct);
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        Rows = admins.Where(a => own == null || a.Id == own).Select(a =>
        {
            var mine = recs.Where(r => r.AdministrationId == a.Id).ToList();
            var account = accounts.FirstOrDefault(x => x.AdministrationId == a.Id);
            return new Row(a.Id, a.Code, account?.Committee is { Length: > 0 } c ? c : a.Committee ?? "–", mine.Count,
                mine.Count(r => r.Status == RecommendationStatus.Open), mine.Count(r => r.Status == RecommendationStatus.InProgress), mine.Count(r => r.Status == RecommendationStatus.Closed),
                account is null ? "Ikke påbegyndt" : account.SubmittedAt is { } s ? $"Indsendt {s:dd-MM-yyyy}" : "Kladde");
        }).ToList();
        return Page();
    }
}
