using System.Security.Claims;

namespace Tilsyn.Web.AccessLogging;

/// <summary>Writes access-log lines (<see cref="AccessLogEntry"/>) for the current request's user.</summary>
public sealed class AccessLog(TilsynDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const int DetailMaxLength = 1000;
    public const int UserNameMaxLength = 200;

    /// <summary>Adds a line to the context; it is saved with the caller's next <c>SaveChanges</c> (or by <see cref="WriteAsync"/>).</summary>
    public void Add(AccessAction action, string? caseNumber, string detail)
    {
        var user = http.HttpContext?.User;
        if (user is not null && Integration.IntegrationClaims.ActorName(user) is { } client)
        {
            // A machine client of the integration API: logged by its registered name.
            AddFor(null, client, action, caseNumber, detail);
            return;
        }
        if (user is not null && Citizens.CitizenAuth.Cpr(user) is not null)
        {
            // A citizen's own session ("Mine sager"): never their name or CPR number in the log.
            AddFor(null, Citizens.CitizenCases.AccessLogName, action, caseNumber, detail);
            return;
        }
        var signedIn = user?.Identity?.IsAuthenticated == true;
        AddFor(signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            signedIn ? $"{user!.DisplayName()} ({user!.Identity!.Name})" : "Borger (statuslink)",
            action, caseNumber, detail);
    }

    /// <summary>Adds a line about a named user who is not (yet) the request's user: a login attempt.</summary>
    public void AddFor(string? userId, string userName, AccessAction action, string? caseNumber, string detail)
    {
        db.AccessLog.Add(new AccessLogEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = userName.Length > UserNameMaxLength ? userName[..UserNameMaxLength] : userName,
            Action = action,
            CaseNumber = caseNumber,
            // The log records what was done; a long search text is shortened here, it is not user data being stored.
            Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail,
            RemoteAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>
    /// Logs a refused attempt to open data outside the user's need-to-know (answered "not found", so the
    /// existence of the data is not confirmed to the user, but the attempt is on record).
    /// <paramref name="what"/> names the data without personal data, e.g. "henstilling 12".
    /// </summary>
    public Task RefusedAsync(string what, string? caseNumber = null, CancellationToken ct = default) =>
        WriteAsync(AccessAction.Refused, caseNumber, $"Adgang nægtet: {what} ligger uden for brugerens adgang", ct);

    public async Task WriteAsync(AccessAction action, string? caseNumber, string detail, CancellationToken ct = default)
    {
        Add(action, caseNumber, detail);
        await db.SaveChangesAsync(ct);
    }

    public async Task WriteForAsync(string? userId, string userName, AccessAction action, string detail, CancellationToken ct = default)
    {
        AddFor(userId, userName, action, null, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The name a user is logged under: "Full Name (login)".</summary>
    public static string NameOf(TilsynUser user) => $"{user.FullName} ({user.UserName})";
}
