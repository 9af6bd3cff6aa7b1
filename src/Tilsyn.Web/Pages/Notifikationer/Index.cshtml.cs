using Tilsyn.Web.Notifications;

namespace Tilsyn.Web.Pages.Notifikationer;

/// <summary>
/// The user's own notifications, newest first, read or not; "Markér som læst" one or all. Every staff role
/// has its own list; another user's notification answers 404 (<see cref="NotificationQueries.Own"/>).
/// </summary>
[Authorize]
public sealed class IndexModel(TilsynDbContext db, NotificationQueries notifications, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NotificationOptions> options) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The page of the list (1 = the newest <see cref="PageSize"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "side")] public int Side { get; set; } = 1;
    public List<Notification> Rows { get; private set; } = [];
    public int Unread { get; private set; }
    public int Total { get; private set; }
    public bool HasMore => Side * PageSize < Total;
    public string DigestTime => options.Value.DigestTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Side = Math.Max(1, Side);
        var own = notifications.Own(User).AsNoTracking();
        Total = await own.CountAsync(ct);
        Unread = await own.CountAsync(n => n.ReadAt == null, ct);
        Rows = await own.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((Side - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var n = await notifications.Own(User).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound(); // none, or someone else's: the same answer
        n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Notifikationen er markeret som læst.";
        return Redirect(Side > 1 ? $"/Notifikationer?side={Side}" : "/Notifikationer");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var count = await notifications.Own(User).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        TempData["Message"] = count == 1 ? "1 notifikation er markeret som læst." : $"{count} notifikationer er markeret som læst.";
        return Redirect("/Notifikationer");
    }
}
