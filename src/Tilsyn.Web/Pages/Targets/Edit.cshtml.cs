using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Targets;
using Tilsyn.Web.Targets;

namespace Tilsyn.Web.Pages.Targets;

/// <summary>
/// An administration's own people record or change a target (or a reasoned "no target") for a case
/// area, or delete a draft. The form carries the version it showed (a stale save is refused, 409).
/// Another administration's people get 404; the advisor's staff and Leadership, who only read, 403.
/// </summary>
public sealed class EditModel(OwnTargetService service, TilsynDbContext db, TimeProvider clock) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Administration { get; set; }
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public TargetForm Form { get; set; } = new();
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public Administration? Admin { get; private set; }
    public AdministrationTarget? Existing { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public int Version { get; private set; }
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Refusal(ct) is { } refused) return refused;
        if (Existing is not null) Form = TargetForm.From(Existing);
        else
        {
            var year = clock.Today().Year;
            Form.FirstYear = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Form.LastYear = Form.FirstYear;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Refusal(ct) is { } refused) return refused;
        var saved = await service.SaveAsync(User, Administration, Existing, Form, ShownVersion, ct);
        TempData["Message"] = $"{saved.Target.Area.Label} er gemt som kladde. Indsend, når forvaltningens måltal er klar.";
        return Redirect($"/Targets/Administration?id={Administration}&year={saved.FirstYear}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await Refusal(ct) is { } refused) return refused;
        if (Existing is null) return NotFound();
        await service.DeleteAsync(User, Existing, ShownVersion, ct);
        TempData["Message"] = "Kladden er slettet.";
        return Redirect($"/Targets/Administration?id={Administration}");
    }

    private async Task<IActionResult?> Refusal(CancellationToken ct)
    {
        var access = OwnTargetService.Access(User);
        if (!access.MayRead(Administration)) return NotFound();
        if (!access.MayEdit(Administration)) return Forbid();
        return await ReloadAsync(ct) ? null : NotFound();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Administration, ct);
        if (Admin is null) return false;
        Existing = Id is { } id ? await db.Set<AdministrationTarget>().FirstOrDefaultAsync(t => t.Id == id && t.AdministrationId == Administration, ct) : null;
        if (Id is not null && Existing is null) return false;
        Version = Existing is null ? 0 : db.Entry(Existing).Property<int>(AggregateVersion.Property).CurrentValue;
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.AdministrationId == Administration).OrderBy(u => u.Name).ToListAsync(ct);
        return true;
    }
}
