using Tilsyn.Organisation;
using Tilsyn.Web.Organisation;

namespace Tilsyn.Web.Pages.Organisation;

public sealed class IndexModel(OrganisationQueries queries, TilsynDbContext db) : PageModel, IDomainErrorPage
{
    public List<AdministrationRow> Rows { get; private set; } = [];
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? Committee { get; set; }
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.AdministrationsAsync(User, ct);
        // A contact has exactly one administration: go straight to it.
        if (User.IsInRole(Roles.AdministrationContact) && Rows.Count == 1)
            return Redirect($"/Organisation/Administration/{Rows[0].Code}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        var admin = new Administration(Code, Name, Committee);
        if (await db.Administrations.AnyAsync(a => a.Code == admin.Code, ct))
            throw new DomainException($"Forkortelsen {admin.Code} er allerede i brug.");
        db.Administrations.Add(admin);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{admin.Name} er oprettet.";
        return RedirectToPage();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Rows = await queries.AdministrationsAsync(User, ct);
        return true;
    }
}
