using Tilsyn.Notifications;

namespace Tilsyn.Web.Notifications;

/// <summary>Settings of the notifications (<c>Notifications:*</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary><c>Notifications:Enabled</c> (default true): runs the background job (daily digests, overdue recommendations, early warnings). Tests switch it off and run it themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Notifications:DigestTime</c> (default 07:00): the Copenhagen wall-clock time of the daily digest.</summary>
    public TimeOnly DigestTime { get; set; } = DigestSchedule.Default.Time;

    /// <summary><c>Notifications:PollMinutes</c> (default 5, 1–60): how often the job looks for digests due and, once a day, for overdue recommendations and early warnings.</summary>
    public int PollMinutes { get; set; } = 5;

    public DigestSchedule Schedule => new(DigestTime);
}
