using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Identity;

/// <summary>
/// Finishes a single sign-on: the provider's user is matched to a Tilsyn user by e-mail (or login
/// name, for a UPN), case-insensitively, and signed in to Identity's cookie exactly as a password login
/// (the same claims factory, roles from Tilsyn's user table, session start, security stamp). With a
/// group mapping an unknown user is created with the mapped role; otherwise an unknown or deactivated
/// user is refused and sent to a page that says to ask the administrator. Every outcome is an
/// access-log line: "Login" with the method and the <c>amr</c> values, or a refused login with the reason.
/// </summary>
public sealed class SsoSignIn(
    UserManager<TilsynUser> users, SignInManager<TilsynUser> signIn, TilsynDbContext db, AccessLog accessLog,
    SsoOptions options, GroupRoleMapping groups, TimeProvider clock, ILogger<SsoSignIn> log)
{
    public const string RefusedPath = "/Account/SsoAfvist";

    public async Task CompleteAsync(TicketReceivedContext ctx)
    {
        // The handshake ends here, whatever the outcome: no session of the OIDC scheme's own.
        ctx.HandleResponse();
        var principal = ctx.Principal!;
        var ct = ctx.HttpContext.RequestAborted;
        var amr = SingleSignOn.AmrOf(principal);
        var email = principal.FindFirst(options.EmailClaim)?.Value.Trim() ?? "";
        if (email.Length is 0 or > 256)
        {
            await RefuseAsync(ctx, null, "Ukendt bruger fra kommunens login", $"kommunens login sendte ingen e-mail/UPN ({options.EmailClaim})", amr, ct);
            return;
        }

        var user = await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
        if (user is null && !groups.IsEmpty)
        {
            var (created, refusal) = await CreateFromGroupsAsync(principal, email, ct);
            if (created is null)
            {
                await RefuseAsync(ctx, null, $"Ukendt bruger fra kommunens login ({email})", refusal!, amr, ct);
                return;
            }
            user = created;
        }
        if (user is null)
        {
            await RefuseAsync(ctx, null, $"Ukendt bruger fra kommunens login ({email})", "ingen bruger i Tilsyn med denne e-mail/UPN", amr, ct);
            return;
        }
        if (user.DeactivatedAt is not null)
        {
            await RefuseAsync(ctx, user.Id, AccessLog.NameOf(user), "brugeren er deaktiveret", amr, ct);
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

    /// <summary>A new user from the mapped groups, or the reason there is none.</summary>
    private async Task<(TilsynUser? User, string? Refusal)> CreateFromGroupsAsync(System.Security.Claims.ClaimsPrincipal principal, string email, CancellationToken ct)
    {
        GroupRole? role;
        try
        {
            role = groups.Resolve(principal.FindAll(options.GroupClaim!).Select(c => c.Value));
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }
        if (role is null) return (null, "ingen bruger i Tilsyn, og ingen af brugerens grupper giver adgang");
        int? administrationId = null;
        if (role.AdministrationCode is { } code)
        {
            var administration = await db.Administrations.AsNoTracking().Where(a => a.Code.ToUpper() == code.ToUpper()).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (administration is null) return (null, $"gruppen giver forvaltningen '{code}', som ikke findes i Tilsyn");
            administrationId = administration;
        }

        var name = principal.FindFirst(options.NameClaim)?.Value.Trim();
        var user = new TilsynUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = string.IsNullOrEmpty(name) ? email : name.Length > 200 ? name[..200] : name,
            AdministrationId = administrationId,
        };
        // No password: the user logs in through the provider only.
        var result = await users.CreateAsync(user);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role.Role);
        if (!result.Succeeded)
        {
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
