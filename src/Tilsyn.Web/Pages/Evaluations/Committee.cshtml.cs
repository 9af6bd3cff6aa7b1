using Tilsyn.Evaluations;
using Tilsyn.Organisation;
using Tilsyn.Web.Evaluations;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>Committee status per administration and year: contacts write their own; the advisor's staff read all.</summary>
[Authorize(Policy = Policies.CaseReaders)]
public sealed class CommitteeModel(TilsynDbContext db, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public List<CommitteeStatus> Rows { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public Administration? OwnAdministration { get; private set; }
    public string? Error { get; set; }
    public string Code(int id) => Codes.GetValueOrDefault(id, "?");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var access = EvaluationService.Access(User);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        Rows = await db.Set<CommitteeStatus>().AsNoTracking().Where(access.VisibleCommitteeStatus)
            .OrderByDescending(s => s.Year).ThenBy(s => s.Committee).ToListAsync(ct);
        if (access.WritesCommitteeStatusFor is { } own) OwnAdministration = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == own, ct);
    }

    public async Task<IActionResult> OnPostAsync(int year, string? text, CancellationToken ct)
    {
        var own = EvaluationService.Access(User).WritesCommitteeStatusFor;
        if (own is null) return Forbid(); // only an administration writes its own status
        var admin = await db.Administrations.FirstAsync(a => a.Id == own, ct);
        var committee = admin.Committee ?? admin.Name;
        var status = await db.Set<CommitteeStatus>().FirstOrDefaultAsync(s => s.AdministrationId == admin.Id && s.Year == year, ct);
        if (status is null) db.Add(new CommitteeStatus(admin.Id, year, committee, text, clock.GetUtcNow(), User.DisplayName()));
        else status.Write(committee, text, clock.GetUtcNow(), User.DisplayName());
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Status for {year} er gemt.";
        return RedirectToPage();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return true;
    }
}
