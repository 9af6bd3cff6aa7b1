using Microsoft.AspNetCore.Identity;

namespace Tilsyn.Web.Pages.Users;

/// <summary>AdvisorLead's list of users (the folder is limited to that policy in Program.cs).</summary>
public sealed class IndexModel(TilsynDbContext db, UserManager<TilsynUser> users, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string FullName, string UserName, string Email, IReadOnlyList<string> Roles, string? Administration, bool Locked);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roleNames.ToLookup(x => x.UserId, x => x.Name!);
        var admins = await db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.FullName).ToListAsync(ct);
        Rows = list.Select(u => new Row(u.Id, u.FullName, u.UserName ?? "", u.Email ?? "", byUser[u.Id].ToList(),
            u.AdministrationId is { } a ? admins.GetValueOrDefault(a) : null,
            u.LockoutEnd is { } end && end > now)).ToList();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Message"] = $"{user.FullName} er låst op.";
        return RedirectToPage();
    }
}
