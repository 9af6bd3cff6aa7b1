using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tilsyn.Calendar;

namespace Tilsyn.Notifications;

/// <summary>
/// A user's choices per kind (<i>indstillinger for underretninger</i>). A kind the user has not chosen
/// for gets <see cref="Default"/>: immediately, so nobody misses a notification by never opening the page.
/// </summary>
public sealed class NotificationPreferences
{
    public const DeliveryChoice Default = DeliveryChoice.Immediately;

    private readonly Dictionary<NotificationKind, DeliveryChoice> choices = [];

    public NotificationPreferences() { }

    public NotificationPreferences(IEnumerable<KeyValuePair<NotificationKind, DeliveryChoice>> chosen)
    {
        foreach (var (kind, choice) in chosen) Set(kind, choice);
    }

    public DeliveryChoice For(NotificationKind kind) => choices.GetValueOrDefault(kind, Default);

    public void Set(NotificationKind kind, DeliveryChoice choice)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(choice)) throw new DomainException("Ukendt type underretning eller leveringsform.");
        choices[kind] = choice;
    }
}

/// <summary>
/// One notification for one recipient, waiting to be e-mailed.
/// </summary>
/// <param name="Subject">What it is about, stable and without personal data: e.g. <c>recommendation:42</c>, <c>unit:17</c>, <c>case:2025-0012345</c>.</param>
/// <param name="Occasion">What makes this notice distinct from others about the same subject: e.g. the due date that passed, the quarter flagged, the statement's id; empty when the event happens once.</param>
/// <param name="RecipientId">The user's id.</param>
public sealed record PendingNotification(NotificationKind Kind, string Subject, string Occasion, string RecipientId, DateTimeOffset CreatedAt)
{
    /// <summary>The "never mailed twice" key: see <see cref="NotificationKey.For"/>.</summary>
    public string Key => NotificationKey.For(Kind, Subject, Occasion, RecipientId);
}

/// <summary>
/// The deterministic deduplication keys: the outbox stores the key with each e-mail under a unique
/// index, so the same notice (or the same day's digest) is never mailed to the same person twice,
/// however often the event is raised or the job runs.
/// </summary>
public static class NotificationKey
{
    /// <summary>
    /// SHA-256 (hex, 64 characters) of kind, subject, occasion and recipient, each length-prefixed so
    /// no two different tuples share a key. Fixed length for a unique index; no personal data readable from it.
    /// </summary>
    public static string For(NotificationKind kind, string subject, string occasion, string recipientId) =>
        Hash("n", ((int)kind).ToString(CultureInfo.InvariantCulture), subject, occasion, recipientId);

    /// <summary>The key of a recipient's daily digest for a Copenhagen date: at most one digest a day.</summary>
    public static string ForDigest(string recipientId, DateOnly day) =>
        Hash("d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), recipientId);

    private static string Hash(params string[] parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts) sb.Append(p.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(p).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}

/// <summary>What to do with a recipient's pending notifications at a moment.</summary>
/// <param name="SendNow">Mail each of these now, one e-mail each (keyed by <see cref="PendingNotification.Key"/>).</param>
/// <param name="Digest">Mail these now as one digest keyed by <paramref name="DigestKey"/>; empty when no digest is due.</param>
/// <param name="DigestKey">The digest's key (<see cref="NotificationKey.ForDigest"/>); null when no digest is due now.</param>
/// <param name="Waiting">Digest notices to keep for the next digest.</param>
/// <param name="NotMailed">Notices of a kind the user turned off, and notices already mailed: mark them done without e-mail.</param>
public sealed record NotificationPlan(
    IReadOnlyList<PendingNotification> SendNow,
    IReadOnlyList<PendingNotification> Digest,
    string? DigestKey,
    IReadOnlyList<PendingNotification> Waiting,
    IReadOnlyList<PendingNotification> NotMailed);

/// <summary>
/// Decides, for one recipient and a moment, what to mail now and what waits for the daily digest.
/// Pure: the caller loads the pending notices, the user's preferences and the keys already in the
/// outbox, and saves the outcome. The digest goes out once a day at <see cref="DigestSchedule.Time"/>,
/// Copenhagen time (07:00 in winter and in summer alike): it is due when that time today has passed and
/// today's digest key is not yet in the outbox. It holds every digest notice raised before that moment;
/// later ones wait for the next day's.
/// </summary>
public static class NotificationPlanner
{
    public static NotificationPlan Plan(
        string recipientId,
        IEnumerable<PendingNotification> pending,
        NotificationPreferences preferences,
        DateTimeOffset now,
        DigestSchedule schedule,
        IReadOnlySet<string> alreadyMailedKeys)
    {
        var sendNow = new List<PendingNotification>();
        var digest = new List<PendingNotification>();
        var notMailed = new List<PendingNotification>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var n in pending.OrderBy(n => n.CreatedAt))
        {
            if (n.RecipientId != recipientId) throw new ArgumentException("A plan is for one recipient.", nameof(pending));
            // The same notice raised twice, or already mailed (e.g. by an earlier run that crashed before marking it), is not mailed again.
            if (!seen.Add(n.Key) || alreadyMailedKeys.Contains(n.Key))
            {
                notMailed.Add(n);
                continue;
            }
            switch (preferences.For(n.Kind))
            {
                case DeliveryChoice.Immediately: sendNow.Add(n); break;
                case DeliveryChoice.DailyDigest: digest.Add(n); break;
                default: notMailed.Add(n); break;
            }
        }

        var today = DanishTime.LocalDate(now);
        var key = NotificationKey.ForDigest(recipientId, today);
        var digestAt = DanishTime.At(today, schedule.Time);
        // Today's digest holds what was pending at its hour: a notice raised after it waits for tomorrow's, so
        // a job that runs late (or a notice raised at 10:00 on a day without a digest yet) never makes a second mail that day.
        var inDigest = digest.Where(n => n.CreatedAt < digestAt).ToList();
        var due = inDigest.Count > 0 && now >= digestAt && !alreadyMailedKeys.Contains(key);
        return due
            ? new(sendNow, inDigest, key, [.. digest.Where(n => n.CreatedAt >= digestAt)], notMailed)
            : new(sendNow, [], null, digest, notMailed);
    }
}

/// <summary>When the daily digest goes out: a Copenhagen wall-clock time (<i>tidspunkt for daglig opsamling</i>).</summary>
public sealed record DigestSchedule(TimeOnly Time)
{
    public static readonly DigestSchedule Default = new(new TimeOnly(7, 0));
}
