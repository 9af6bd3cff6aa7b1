using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Identity;

/// <summary>
/// Two-step login (<i>to-trinsbekræftelse</i>) for local accounts with Identity's authenticator
/// support (TOTP, RFC 6238) and its recovery codes. Enrolment, new recovery codes, switching off and a
/// head of office's reset are here; the code step of a login is <see cref="SecondStepLogin"/>.
/// <para>
/// A code accepted once is not accepted again while it is valid (Identity accepts a code for up to
/// two 30-second steps either side): the hashes of recently accepted codes are kept in the user's
/// tokens (<c>AspNetUserTokens</c>), and saving them uses the user's concurrency stamp, so two requests
/// with the same code at once cannot both pass.
/// </para>
/// </summary>
public sealed class MfaService(
    UserManager<TilsynUser> users, SignInManager<TilsynUser> signIn, IUserStore<TilsynUser> store, AccessLog accessLog, TimeProvider clock, IOptions<MfaOptions> options)
{
    /// <summary>The authentication method claim of a session started with a local password (<see cref="ClaimTypes.AuthenticationMethod"/>).</summary>
    public const string PasswordMethod = "pwd";

    /// <summary>The <c>amr</c> claim a session carries once the code step is passed (what Identity itself uses).</summary>
    public const string AmrClaim = "amr";
    public const string AmrMfa = "mfa";

    public const int RecoveryCodeCount = 10;

    private const string TokenProvider = "[Tilsyn]";
    private const string UsedCodesToken = "UsedAuthenticatorCodes";
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(3);

    public bool RequiredByInstallation => options.Value.Required;

    public async Task<bool> IsRequiredForAsync(TilsynUser user) =>
        MfaRequirement.IsRequired(options.Value.Required, await users.GetRolesAsync(user));

    /// <summary>
    /// The key and QR code to enrol with. The key is made the first time and kept until enrolment (so
    /// a reload shows the same QR code); making it does not change the security stamp, so opening the
    /// page does not end the user's other sessions.
    /// </summary>
    public async Task<AuthenticatorEnrolment> EnrolmentAsync(TilsynUser user, CancellationToken ct = default)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<TilsynUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
            Check(await users.UpdateAsync(user)); // fails on the concurrency stamp if another request made a key at the same time
        }
        return AuthenticatorEnrolment.For(user.UserName ?? user.Id, key);
    }

    /// <summary>
    /// Enrols the user when <paramref name="code"/> is the app's current code: two-step login is on and
    /// the recovery codes (shown once) are returned; null when the code is wrong or already used.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ConfirmEnrolmentAsync(TilsynUser user, string code, CancellationToken ct)
    {
        if (await users.GetTwoFactorEnabledAsync(user)) throw new DomainException("To-trinsbekræftelse er allerede slået til.");
        if (!await VerifyAuthenticatorCodeAsync(user, code)) return null;
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.MfaEnrolled, $"To-trinsbekræftelse slået til: {AccessLog.NameOf(user)}", ct);
        return codes;
    }

    /// <summary>New recovery codes (shown once); the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(TilsynUser user, CancellationToken ct)
    {
        if (!await users.GetTwoFactorEnabledAsync(user)) throw new DomainException("To-trinsbekræftelse er ikke slået til.");
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.MfaCodesRenewed, $"Nye gendannelseskoder: {AccessLog.NameOf(user)}", ct);
        return codes;
    }

    /// <summary>Switches two-step login off for a user whose role does not require it, on a current code from the app.</summary>
    public async Task<bool> SwitchOffAsync(TilsynUser user, string code, CancellationToken ct)
    {
        MfaRequirement.EnsureMaySwitchOff(options.Value.Required, await users.GetRolesAsync(user));
        if (!await users.GetTwoFactorEnabledAsync(user)) throw new DomainException("To-trinsbekræftelse er ikke slået til.");
        if (!await VerifyAuthenticatorCodeAsync(user, code)) return false;
        await ClearAsync(user);
        await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.MfaSwitchedOff, $"To-trinsbekræftelse slået fra: {AccessLog.NameOf(user)}", ct);
        return true;
    }

    /// <summary>
    /// A head of office resets another user's two-step login (a lost phone): the key and recovery
    /// codes are replaced, the user's sessions end (new security stamp), and the user enrols again at
    /// the next login (if the role requires it) with a new key.
    /// </summary>
    public async Task ResetAsync(TilsynUser user, CancellationToken ct)
    {
        await ClearAsync(user);
        accessLog.Add(AccessAction.MfaReset, null, $"To-trinsbekræftelse nulstillet: {AccessLog.NameOf(user)}");
        Check(await users.UpdateSecurityStampAsync(user)); // saves the log line too
    }

    private async Task ClearAsync(TilsynUser user)
    {
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user)); // the old app's codes stop working
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0); // no recovery codes left
        Check(await users.RemoveAuthenticationTokenAsync(user, TokenProvider, UsedCodesToken));
    }

    /// <summary>
    /// Whether <paramref name="code"/> is a current code of the user's app that has not been accepted
    /// before; an accepted code is recorded (see the class comment).
    /// </summary>
    public async Task<bool> VerifyAuthenticatorCodeAsync(TilsynUser user, string code)
    {
        var digits = new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return false;
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)) return false;

        var now = clock.GetUtcNow();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + ":" + digits)));
        var recent = ParseUsed(await users.GetAuthenticationTokenAsync(user, TokenProvider, UsedCodesToken))
            .Where(u => now - u.At < ReplayWindow && u.At <= now).ToList();
        if (recent.Any(u => u.Hash == hash)) return false;
        recent.Add((now, hash));
        var value = string.Join(';', recent.Select(u => u.At.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + u.Hash));
        // Fails on the concurrency stamp when another request changed the user meanwhile (the same code at once).
        return (await users.SetAuthenticationTokenAsync(user, TokenProvider, UsedCodesToken, value)).Succeeded;
    }

    private static IEnumerable<(DateTimeOffset At, string Hash)> ParseUsed(string? value)
    {
        foreach (var entry in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                yield return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        }
    }

    /// <summary>Re-issues the user's own cookie after a change of the security stamp (keeps the session's start and claims).</summary>
    public Task RefreshSessionAsync(TilsynUser user) => signIn.RefreshSignInAsync(user);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException("Brugeren kunne ikke gemmes. Prøv igen.");
    }

    /// <summary>
    /// The cookie check's part (<see cref="LoginSession.ValidateAsync"/>): a session started with a
    /// local password by a user whose role requires MFA must have passed the code step. This catches
    /// sessions from before the requirement and a role change to a role that requires it.
    /// </summary>
    public static bool SessionIsValid(ClaimsPrincipal principal, bool requiredSetting) =>
        principal.FindFirstValue(ClaimTypes.AuthenticationMethod) != PasswordMethod
        || MfaRequirement.PasswordSessionIsValid(requiredSetting, principal.RoleNames(), principal.HasClaim(AmrClaim, AmrMfa));

    /// <summary>Keeps how the session was started when the security stamp check rebuilds the claims (it would drop them).</summary>
    public static Task KeepAuthenticationClaims(SecurityStampRefreshingPrincipalContext ctx)
    {
        if (ctx.NewPrincipal?.Identity is ClaimsIdentity identity && ctx.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(c => c.Type is ClaimTypes.AuthenticationMethod or AmrClaim))
                if (!identity.HasClaim(claim.Type, claim.Value)) identity.AddClaim(new Claim(claim.Type, claim.Value));
        }
        return Task.CompletedTask;
    }

    /// <summary>Signs the user in fully after the code step: the session records that a code was given.</summary>
    internal async Task SignInWithCodeAsync(TilsynUser user, DateTimeOffset now)
    {
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, LoginSession.Start(now),
            [new Claim(ClaimTypes.AuthenticationMethod, PasswordMethod), new Claim(AmrClaim, AmrMfa)]);
    }
}
