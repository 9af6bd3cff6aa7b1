namespace Tilsyn.Web.Pages.Account;

/// <summary>The login form; the rules (one answer to every refusal, back-off, logging) are in <see cref="LoginService"/>.</summary>
public sealed class LoginModel(LoginService login) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
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
}
