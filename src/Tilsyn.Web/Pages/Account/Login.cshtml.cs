using Microsoft.AspNetCore.Authentication;

namespace Tilsyn.Web.Pages.Account;

/// <summary>
/// The login form; the rules (one answer to every refusal, back-off, logging) are in <see cref="LoginService"/>.
/// With single sign-on a button starts the municipality's login (<see cref="SingleSignOn"/>); with local
/// accounts switched off the form is gone and a posted password is refused.
/// </summary>
public sealed class LoginModel(LoginService login, LoginMethods methods) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary><c>?sso=fejl</c>: the municipality's login did not finish (cancelled, expired).</summary>
    [BindProperty(SupportsGet = true)] public string? Sso { get; set; }
    public string? Error { get; private set; }
    public LoginMethods Methods => methods;

    public void OnGet()
    {
        if (Sso == "fejl") Error = "Login med kommunens konto blev ikke gennemført. Prøv igen.";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!methods.LocalAccounts) return StatusCode(StatusCodes.Status403Forbidden);
        var name = UserName.Trim();
        if (name.Length == 0 || Password.Length == 0)
        {
            Error = "Udfyld både brugernavn og adgangskode.";
            return Page();
        }
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        switch (await login.LogInAsync(name, Password, HttpContext.Connection.RemoteIpAddress, ct))
        {
            case SecondStep.None: return LocalRedirect(returnUrl);
            case SecondStep.Code: return RedirectToPage("/Account/LoginMfa", new { ReturnUrl = returnUrl });
            case SecondStep.Enrol: return RedirectToPage("/Account/MfaEnrol", new { ReturnUrl = returnUrl });
            default:
                Error = LoginService.RefusedMessage;
                return Page();
        }
    }

    /// <summary>Starts the municipality's login (a POST with the antiforgery token, so no other site can start it).</summary>
    public IActionResult OnPostSso()
    {
        if (!methods.Sso) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, SingleSignOn.Scheme);
    }
}
