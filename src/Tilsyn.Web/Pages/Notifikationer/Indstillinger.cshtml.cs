using Tilsyn.Notifications;
using Tilsyn.Web.Notifications;

namespace Tilsyn.Web.Pages.Notifikationer;

/// <summary>
/// The user's own choice per kind of notification (<see cref="NotificationKinds.For"/>: the kinds the user's roles
/// receive): "Straks", "Daglig oversigt" or "Fra". The list shows every notification whatever the choice.
/// </summary>
[Authorize]
public sealed class IndstillingerModel(TilsynDbContext db, Microsoft.Extensions.Options.IOptions<NotificationOptions> options) : PageModel, IDomainErrorPage
{
    /// <summary>The chosen delivery per kind, as posted (<c>Choices[RecommendationCreated]=DailyDigest</c>).</summary>
    [BindProperty] public Dictionary<NotificationKind, DeliveryChoice> Choices { get; set; } = [];
    public IReadOnlyList<NotificationKind> Kinds { get; private set; } = [];
    public NotificationPreferences Current { get; private set; } = new();
    public string? Error { get; set; }
    public string DigestTime => options.Value.DigestTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = NotificationQueries.UserId(User) ?? throw new DomainException("Du er ikke logget ind.");
        var kinds = NotificationKinds.For(User.RoleNames());
        if (!ModelState.IsValid) throw new DomainException("Vælg straks, daglig oversigt eller fra for hver type notifikation.");
        if (Choices.Keys.Where(k => !kinds.Contains(k)).ToList() is [var unknown, ..])
            throw new DomainException($"Du modtager ikke notifikationer af typen \"{NotificationKinds.Name(unknown)}\".");
        var preferences = new NotificationPreferences();
        foreach (var kind in kinds)
        {
            if (!Choices.TryGetValue(kind, out var choice)) throw new DomainException($"Vælg en leveringsform for \"{NotificationKinds.Name(kind)}\".");
            preferences.Set(kind, choice); // refuses an unknown choice
        }
        var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var kind in kinds)
        {
            var row = stored.FirstOrDefault(p => p.Kind == kind);
            if (row is null) db.Add(new NotificationPreference { UserId = userId, Kind = kind, Choice = preferences.For(kind) });
            else row.Choice = preferences.For(kind);
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Dine valg er gemt.";
        return Redirect("/Notifikationer/Indstillinger");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = NotificationQueries.UserId(User);
        Kinds = NotificationKinds.For(User.RoleNames());
        Current = new NotificationPreferences(await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new KeyValuePair<NotificationKind, DeliveryChoice>(p.Kind, p.Choice)).ToListAsync(ct));
    }
}
