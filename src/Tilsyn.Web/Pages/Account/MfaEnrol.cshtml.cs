namespace Tilsyn.Web.Pages.Account;

/// <summary>
/// Enrolment during login, for a user whose role requires two-step login and who has not enrolled:
/// after the password this is the only page that works (there is no session until it is done).
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // the key and the recovery codes stay out of every cache
public sealed class MfaEnrolModel(SecondStepLogin secondStep, MfaService mfa) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public AuthenticatorEnrolment? Enrolment { get; private set; }
    /// <summary>Set once, right after enrolment: shown on this response only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await secondStep.PendingAsync(SecondStep.Enrol) is not { } user) return RedirectToPage("/Account/Login");
        Enrolment = await mfa.EnrolmentAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await secondStep.PendingAsync(SecondStep.Enrol) is not { } user) return RedirectToPage("/Account/Login");
        if (!string.IsNullOrWhiteSpace(Code)
            && await secondStep.CompleteWithEnrolmentAsync(user, Code, HttpContext.Connection.RemoteIpAddress, ct) is { } codes)
        {
            RecoveryCodes = codes;
            return Page();
        }
        Error = string.IsNullOrWhiteSpace(Code) ? "Skriv koden fra appen." : SecondStepLogin.RefusedMessage;
        Enrolment = await mfa.EnrolmentAsync(user);
        return Page();
    }
}
