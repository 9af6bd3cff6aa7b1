namespace Tilsyn.Web.Pages.Account;

/// <summary>The second step of a login: a code from the authenticator app, or a recovery code. The rules are in <see cref="SecondStepLogin"/>.</summary>
public sealed class LoginMfaModel(SecondStepLogin secondStep) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string RecoveryCode { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await secondStep.PendingAsync(SecondStep.Code) is null ? RedirectToPage("/Account/Login") : Page();

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => CompleteAsync(Code, recoveryCode: false, ct);

    public Task<IActionResult> OnPostRecoveryAsync(CancellationToken ct) => CompleteAsync(RecoveryCode, recoveryCode: true, ct);

    private async Task<IActionResult> CompleteAsync(string code, bool recoveryCode, CancellationToken ct)
    {
        // No step in this browser (expired after 15 minutes, or never begun): start again with the password.
        if (await secondStep.PendingAsync(SecondStep.Code) is not { } user) return RedirectToPage("/Account/Login");
        if (string.IsNullOrWhiteSpace(code))
        {
            Error = recoveryCode ? "Skriv en gendannelseskode." : "Skriv koden fra appen.";
            return Page();
        }
        if (await secondStep.CompleteWithCodeAsync(user, code, recoveryCode, HttpContext.Connection.RemoteIpAddress, ct))
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = SecondStepLogin.RefusedMessage;
        return Page();
    }
}
