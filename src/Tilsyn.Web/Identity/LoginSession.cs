using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tilsyn.Web.Identity;

/// <summary>Settings of a login session (section <c>Identity</c>).</summary>
public sealed class LoginSessionOptions
{
    /// <summary><c>Identity:SessionHours</c>: a login lasts at most this long, however active the user is (default 10).</summary>
    public double SessionHours { get; set; } = 10;
}

/// <summary>
/// The absolute lifetime of a login session. Sliding renewal re-issues the cookie (and resets its
/// issue time), so the moment of login is kept in the ticket's own properties, which survive renewal
/// and the security stamp check; a session older than <see cref="LoginSessionOptions.SessionHours"/> is
/// rejected, as is a ticket without that moment.
/// </summary>
public static class LoginSession
{
    public const string LoggedInAtKey = "tilsyn:logged-in-at";

    /// <summary>The properties of a new session that starts <paramref name="now"/>.</summary>
    public static AuthenticationProperties Start(DateTimeOffset now) => new()
    {
        Items = { [LoggedInAtKey] = now.UtcTicks.ToString(CultureInfo.InvariantCulture) },
    };

    /// <summary>
    /// The cookie's check on every request: the absolute lifetime, then Identity's security stamp (every
    /// minute), then two-step login: a password session of a role that requires MFA must have passed the
    /// code step (<see cref="MfaService.SessionIsValid"/>).
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var hours = services.GetRequiredService<IOptions<LoginSessionOptions>>().Value.SessionHours;
        if (!ctx.Properties.Items.TryGetValue(LoggedInAtKey, out var text)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > now.UtcTicks
            || now - new DateTimeOffset(ticks, TimeSpan.Zero) >= TimeSpan.FromHours(hours))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        if (ctx.Principal is { } principal
            && !MfaService.SessionIsValid(principal, services.GetRequiredService<IOptions<MfaOptions>>().Value.Required))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
