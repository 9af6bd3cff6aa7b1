using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tilsyn.Web.Pages.Account;

/// <summary>
/// The signed-in user's own two-step login: enrol, new recovery codes (shown once), and, for a role
/// that does not require it, switch off (with a current code). The rules are in <see cref="MfaService"/>.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // the key and the recovery codes stay out of every cache
public sealed class MfaModel(UserManager<TilsynUser> users, MfaService mfa, IOptions<MfaOptions> options) : PageModel, IDomainErrorPage
{
    [BindProperty] public string Code { get; set; } = "";
    public string? Error { get; set; }
    public string? Message { get; private set; }
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public AuthenticatorEnrolment? Enrolment { get; private set; }
    /// <summary>Set once, right after they were made: shown on this response only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        RecoveryCodes = await mfa.ConfirmEnrolmentAsync(user, Code, ct);
        if (RecoveryCodes is null) Error = "Koden er forkert eller allerede brugt. Prøv med den kode, appen viser nu.";
        else
        {
            await mfa.RefreshSessionAsync(user); // enrolling changed the security stamp: keep this session
            Message = "To-trinsbekræftelse er slået til. Næste gang du logger ind, skal du bruge koden fra appen.";
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        RecoveryCodes = await mfa.RenewRecoveryCodesAsync(user, ct);
        Message = "Du har fået nye gendannelseskoder. De gamle virker ikke længere.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSwitchOffAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await mfa.SwitchOffAsync(user, Code, ct))
        {
            await mfa.RefreshSessionAsync(user);
            Message = "To-trinsbekræftelse er slået fra.";
        }
        else Error = "Koden er forkert eller allerede brugt. Prøv med den kode, appen viser nu.";
        await LoadAsync();
        return Page();
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync();

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return false;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = MfaRequirement.IsRequired(options.Value.Required, await users.GetRolesAsync(user));
        if (Enabled) RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        else Enrolment = await mfa.EnrolmentAsync(user);
        return true;
    }
}
