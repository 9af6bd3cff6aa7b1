using System.Net;
using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Identity;

/// <summary>
/// Logs a user in with user name (or e-mail) and password. Every refusal looks the same from outside
/// (<see cref="RefusedMessage"/>) and costs the same: an unknown name is checked against a dummy password
/// hash, a blocked address or a deactivated user still has the password checked. The back-off is per
/// account and address (<see cref="LoginBackOff"/>, <see cref="LoginThrottle"/>). Every attempt is an
/// access-log line; the access log says why a login was refused, the user is not told.
/// A user who has enrolled in two-step login, or whose role requires it, gets no session after the
/// password, only the second step (<see cref="SecondStepLogin"/>); the back-off count stays until that is done.
/// A user linked to the municipality's identity provider logs in there only (<see cref="LocalPassword"/>): a
/// password left from before the link is refused like a wrong one.
/// </summary>
public sealed class LoginService(
    UserManager<TilsynUser> users, SignInManager<TilsynUser> signIn, SecondStepLogin secondStep, TilsynDbContext db, AccessLog accessLog, TimeProvider clock,
    LoginMethods methods)
{
    /// <summary>The one answer to every refused login: it does not say whether the name exists.</summary>
    public const string RefusedMessage = "Brugernavn eller adgangskode er forkert, eller kontoen er midlertidigt spærret.";

    /// <summary>Longer names are not looked up (nobody has one): they are answered as unknown.</summary>
    private const int MaxNameLength = 256;

    private static readonly TilsynUser DummyUser = new() { Id = "dummy", UserName = "dummy" };
    private static string? dummyHash;

    /// <summary>
    /// Logs in (sets the cookie) and returns <see cref="SecondStep.None"/>, or starts the second step and
    /// returns it, or returns null (refused) and leaves the user logged out.
    /// </summary>
    public async Task<SecondStep?> LogInAsync(string name, string password, IPAddress? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var addressKey = LoginBackOff.AddressKey(address);
        var user = name.Length > MaxNameLength ? null : name.Contains('@') ? await users.FindByEmailAsync(name) : await users.FindByNameAsync(name);
        if (user is null)
        {
            // The same work as for a known name: a throttle look-up and a full password hash check.
            await db.Set<LoginThrottle>().FindAsync([DummyUser.Id, addressKey], ct);
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(), password);
            // The typed name is not stored: it may be a password typed into the wrong field.
            await accessLog.WriteForAsync(null, "Ukendt brugernavn", AccessAction.LoginFailed, "Mislykket login: ukendt brugernavn (det indtastede gemmes ikke)", ct);
            return null;
        }

        var throttle = await db.Set<LoginThrottle>().FindAsync([user.Id, addressKey], ct);
        bool passwordOk;
        if (user.PasswordHash is null)
        {
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(), password); // the same work
            passwordOk = false;
        }
        else passwordOk = await users.CheckPasswordAsync(user, password);
        var blocked = throttle?.IsBlocked(now) == true;
        var linked = await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == SingleSignOn.Scheme, ct);
        string? refusal = blocked ? "adressen er midlertidigt spærret efter for mange forkerte forsøg"
            : !passwordOk ? "forkert adgangskode"
            : user.DeactivatedAt is not null ? "brugeren er deaktiveret"
            : !LocalPassword.Allowed(methods.LocalAccounts, methods.Sso, linked) ? "brugeren logger ind med kommunens login (ingen adgangskode i Tilsyn)"
            : null;

        if (refusal is null && await secondStep.StepAfterPasswordAsync(user) is not SecondStep.None and var step)
        {
            await secondStep.StartAsync(user, step);
            return step;
        }
        if (refusal is null)
        {
            if (throttle is not null) db.Remove(throttle);
            accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.Login, null, "Logget ind");
            await db.SaveChangesAsync(ct);
            await signIn.SignInAsync(user, LoginSession.Start(now), MfaService.PasswordMethod);
            return SecondStep.None;
        }
        if (!passwordOk)
        {
            if (throttle is null) db.Add(throttle = new LoginThrottle(user.Id, addressKey));
            throttle.Fail(now);
        }
        accessLog.AddFor(user.Id, AccessLog.NameOf(user), AccessAction.LoginFailed, null, "Mislykket login: " + refusal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (throttle is not null)
        {
            // Two failures from the same address at once both created the count: keep the other's
            // count (one failure less is counted) and still log this attempt.
            db.ChangeTracker.Clear();
            await accessLog.WriteForAsync(user.Id, AccessLog.NameOf(user), AccessAction.LoginFailed, "Mislykket login: " + refusal, ct);
        }
        return null;
    }

    private string DummyHash() => dummyHash ??= users.PasswordHasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
}
