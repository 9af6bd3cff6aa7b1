using Microsoft.AspNetCore.Identity;

namespace Tilsyn.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<TilsynUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
