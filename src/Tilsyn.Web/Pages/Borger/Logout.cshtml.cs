using Microsoft.AspNetCore.Authentication;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Pages.Borger;

/// <summary>
/// <c>/borger/logout</c>: ends the citizen's session here and at the identity broker (its end-session
/// with the id_token as hint), which sends the browser back to this page, now saying "logged out".
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(CitizenOidcOptions options) : PageModel
{
    public bool SignedIn { get; private set; }

    public async Task OnGetAsync() =>
        SignedIn = (await HttpContext.AuthenticateAsync(CitizenAuth.Scheme)).Succeeded;

    public async Task<IActionResult> OnPostAsync()
    {
        var session = await HttpContext.AuthenticateAsync(CitizenAuth.Scheme);
        if (options.Enabled && session.Properties?.GetTokenValue("id_token") is not null)
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
