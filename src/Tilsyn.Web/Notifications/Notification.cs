using Tilsyn.Notifications;

namespace Tilsyn.Web.Notifications;

/// <summary>Whether a notification was e-mailed (<see cref="Notification.MailState"/>).</summary>
public enum NotificationMailState
{
    /// <summary>Waits for the recipient's daily digest.</summary>
    Waiting = 1,
    /// <summary>Put in the outbox (on its own or in a digest).</summary>
    Mailed = 2,
    /// <summary>Not to be mailed: the recipient chose "fra", has no e-mail address or is deactivated. Shown in the list only.</summary>
    NotMailed = 3,
}

/// <summary>
/// One notification (<i>notifikation</i>) for one staff user: shown in the user's list at
/// <c>/Notifikationer</c> and, by the user's choice, e-mailed at once, in the daily digest, or not.
/// Title and text name case numbers, administrations and units, never a citizen: they are e-mailed.
/// <see cref="Key"/> (<see cref="NotificationKey.For"/>) is unique, so the same event never makes a
/// second notification for the same person.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 250;
    public const int TextMaxLength = 2000;
    public const int LinkMaxLength = 300;
    public const int SubjectMaxLength = 100;

    public long Id { get; init; }

    /// <summary>SHA-256 hex of kind, subject, occasion and recipient (<see cref="NotificationKey.For"/>); unique.</summary>
    public string Key { get; init; } = "";
    public string RecipientId { get; init; } = "";
    public NotificationKind Kind { get; init; }

    /// <summary>What it is about, without personal data (e.g. <c>recommendation:42</c>): with <see cref="Occasion"/> the planner's identity of the notice.</summary>
    public string Subject { get; init; } = "";
    public string Occasion { get; init; } = "";

    /// <summary>The administration it concerns, if any (for the list and for deleting with the administration's data).</summary>
    public int? AdministrationId { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";

    /// <summary>A path inside Tilsyn (<c>/Recommendations/Details?id=42</c>); never an external address.</summary>
    public string Link { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
    public NotificationMailState MailState { get; set; } = NotificationMailState.Waiting;
    public DateTimeOffset? MailedAt { get; set; }

    public PendingNotification AsPending() => new(Kind, Subject, Occasion, RecipientId, CreatedAt);

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkMailed(DateTimeOffset at)
    {
        MailState = NotificationMailState.Mailed;
        MailedAt = at;
    }

    public void MarkNotMailed() => MailState = NotificationMailState.NotMailed;
}
