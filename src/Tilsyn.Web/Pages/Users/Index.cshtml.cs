using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Users;

/// <summary>
/// AdvisorLead's list of users (the folder is limited to that policy in Program.cs): lift a login
/// block, deactivate and reactivate. Each change is an access-log line. A login block concerns password
/// logins only: it is neither shown nor lifted for a user who may have no local password (<see cref="LocalPassword"/>).
/// </summary>
public sealed class IndexModel(TilsynDbContext db, UserManager<TilsynUser> users, TimeProvider clock, AccessLog accessLog, LoginMethods methods) : PageModel, IDomainErrorPage
{
    public enum UserStatus { Active, Blocked, Deactivated }

    /// <param name="LinkedToProvider">The user has signed in through the municipality's identity provider.</param>
    /// <param name="PasswordAllowed">The user may log in with a local password (<see cref="LocalPassword.Allowed"/>).</param>
    public sealed record Row(string Id, string FullName, string UserName, string Email, IReadOnlyList<string> Roles, string? Administration, UserStatus Status,
        bool LinkedToProvider, bool PasswordAllowed, string Login);

    public LoginMethods Methods => methods;

    public List<Row> Rows { get; private set; } = [];
    public string? Error { get; set; }
    public string? MyId => users.GetUserId(User);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roleNames.ToLookup(x => x.UserId, x => x.Name!);
        var admins = await db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var blocked = (await db.Set<LoginThrottle>().AsNoTracking().ToListAsync(ct))
            .Where(t => t.IsBlocked(now)).Select(t => t.UserId).ToHashSet();
        var linked = (await db.UserLogins.AsNoTracking().Where(l => l.LoginProvider == SingleSignOn.Scheme).Select(l => l.UserId).ToListAsync(ct)).ToHashSet();
        var list = await db.Users.AsNoTracking().OrderBy(u => u.FullName).ToListAsync(ct);
        Rows = list.Select(u =>
        {
            var passwordAllowed = LocalPassword.Allowed(methods.LocalAccounts, methods.Sso, linked.Contains(u.Id));
            return new Row(u.Id, u.FullName, u.UserName ?? "", u.Email ?? "", byUser[u.Id].ToList(),
                u.AdministrationId is { } a ? admins.GetValueOrDefault(a) : null,
                u.DeactivatedAt is not null ? UserStatus.Deactivated : passwordAllowed && blocked.Contains(u.Id) ? UserStatus.Blocked : UserStatus.Active,
                linked.Contains(u.Id), passwordAllowed, LoginText(linked.Contains(u.Id), passwordAllowed && u.PasswordHash is not null));
        }).ToList();
    }

    /// <summary>How the user logs in, in the list's words.</summary>
    private string LoginText(bool linked, bool password) =>
        methods.Sso && linked ? "Kommunens login"
        : password ? methods.Sso ? "Adgangskode eller kommunens login" : "Adgangskode"
        : methods.Sso ? "Kommunens login (ikke brugt endnu)"
        : "Ingen adgangskode";

    /// <summary>Lifts every login block of the user (from every address).</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var linked = (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOn.Scheme);
        if (!LocalPassword.Allowed(methods.LocalAccounts, methods.Sso, linked))
            throw new DomainException("Brugeren logger ind med kommunens login; en spærring efter forkerte adgangskoder er ikke relevant.");
        await db.Set<LoginThrottle>().Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        await accessLog.WriteAsync(AccessAction.UserUnlocked, null, $"Spærring ophævet: {AccessLog.NameOf(user)}", ct);
        TempData["Message"] = $"Spærringen af {user.FullName} er ophævet.";
        return RedirectToPage();
    }

    /// <summary>Deactivates the user: no login from now on, open sessions end at their next check (within a minute).</summary>
    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var leads = await users.GetUsersInRoleAsync(Roles.AdvisorLead);
        UserDeactivation.EnsureMayDeactivate(users.GetUserId(User)!, user.Id, user.DeactivatedAt is not null,
            targetIsActiveLead: user.DeactivatedAt is null && leads.Any(l => l.Id == user.Id),
            activeLeads: leads.Count(l => l.DeactivatedAt is null));
        user.DeactivatedAt = clock.GetUtcNow();
        accessLog.Add(AccessAction.UserDeactivated, null, $"Bruger deaktiveret: {AccessLog.NameOf(user)}");
        var result = await users.UpdateSecurityStampAsync(user); // saves the user and the log line; the new stamp ends the sessions
        if (!result.Succeeded) throw new DomainException("Brugeren kunne ikke gemmes. Prøv igen.");
        TempData["Message"] = $"{user.FullName} er deaktiveret.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        UserDeactivation.EnsureMayReactivate(user.DeactivatedAt is not null);
        user.DeactivatedAt = null;
        accessLog.Add(AccessAction.UserReactivated, null, $"Bruger genaktiveret: {AccessLog.NameOf(user)}");
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new DomainException("Brugeren kunne ikke gemmes. Prøv igen.");
        TempData["Message"] = $"{user.FullName} er genaktiveret.";
        return RedirectToPage();
    }
}
