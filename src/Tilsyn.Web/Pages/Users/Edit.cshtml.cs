using Microsoft.AspNetCore.Identity;
using Tilsyn.Organisation;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Users;

/// <summary>
/// Create or edit a user: name, login, role and (for contacts) administration, optionally a new password.
/// A password only where the user may have one (<see cref="LocalPassword"/>): not with local accounts
/// switched off, and not for a user linked to the municipality's identity provider; the server refuses
/// a posted one just the same. A user without a password logs in through the provider, matched by e-mail or UPN.
/// </summary>
public sealed class EditModel(TilsynDbContext db, UserManager<TilsynUser> users, AccessLog accessLog, MfaService mfa, LoginMethods methods) : PageModel, IDomainErrorPage
{
    public sealed class UserInput
    {
        public string FullName { get; set; } = "";
        public string UserName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Role { get; set; } = Roles.Advisor;
        public int? AdministrationId { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public UserInput Input { get; set; } = new();
    public List<Administration> Administrations { get; private set; } = [];
    /// <summary>A refused input (shown by <see cref="DomainErrorPageFilter"/>).</summary>
    public string? Error { get; set; }
    /// <summary>What ASP.NET Identity refused (password rules, a taken user name).</summary>
    public List<string> Errors { get; } = [];
    /// <summary>Whether the edited user has enrolled in two-step login (null for a new user).</summary>
    public bool? MfaEnabled { get; private set; }
    public LoginMethods Methods => methods;
    /// <summary>Whether the edited user is linked to the identity provider (has signed in through it).</summary>
    public bool LinkedToProvider { get; private set; }
    /// <summary>Whether the form offers a password (and Tilsyn's own two-step login) for this user.</summary>
    public bool PasswordAllowed => LocalPassword.Allowed(methods.LocalAccounts, methods.Sso, LinkedToProvider);
    public bool PasswordRequired => Id is null && LocalPassword.RequiredForNewUser(methods.LocalAccounts, methods.Sso);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Id is null) return Page();
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        LinkedToProvider = await IsLinkedAsync(user);
        Input = new UserInput
        {
            FullName = user.FullName, UserName = user.UserName ?? "", Email = user.Email ?? "",
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Advisor,
            AdministrationId = user.AdministrationId,
        };
        MfaEnabled = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    /// <summary>Resets the user's two-step login (a lost phone): the user's sessions end and the user enrols again.</summary>
    public async Task<IActionResult> OnPostResetMfaAsync(CancellationToken ct)
    {
        if (Id is null || await users.FindByIdAsync(Id) is not { } user) return NotFound();
        if (!LocalPassword.Allowed(methods.LocalAccounts, methods.Sso, await IsLinkedAsync(user)))
            throw new DomainException("Brugeren logger ind med kommunens login, som står for to-trinsbekræftelsen. Tilsyns egen to-trinsbekræftelse kan ikke nulstilles.");
        await mfa.ResetAsync(user, ct);
        TempData["Message"] = $"To-trinsbekræftelse for {user.FullName} er nulstillet. Brugeren skal tilmelde sig igen ved næste login.";
        return RedirectToPage("/Users/Index");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var administrationId = RoleAssignment.Validate(Input.Role, Input.AdministrationId);
        if (administrationId is { } a && Administrations.All(x => x.Id != a))
            throw new DomainException("Den valgte forvaltning findes ikke.");
        if (string.IsNullOrWhiteSpace(Input.FullName)) throw new DomainException("Navn skal udfyldes.");
        var user = Id is null ? new TilsynUser() : await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        LinkedToProvider = Id is not null && await IsLinkedAsync(user);
        // Refused before anything is stored, whatever the form showed.
        if (!string.IsNullOrEmpty(Input.Password)) LocalPassword.EnsureMaySet(methods.LocalAccounts, methods.Sso, LinkedToProvider);
        if (PasswordRequired && string.IsNullOrEmpty(Input.Password)) throw new DomainException("Adgangskode skal udfyldes for en ny bruger.");

        // One transaction: a user is never left with a new name but the old role.
        await using var tx = await db.Database.BeginTransactionAsync();
        if (Id is not null)
        {
            var leads = await users.GetUsersInRoleAsync(Roles.AdvisorLead);
            UserDeactivation.EnsureMayChangeRole(targetIsActiveLead: user.DeactivatedAt is null && leads.Any(l => l.Id == user.Id), Input.Role,
                activeLeads: leads.Count(l => l.DeactivatedAt is null));
        }
        var before = (user.FullName, user.UserName, user.Email, user.AdministrationId);
        user.FullName = Input.FullName.Trim();
        user.UserName = Input.UserName.Trim();
        user.Email = Input.Email.Trim();
        user.EmailConfirmed = true;
        user.AdministrationId = administrationId;

        // No password: the user logs in through the identity provider only (matched by e-mail or user name).
        var result = Id is null ? string.IsNullOrEmpty(Input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, Input.Password)
            : await users.UpdateAsync(user);
        if (result.Succeeded && Id is not null && !string.IsNullOrEmpty(Input.Password))
        {
            result = await users.RemovePasswordAsync(user);
            if (result.Succeeded) result = await users.AddPasswordAsync(user, Input.Password);
        }
        var current = result.Succeeded ? await users.GetRolesAsync(user) : [];
        if (result.Succeeded && !current.SequenceEqual([Input.Role]))
        {
            result = await users.RemoveFromRolesAsync(user, current);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role);
        }
        // A role set here is Tilsyn's own from now on: it no longer follows the groups at the provider (SsoSignIn).
        if (result.Succeeded && Id is not null && (!current.SequenceEqual([Input.Role]) || before.AdministrationId != administrationId))
            result = await users.RemoveAuthenticationTokenAsync(user, SingleSignOn.Scheme, SsoSignIn.RoleFromGroupsToken);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page(); // the transaction is disposed uncommitted: nothing is stored
        }
        LogChanges(user, Id is null, before, current, administrationId);
        await users.UpdateSecurityStampAsync(user); // the user's open sessions pick up the change (and the log lines are saved)
        await tx.CommitAsync();
        TempData["Message"] = $"{user.FullName} er gemt.";
        return RedirectToPage("/Users/Index");
    }

    /// <summary>The access-log lines of a user change: created, or what changed (details, role or administration, password).</summary>
    private void LogChanges(TilsynUser user, bool created, (string FullName, string? UserName, string? Email, int? AdministrationId) before,
        IList<string> rolesBefore, int? administrationId)
    {
        var who = AccessLog.NameOf(user);
        var role = Roles.DisplayName(Input.Role) + (administrationId is { } a ? $", forvaltning {Administrations.First(x => x.Id == a).Code}" : "");
        if (created)
        {
            accessLog.Add(AccessAction.UserCreated, null, $"Bruger oprettet: {who}, {role}" + (string.IsNullOrEmpty(Input.Password) ? " (uden adgangskode: logger ind med kommunens login)" : ""));
            return;
        }
        if (before != (user.FullName, user.UserName, user.Email, before.AdministrationId))
            accessLog.Add(AccessAction.UserChanged, null, $"Bruger ændret: {who} (før: {before.FullName} ({before.UserName}), {before.Email})");
        if (!rolesBefore.SequenceEqual([Input.Role]) || before.AdministrationId != administrationId)
            accessLog.Add(AccessAction.RoleChanged, null, $"Rolle ændret: {who}: {string.Join(", ", rolesBefore.Select(Roles.DisplayName))} → {role}");
        if (!string.IsNullOrEmpty(Input.Password))
            accessLog.Add(AccessAction.PasswordReset, null, $"Ny adgangskode sat: {who}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct = default)
    {
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        if (Id is not null && await users.FindByIdAsync(Id) is { } user) LinkedToProvider = await IsLinkedAsync(user);
    }

    private async Task<bool> IsLinkedAsync(TilsynUser user) =>
        (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOn.Scheme);
}
