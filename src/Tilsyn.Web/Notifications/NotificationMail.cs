namespace Tilsyn.Web.Notifications;

/// <summary>
/// The record that a notification's mail (or a day's digest) was put in the outbox, written in the same
/// transaction as the <see cref="Tilsyn.Web.Mail.OutgoingMail"/>. Its <see cref="Key"/>
/// (<see cref="Tilsyn.Notifications.NotificationKey"/>: a notice's key or a digest's) is the primary key:
/// a second instance that tries to mail the same key fails on it and rolls its mail back, so nothing is mailed twice.
/// </summary>
public sealed class NotificationMail
{
    public string Key { get; init; } = "";
    public string RecipientId { get; init; } = "";

    /// <summary>The Copenhagen date of the digest; null for a single notice's mail.</summary>
    public DateOnly? DigestDay { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
}
