using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Identity;

/// <summary>What a login needs after a correct password.</summary>
public enum SecondStep
{
    /// <summary>Nothing: the user is logged in.</summary>
    None,
    /// <summary>A code from the authenticator app or a recovery code (<c>/Account/LoginMfa</c>).</summary>
    Code,
    /// <summary>The role requires MFA and the user has not enrolled: enrol first (<c>/Account/MfaEnrol</c>).</summary>
    Enrol,
}

/// <summary>
/// The second step of a password login. After a correct password a user who must give a code (or
/// enrol) gets no session, only Identity's short-lived two-factor cookie naming the user and the
/// step (<see cref="IdentityConstants.TwoFactorUserIdScheme"/>, 15 minutes, not renewed). Every staff
/// page requires the real session, so nothing else opens until the step is done. Refusals follow
/// <see cref="LoginService"/>: one answer (<see cref="RefusedMessage"/>), wrong codes count in the same
/// back-off per account and address (<see cref="LoginThrottle"/>), every attempt is an access-log line.
/// </summary>
public sealed class SecondStepLogin(
    UserManager<TilsynUser> users, SignInManager<TilsynUser> signIn, MfaService mfa, TilsynDbContext db, AccessLog accessLog, TimeProvider clock)
{
    /// <summary>The one answer to every refused code: wrong, already used, or the address is blocked.</summary>
    public const string RefusedMessage = "Koden er forkert eller allerede brugt, eller kontoen er midlertidigt spærret.";

    private const string StepClaim = "tilsyn:second-step";

    /// <summary>How long the step may take (installing an app included); not renewed by activity.</summary>
    public static readonly TimeSpan StepLifetime = TimeSpan.FromMinutes(15);

    /// <summary>What the user must do after a correct password.</summary>
    public async Task<SecondStep> StepAfterPasswordAsync(TilsynUser user) =>
        await users.GetTwoFactorEnabledAsync(user) ? SecondStep.Code
        : await mfa.IsRequiredForAsync(user) ? SecondStep.Enrol
        : SecondStep.None;

    /// <summary>Starts the step: the two-factor cookie, no session.</summary>
    public Task StartAsync(TilsynUser user, SecondStep step)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(StepClaim, step.ToString()));
        return signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The user waiting for <paramref name="step"/> in this browser, or null (no step, expired, another step).</summary>
    public async Task<TilsynUser?> PendingAsync(SecondStep step)
    {
        var result = await signIn.Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!result.Succeeded || result.Principal.FindFirstValue(StepClaim) != step.ToString()) return null;
        return result.Principal.FindFirstValue(ClaimTypes.Name) is { } id ? await users.FindByIdAsync(id) : null;
    }

    /// <summary>Logs in with a code from the app, or with a recovery code (each works once). False: refused, the user stays logged out.</summary>
    public async Task<bool> CompleteWithCodeAsync(TilsynUser user, string code, bool recoveryCode, IPAddress? address, CancellationToken ct)
    {
        var (throttle, refusal) = await CheckAsync(user, address, ct);
        if (refusal is null)
        {
            if (recoveryCode)
            {
                var typed = code.Trim();
                refusal = typed.Length is > 0 and <= 64 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded ? null : "forkert gendannelseskode";
            }
            else refusal = await mfa.VerifyAuthenticatorCodeAsync(user, code) ? null : "forkert kode";
        }
        if (refusal is not null) return await RefuseAsync(user, throttle, address, refusal, ct);

        if (recoveryCode)
            accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.MfaRecoveryCodeUsed, null,
                $"Gendannelseskode brugt ved login; {await users.CountRecoveryCodesAsync(user)} tilbage");
        await SignInAsync(user, throttle, recoveryCode ? "Logget ind med gendannelseskode" : "Logget ind med to-trinsbekræftelse", ct);
        return true;
    }

    /// <summary>
    /// Enrols the user (the first code from the app) and logs in: the recovery codes to show once, or
    /// null when refused.
    /// </summary>
    public async Task<IReadOnlyList<string>?> CompleteWithEnrolmentAsync(TilsynUser user, string code, IPAddress? address, CancellationToken ct)
    {
        var (throttle, refusal) = await CheckAsync(user, address, ct);
        IReadOnlyList<string>? codes = null;
        if (refusal is null && await users.GetTwoFactorEnabledAsync(user)) refusal = "allerede tilmeldt (log ind igen)";
        if (refusal is null)
        {
            codes = await mfa.ConfirmEnrolmentAsync(user, code, ct);
            if (codes is null) refusal = "forkert kode ved tilmelding";
        }
        if (refusal is not null)
        {
            await RefuseAsync(user, throttle, address, refusal, ct);
            return null;
        }
        await SignInAsync(user, throttle, "Logget ind med to-trinsbekræftelse (tilmeldt ved login)", ct);
        return codes;
    }

    private async Task<(LoginThrottle? Throttle, string? Refusal)> CheckAsync(TilsynUser user, IPAddress? address, CancellationToken ct)
    {
        var throttle = await db.Set<LoginThrottle>().FindAsync([user.Id, LoginBackOff.AddressKey(address)], ct);
        var refusal = throttle?.IsBlocked(clock.GetUtcNow()) == true ? "adressen er midlertidigt spærret efter for mange forkerte forsøg"
            : user.DeactivatedAt is not null ? "brugeren er deaktiveret"
            : null;
        return (throttle, refusal);
    }

    private async Task SignInAsync(TilsynUser user, LoginThrottle? throttle, string detail, CancellationToken ct)
    {
        if (throttle is not null) db.Remove(throttle);
        accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.Login, null, detail);
        await db.SaveChangesAsync(ct);
        await mfa.SignInWithCodeAsync(user, clock.GetUtcNow());
    }

    private async Task<bool> RefuseAsync(TilsynUser user, LoginThrottle? throttle, IPAddress? address, string refusal, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = refusal.StartsWith("forkert", StringComparison.Ordinal);
        if (counts)
        {
            if (throttle is null) db.Add(throttle = new LoginThrottle(user.Id, LoginBackOff.AddressKey(address)));
            throttle.Fail(now);
        }
        accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.LoginFailed, null, "Mislykket login (kode): " + refusal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (counts)
        {
            // Two wrong codes from the same address at once both created the count (see LoginService).
            db.ChangeTracker.Clear();
            await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.LoginFailed, "Mislykket login (kode): " + refusal, ct);
        }
        return false;
    }
}
