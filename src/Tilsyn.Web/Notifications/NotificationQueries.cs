using System.Security.Claims;

namespace Tilsyn.Web.Notifications;

/// <summary>The signed-in user's own notifications: nobody reaches another's (their ids answer 404).</summary>
public sealed class NotificationQueries(TilsynDbContext db, ILogger<NotificationQueries> log)
{
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The user's notifications, newest first.</summary>
    public IQueryable<Notification> Own(ClaimsPrincipal user)
    {
        var id = UserId(user);
        return db.Set<Notification>().Where(n => id != null && n.RecipientId == id);
    }

    /// <summary>How many the user has not read: the number beside "Notifikationer" in the navigation.</summary>
    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        UserId(user) is null ? Task.FromResult(0) : Own(user).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>
    /// <see cref="UnreadCountAsync"/> for the navigation: 0 when the database cannot answer, so the layout still renders
    /// (e.g. the error page during a database outage).
    /// </summary>
    public async Task<int> UnreadCountOrZeroAsync(ClaimsPrincipal user)
    {
        try { return await UnreadCountAsync(user); }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            log.LogWarning("Unread notifications could not be counted ({Error})", ex.GetType().Name);
            return 0;
        }
    }
}
