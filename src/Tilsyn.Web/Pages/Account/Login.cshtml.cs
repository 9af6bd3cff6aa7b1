using Microsoft.AspNetCore.Identity;

namespace Tilsyn.Web.Pages.Account;

public sealed class LoginModel(SignInManager<TilsynUser> signIn, UserManager<TilsynUser> users, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = UserName.Trim();
        if (name.Length == 0 || Password.Length == 0)
        {
            Error = "Udfyld både brugernavn og adgangskode.";
            return Page();
        }
        var user = name.Contains('@') ? await users.FindByEmailAsync(name) : await users.FindByNameAsync(name);
        if (user is null)
        {
            Error = "Forkert brugernavn eller adgangskode.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {User} logged in", user.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("User {User} is locked out", user.UserName);
            Error = "Kontoen er låst efter for mange forkerte forsøg. Prøv igen om 15 minutter, eller kontakt kontorchefen.";
            return Page();
        }
        Error = "Forkert brugernavn eller adgangskode.";
        return Page();
    }
}
