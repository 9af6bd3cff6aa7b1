using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Account;

/// <summary>
/// Logs out. The user's security stamp changes, so a copy of the session cookie stops working at its
/// next check (within a minute); this ends the user's other sessions too. A single sign-on session
/// also ends at the municipality's provider (its end-session endpoint with the id_token as hint),
/// which sends the browser back to the login page.
/// </summary>
public sealed class LogoutModel(SignInManager<TilsynUser> signIn, UserManager<TilsynUser> users, AccessLog accessLog, LoginMethods methods) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sso = methods.Sso && await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") is not null;
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await accessLog.WriteAsync(AccessAction.Logout, null, sso ? "Logget ud (også hos kommunens login)" : "Logget ud", ct);
        }
        if (sso)
        {
            // First the provider (its handler reads the id_token from the still valid cookie), then the cookie.
            await HttpContext.SignOutAsync(SingleSignOn.Scheme, new AuthenticationProperties { RedirectUri = "/Account/Login" });
            await signIn.SignOutAsync();
            return new EmptyResult();
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
