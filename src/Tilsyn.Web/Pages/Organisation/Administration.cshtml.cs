using Tilsyn.Organisation;
using Tilsyn.Web.Organisation;

namespace Tilsyn.Web.Pages.Organisation;

/// <summary>One administration's tree of areas and units; AdvisorLead edits it here.</summary>
public sealed class AdministrationModel(OrganisationQueries queries, TilsynDbContext db) : PageModel, IDomainErrorPage
{
    public sealed record Contact(string Name, string Email);

    public Administration Admin { get; private set; } = null!;
    public List<UnitNode> Units { get; private set; } = [];
    public List<(UnitNode Node, int Depth)> Tree { get; private set; } = [];
    public List<Contact> Contacts { get; private set; } = [];
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddUnitAsync(string code, string name, OrgUnitKind kind, int? parentId, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        if (!await LoadAsync(code, ct)) return NotFound();
        return await Change(code, ct, async () =>
        {
            var parent = parentId is { } p ? await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == p && u.AdministrationId == Admin.Id, ct)
                ?? throw new DomainException("Det valgte område findes ikke i forvaltningen.") : null;
            await EnsureUniqueName(name, parentId, null, ct);
            db.OrgUnits.Add(new OrgUnit(Admin.Id, name, kind, parent));
            return $"{name.Trim()} er tilføjet.";
        });
    }

    public async Task<IActionResult> OnPostUnitAsync(string code, int unitId, string name, int? parentId, bool closed, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        if (!await LoadAsync(code, ct)) return NotFound();
        return await Change(code, ct, async () =>
        {
            var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == unitId && u.AdministrationId == Admin.Id, ct)
                ?? throw new DomainException("Enheden findes ikke i forvaltningen.");
            var parent = parentId is { } p ? await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == p && u.AdministrationId == Admin.Id, ct)
                ?? throw new DomainException("Det valgte område findes ikke i forvaltningen.") : null;
            await EnsureUniqueName(name, parentId, unitId, ct);
            unit.Rename(name);
            unit.SetParent(parent, parent is null ? [] : Ancestors(parent.Id));
            if (closed) unit.Close(); else unit.Reopen();
            return $"{unit.Name} er gemt.";
        });
    }

    public async Task<IActionResult> OnPostDetailsAsync(string code, string newCode, string name, string? committee, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        if (!await LoadAsync(code, ct)) return NotFound();
        var admin = await db.Administrations.FirstAsync(a => a.Id == Admin.Id, ct);
        admin.Update(newCode, name, committee);
        if (await db.Administrations.AnyAsync(a => a.Code == admin.Code && a.Id != admin.Id, ct))
            throw new DomainException($"Forkortelsen {admin.Code} er allerede i brug.");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Stamdata er gemt.";
        return Redirect($"/Organisation/Administration/{admin.Code}");
    }

    private async Task<IActionResult> Change(string code, CancellationToken ct, Func<Task<string>> change)
    {
        var message = await change();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = message;
        return Redirect($"/Organisation/Administration/{code}");
    }

    /// <summary>The administration as it was loaded before the refused change (its code may have been edited).</summary>
    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(Admin.Code, ct);

    private async Task EnsureUniqueName(string name, int? parentId, int? self, CancellationToken ct)
    {
        var n = name.Trim();
        if (await db.OrgUnits.AnyAsync(u => u.AdministrationId == Admin.Id && u.ParentId == parentId && u.Name == n && u.Id != self, ct))
            throw new DomainException($"Der findes allerede en enhed med navnet '{n}' samme sted.");
    }

    private List<int> Ancestors(int id)
    {
        var parents = Units.ToDictionary(u => u.Id, u => u.ParentId);
        var result = new List<int>();
        for (var p = parents.GetValueOrDefault(id); p is { } x && !result.Contains(x); p = parents.GetValueOrDefault(x))
            result.Add(x);
        return result;
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var admin = await queries.AdministrationAsync(User, code, ct);
        if (admin is null) return false;
        Admin = admin;
        Units = await queries.UnitsAsync(admin.Id, ct);
        Tree = OrganisationQueries.AsTree(Units).ToList();
        // Contacts' names and addresses are personal data: only advisor staff and the administration itself.
        if (User.Scope().Covers(admin.Id))
            Contacts = await db.Users.AsNoTracking().Where(u => u.AdministrationId == admin.Id)
                .OrderBy(u => u.FullName).Select(u => new Contact(u.FullName, u.Email ?? "")).ToListAsync(ct);
        return true;
    }
}
