using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Account;

/// <summary>
/// Logs out. The user's security stamp changes, so a copy of the session cookie stops working at its
/// next check (within a minute); this ends the user's other sessions too.
/// </summary>
public sealed class LogoutModel(SignInManager<TilsynUser> signIn, UserManager<TilsynUser> users, AccessLog accessLog) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await accessLog.WriteAsync(AccessAction.Logout, null, "Logget ud", ct);
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
