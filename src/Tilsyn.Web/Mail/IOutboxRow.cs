namespace Tilsyn.Web.Mail;

/// <summary>
/// What an outbox row (<see cref="OutgoingMail"/>, <see cref="DigitalPost.OutgoingDigitalPost"/>) has for its
/// delivery: the lease, the retry window and the outcome. Lets the failure page put either kind back in its queue the same way.
/// </summary>
public interface IOutboxRow
{
    long Id { get; }
    DateTimeOffset? SentAt { get; set; }
    DateTimeOffset NextAttemptAt { get; set; }
    DateTimeOffset? FirstAttemptAt { get; set; }
    DateTimeOffset? LeaseUntil { get; set; }
    DateTimeOffset? FailedAt { get; set; }
}
