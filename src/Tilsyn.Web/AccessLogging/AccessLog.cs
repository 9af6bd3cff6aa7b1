using System.Security.Claims;

namespace Tilsyn.Web.AccessLogging;

/// <summary>Writes access-log lines (<see cref="AccessLogEntry"/>) for the current request's user.</summary>
public sealed class AccessLog(TilsynDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const int DetailMaxLength = 1000;

    /// <summary>Adds a line to the context; it is saved with the caller's next <c>SaveChanges</c> (or by <see cref="WriteAsync"/>).</summary>
    public void Add(AccessAction action, string? caseNumber, string detail)
    {
        var ctx = http.HttpContext;
        var user = ctx?.User;
        db.AccessLog.Add(new AccessLogEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.IsAuthenticated == true ? $"{user.DisplayName()} ({user.Identity.Name})" : "Borger (statuslink)",
            Action = action,
            CaseNumber = caseNumber,
            // The log records what was done; a long search text is shortened here, it is not user data being stored.
            Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail,
            RemoteAddress = ctx?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task WriteAsync(AccessAction action, string? caseNumber, string detail, CancellationToken ct = default)
    {
        Add(action, caseNumber, detail);
        await db.SaveChangesAsync(ct);
    }
}
