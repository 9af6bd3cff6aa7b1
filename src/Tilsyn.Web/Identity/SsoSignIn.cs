using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Identity;

/// <summary>
/// Finishes a single sign-on: the provider's user is matched to a Tilsyn user and signed in to
/// Identity's cookie exactly as a password login (the same claims factory, roles from Tilsyn's user
/// table, session start, security stamp). With a group mapping an unknown user is created with the
/// mapped role; otherwise an unknown or deactivated user is refused and sent to a page that says to
/// ask the administrator. Every outcome is an access-log line: "Login" with the method and the
/// <c>amr</c> values, or a refused login with the reason.
/// <para>
/// Matching: the first sign-in matches by e-mail (or login name, for a UPN), case-insensitively, and
/// links the user to the provider's stable user id (<c>oid</c> in Entra ID, else <c>sub</c>) as an
/// external login (<c>AspNetUserLogins</c>); from then on the user is found by that id alone, so a
/// changed e-mail or UPN at the provider, or somebody else given the old address, never opens the
/// account. An address that belongs to a user already linked to another provider id is refused, and
/// an <c>email</c> claim the provider marks unverified (<c>email_verified=false</c>) is not matched.
/// A linked user has no local password (<see cref="LocalPassword"/>).
/// </para>
/// <para>
/// A user created from the group mapping keeps following it: at every sign-in the role and
/// administration are those the current groups give, and a user whose groups no longer give access
/// is refused. A head of office who changes such a user's role in Tilsyn takes the role over (the
/// mark is removed). Users created in Tilsyn keep Tilsyn's role.
/// </para>
/// </summary>
public sealed class SsoSignIn(
    UserManager<TilsynUser> users, SignInManager<TilsynUser> signIn, TilsynDbContext db, AccessLog accessLog,
    SsoOptions options, GroupRoleMapping groups, TimeProvider clock, ILogger<SsoSignIn> log)
{
    public const string RefusedPath = "/Account/SsoAfvist";

    /// <summary>The user token (<c>AspNetUserTokens</c>, provider <see cref="SingleSignOn.Scheme"/>) that marks a role from the group mapping.</summary>
    public const string RoleFromGroupsToken = "RoleFromGroups";

    /// <summary>The provider's stable id of the user: Entra ID's object id (<c>oid</c>), else the subject (<c>sub</c>).</summary>
    public static string? ProviderKey(System.Security.Claims.ClaimsPrincipal principal) =>
        (principal.FindFirst("oid")?.Value is { Length: > 0 and <= 200 } oid ? "oid:" + oid : null)
        ?? (principal.FindFirst("sub")?.Value is { Length: > 0 and <= 200 } sub ? "sub:" + sub : null);

    public async Task CompleteAsync(TicketReceivedContext ctx)
    {
        // The handshake ends here, whatever the outcome: no session of the OIDC scheme's own.
        ctx.HandleResponse();
        var principal = ctx.Principal!;
        var ct = ctx.HttpContext.RequestAborted;
        var amr = SingleSignOn.AmrOf(principal);
        var key = ProviderKey(principal);
        if (key is null)
        {
            await RefuseAsync(ctx, null, "Ukendt bruger fra kommunens login", "kommunens login sendte intet bruger-id (oid/sub)", amr, ct);
            return;
        }

        var user = await users.FindByLoginAsync(SingleSignOn.Scheme, key);
        if (user is null)
        {
            var email = principal.FindFirst(options.EmailClaim)?.Value.Trim() ?? "";
            if (email.Length is 0 or > 256)
            {
                await RefuseAsync(ctx, null, "Ukendt bruger fra kommunens login", $"kommunens login sendte ingen e-mail/UPN ({options.EmailClaim})", amr, ct);
                return;
            }
            if (options.EmailClaim == "email" && string.Equals(principal.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase))
            {
                await RefuseAsync(ctx, null, $"Ukendt bruger fra kommunens login ({email})", "kommunens login siger, at e-mailadressen ikke er bekræftet (email_verified=false)", amr, ct);
                return;
            }
            user = await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
            if (user is null && !groups.IsEmpty)
            {
                var (created, refusal) = await CreateFromGroupsAsync(principal, email, key, ct);
                if (created is null)
                {
                    await RefuseAsync(ctx, null, $"Ukendt bruger fra kommunens login ({email})", refusal!, amr, ct);
                    return;
                }
                user = created;
            }
            else if (user is null)
            {
                await RefuseAsync(ctx, null, $"Ukendt bruger fra kommunens login ({email})", "ingen bruger i Tilsyn med denne e-mail/UPN", amr, ct);
                return;
            }
            else if (user.DeactivatedAt is null && await LinkAsync(user, key, ct) is { } refusal)
            {
                await RefuseAsync(ctx, user.Id, AccessLog.NameOf(user), refusal, amr, ct);
                return;
            }
        }
        if (user.DeactivatedAt is not null)
        {
            await RefuseAsync(ctx, user.Id, AccessLog.NameOf(user), "brugeren er deaktiveret", amr, ct);
            return;
        }
        if (!groups.IsEmpty && await users.GetAuthenticationTokenAsync(user, SingleSignOn.Scheme, RoleFromGroupsToken) is not null
            && await FollowGroupsAsync(user, principal, ct) is { } groupRefusal)
        {
            await RefuseAsync(ctx, user.Id, AccessLog.NameOf(user), groupRefusal, amr, ct);
            return;
        }

        accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.Login, null, $"Logget ind med kommunens login (OpenID Connect); amr: {amr}");
        await db.SaveChangesAsync(ct);
        var properties = LoginSession.Start(clock.GetUtcNow());
        properties.Items[SingleSignOn.MethodItem] = SingleSignOn.MethodOidc;
        if (ctx.Properties?.GetTokenValue("id_token") is { } idToken)
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        await signIn.SignInAsync(user, properties, SingleSignOn.MethodOidc);
        var returnUrl = ctx.ReturnUri; // the handler moved RedirectUri here
        ctx.Response.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// Links a user matched by e-mail/UPN to the provider's id, or says why not: a user already linked
    /// to another id at the provider is somebody else's account now (a reused or changed address).
    /// </summary>
    private async Task<string?> LinkAsync(TilsynUser user, string key, CancellationToken ct)
    {
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOn.Scheme))
            return "e-mail/UPN'en hører til en bruger i Tilsyn, der er knyttet til en anden konto hos kommunens login";
        var result = await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOn.Scheme, key, "Kommunens login"));
        if (!result.Succeeded)
        {
            log.LogWarning("A single sign-on user could not be linked: {Errors}", string.Join(", ", result.Errors.Select(e => e.Code)));
            return "brugeren kunne ikke knyttes til kommunens login";
        }
        // The user's sessions pick up the change; a password from before the link no longer logs in (LocalPassword).
        await users.UpdateSecurityStampAsync(user);
        await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.UserChanged,
            $"Bruger knyttet til kommunens login ved første login: {AccessLog.NameOf(user)}", ct);
        return null;
    }

    /// <summary>The role the user's groups give now, or why they give none (a refusal).</summary>
    private async Task<(GroupRole? Role, int? AdministrationId, string? Refusal)> RoleFromGroupsAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        GroupRole? role;
        try
        {
            role = groups.Resolve(principal.FindAll(options.GroupClaim!).Select(c => c.Value));
        }
        catch (DomainException e)
        {
            return (null, null, e.Message);
        }
        if (role is null) return (null, null, "ingen af brugerens grupper giver adgang");
        int? administrationId = null;
        if (role.AdministrationCode is { } code)
        {
            var administration = await db.Administrations.AsNoTracking().Where(a => a.Code.ToUpper() == code.ToUpper()).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (administration is null) return (null, null, $"gruppen giver forvaltningen '{code}', som ikke findes i Tilsyn");
            administrationId = administration;
        }
        return (role, administrationId, null);
    }

    /// <summary>A user created from the groups gets the role and administration the groups give now; null, or why the user is refused.</summary>
    private async Task<string?> FollowGroupsAsync(TilsynUser user, System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        var (role, administrationId, refusal) = await RoleFromGroupsAsync(principal, ct);
        if (role is null) return "rollen kommer fra grupperne i kommunens login, og " + refusal;
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role.Role]) && user.AdministrationId == administrationId) return null;

        var before = string.Join(", ", current.Select(Roles.DisplayName)) + (user.AdministrationId is not null ? " (med forvaltning)" : "");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.AdministrationId = administrationId;
        var result = await users.RemoveFromRolesAsync(user, current);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role.Role);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            log.LogWarning("The role of a single sign-on user could not follow the groups: {Errors}", string.Join(", ", result.Errors.Select(e => e.Code)));
            return "rollen fra grupperne i kommunens login kunne ikke gemmes";
        }
        var what = Roles.DisplayName(role.Role) + (role.AdministrationCode is { } c ? $", forvaltning {c}" : "");
        accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.RoleChanged, null,
            $"Rolle ændret ved login med kommunens login (fra gruppe): {AccessLog.NameOf(user)}: {before} → {what}");
        await users.UpdateSecurityStampAsync(user); // saves the log line; other sessions pick up the new role
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>A new user from the mapped groups, linked to the provider's id, or the reason there is none.</summary>
    private async Task<(TilsynUser? User, string? Refusal)> CreateFromGroupsAsync(System.Security.Claims.ClaimsPrincipal principal, string email, string key, CancellationToken ct)
    {
        var (role, administrationId, refusal) = await RoleFromGroupsAsync(principal, ct);
        if (role is null) return (null, "ingen bruger i Tilsyn, og " + refusal);

        var name = principal.FindFirst(options.NameClaim)?.Value.Trim();
        var user = new TilsynUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = string.IsNullOrEmpty(name) ? email : name.Length > 200 ? name[..200] : name,
            AdministrationId = administrationId,
        };
        // No password: the user logs in through the provider only. One transaction: never a user without its role or link.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role.Role);
        if (result.Succeeded) result = await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOn.Scheme, key, "Kommunens login"));
        if (result.Succeeded) result = await users.SetAuthenticationTokenAsync(user, SingleSignOn.Scheme, RoleFromGroupsToken, "true");
        if (result.Succeeded) await tx.CommitAsync(ct);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            log.LogWarning("A single sign-on user could not be created: {Errors}", string.Join(", ", result.Errors.Select(e => e.Code)));
            return (null, "brugeren kunne ikke oprettes: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        var what = Roles.DisplayName(role.Role) + (role.AdministrationCode is { } c ? $", forvaltning {c}" : "");
        await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.UserCreated, $"Bruger oprettet ved første login med kommunens login: {what} (fra gruppe)", ct);
        return (user, null);
    }

    private async Task RefuseAsync(TicketReceivedContext ctx, string? userId, string userName, string reason, string amr, CancellationToken ct)
    {
        await accessLog.WriteForAsync(userId, userName, AccessAction.LoginFailed, $"Mislykket login med kommunens login: {reason}; amr: {amr}", ct);
        // No personal data in the address: the page says only to ask the administrator.
        ctx.Response.Redirect(RefusedPath);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
