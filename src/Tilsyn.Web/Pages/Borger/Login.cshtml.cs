using Microsoft.AspNetCore.Authentication;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Pages.Borger;

/// <summary>
/// <c>/borger/login</c>: the citizen's login with MitID through the identity broker (<see cref="CitizenLogin"/>).
/// Opening it starts the login; afterwards the citizen lands on <c>returnUrl</c> (local addresses only)
/// or "Mine sager". A refused login (<c>?fejl=cpr|login</c>) is explained here, without personal data.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(CitizenOidcOptions options) : PageModel
{
    public const string Landing = "/borger/sager";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fejl { get; set; }
    public string? Message { get; private set; }
    public bool Enabled => options.Enabled;

    public async Task<IActionResult> OnGetAsync()
    {
        var target = CitizenLogin.IsLocal(ReturnUrl) ? ReturnUrl! : Landing;
        if (Fejl is not null)
        {
            Message = Fejl == CitizenLogin.RefusedCpr
                ? "Vi fik ikke et gyldigt CPR-nummer fra MitID, så du kan ikke se dine sager her. Du kan stadig følge din sag med linket i din kvittering."
                : "Login med MitID blev ikke gennemført. Prøv igen.";
            return Page();
        }
        if (!options.Enabled)
        {
            Message = "Login for borgere er ikke slået til. Du kan følge din sag med linket i din kvittering.";
            return Page();
        }
        if ((await HttpContext.AuthenticateAsync(CitizenAuth.Scheme)).Principal?.Cpr() is not null)
            return LocalRedirect(target);
        return Challenge(new AuthenticationProperties { RedirectUri = target }, CitizenAuth.OidcScheme);
    }
}
