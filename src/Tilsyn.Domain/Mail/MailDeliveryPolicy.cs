namespace Tilsyn.Mail;

/// <summary>
/// When the outbox (<i>udgående post</i>) tries a mail again, when it gives up, and how long a
/// dispatcher may hold a mail it has claimed for sending (its lease).
/// </summary>
/// <remarks>
/// Back-off doubles from one minute up to one hour, so a mail server that is down for a night does not
/// get hammered, and a short hiccup costs minutes, not hours. A mail is retried until 24 hours after
/// its first attempt (a weekend outage of the municipality's relay is then visible on Monday as failed
/// mail, not silently dropped); the attempt that fails after that marks it failed.
/// </remarks>
public static class MailDeliveryPolicy
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claimed mail is held. A live dispatcher finishes one send well within it (the SMTP
    /// client's timeout, <see cref="SendTimeout"/>, is far shorter); a lease left to expire means the
    /// dispatcher died while sending.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>The SMTP client's timeout for one command (connect, send); a fraction of <see cref="Lease"/>.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan DelayAfter(int failedAttempts)
    {
        if (failedAttempts < 1) throw new ArgumentOutOfRangeException(nameof(failedAttempts), "Der skal være mindst ét mislykket forsøg.");
        // 2^6 minutes already passes the hour; cap the exponent before it can overflow.
        var minutes = Math.Pow(2, Math.Min(failedAttempts - 1, 10));
        var delay = FirstDelay * minutes;
        return delay < LongestDelay ? delay : LongestDelay;
    }

    /// <summary>
    /// After a failed attempt at <paramref name="now"/>: when to try next, or null when the mail has
    /// been tried for <see cref="RetryFor"/> since <paramref name="firstAttemptAt"/> and is now failed.
    /// </summary>
    public static DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset firstAttemptAt, DateTimeOffset now) =>
        now - firstAttemptAt >= RetryFor ? null : now + DelayAfter(failedAttempts);

    /// <summary>Until when a mail claimed at <paramref name="now"/> is held by its dispatcher.</summary>
    public static DateTimeOffset LeaseUntil(DateTimeOffset now) => now + Lease;

    /// <summary>A lease that ran out without the mail being marked sent or failed: its dispatcher stopped mid-send.</summary>
    public static bool LeaseExpired(DateTimeOffset? leaseUntil, DateTimeOffset now) => leaseUntil is { } until && until <= now;
}
