using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Targets;
using Tilsyn.Web.Targets;

namespace Tilsyn.Web.Pages.Targets;

/// <summary>
/// One administration's own targets: its people record, change and submit them; the advisor's staff
/// and Leadership read them. Another administration's people get 404.
/// </summary>
public sealed class AdministrationModel(OwnTargetStatusQuery query, OwnTargetService service, TilsynDbContext db, TimeProvider clock) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public Administration? Admin { get; private set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<OwnTargetRow> Rows { get; private set; } = [];
    public List<AdministrationTarget> OtherYears { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public int Drafts { get; private set; }
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReloadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (!MayEdit) return Forbid();
        var count = await service.SubmitAsync(User, Id, ct);
        TempData["Message"] = count == 1 ? "Måltallet er indsendt til Borgerrådgiveren." : $"{count} måltal er indsendt til Borgerrådgiveren.";
        return Redirect($"/Targets/Administration?id={Id}&year={ShownYear}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var access = OwnTargetService.Access(User);
        if (!access.MayRead(Id)) return false;
        Admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (Admin is null) return false;
        MayEdit = access.MayEdit(Id);
        ShownYear = Year is >= 2000 and <= 9998 ? Year.Value : clock.Today().Year;
        Rows = await query.ForAsync(Id, ReportingPeriod.ForYear(ShownYear), ct);
        var all = await db.Set<AdministrationTarget>().AsNoTracking().Where(t => t.AdministrationId == Id).OrderBy(t => t.FirstYear).ThenBy(t => t.Id).ToListAsync(ct);
        OtherYears = [.. all.Where(t => !t.AppliesTo(ShownYear))];
        Drafts = all.Count(t => t.State == TargetState.Draft);
        return true;
    }
}
