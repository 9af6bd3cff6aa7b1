using Microsoft.AspNetCore.Authentication;
using Tilsyn.Citizens;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Pages.Borger;

/// <summary>
/// <c>/borger/logout</c>: ends the citizen's session here and at the identity broker (its end-session
/// with the id_token as hint), which sends the browser back to this page, now saying "logged out".
/// The sign-out is an access-log line under "Borger" and the masked CPR number.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(CitizenOidcOptions options, AccessLog accessLog) : PageModel
{
    public bool SignedIn { get; private set; }

    public async Task OnGetAsync() =>
        SignedIn = (await HttpContext.AuthenticateAsync(CitizenAuth.Scheme)).Succeeded;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var session = await HttpContext.AuthenticateAsync(CitizenAuth.Scheme);
        var atBroker = options.Enabled && session.Properties?.GetTokenValue("id_token") is not null;
        if (CitizenCpr.AccessLogName(session.Principal?.Cpr()) is { } who)
            await accessLog.WriteForAsync(null, who, AccessAction.CitizenLogout, atBroker ? "Logget ud af Mine sager (også hos MitID)" : "Logget ud af Mine sager", ct);
        if (atBroker)
        {
            // First the broker (its handler reads the id_token from the cookie), then the cookie.
            await HttpContext.SignOutAsync(CitizenAuth.OidcScheme, new AuthenticationProperties { RedirectUri = CitizenAuth.LogoutPath });
            await HttpContext.SignOutAsync(CitizenAuth.Scheme);
            return new EmptyResult();
        }
        await HttpContext.SignOutAsync(CitizenAuth.Scheme);
        return Redirect(CitizenAuth.LogoutPath);
    }
}
