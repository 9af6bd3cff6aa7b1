using Tilsyn.Calendar;
using Tilsyn.DigitalPost;

namespace Tilsyn.Feedback;

/// <summary>
/// The invitation to answer the survey, sent to the citizen when a case is closed: one per case.
/// It knows the case, the SHA-256 of the link's token (never the token) and whether it has been used,
/// but never the answer: <see cref="FeedbackAnswer"/> is a separate row with no reference to the
/// invitation or the case, so an answer cannot be joined back to a case or a citizen.
/// </summary>
public sealed class FeedbackInvitation
{
    /// <summary>How many Copenhagen calendar days the link is open after the day it was sent.</summary>
    public const int DaysOpen = 30;

    private FeedbackInvitation() { }

    /// <summary>A new invitation for the case, sent at <paramref name="sentAt"/> by <paramref name="channel"/>.</summary>
    public FeedbackInvitation(int caseId, string tokenHash, DateTimeOffset sentAt, LetterChannel channel)
    {
        if (string.IsNullOrWhiteSpace(tokenHash)) throw new ArgumentException("The token hash is required.", nameof(tokenHash));
        CaseId = caseId;
        TokenHash = tokenHash;
        SentAt = sentAt;
        Channel = channel;
        ExpiresAt = ExpiryFor(sentAt);
    }

    public int Id { get; private set; }

    /// <summary>The closed case the invitation was sent for (one invitation per case, ever: reclosing sends none).</summary>
    public int CaseId { get; private set; }

    /// <summary>SHA-256 (hex) of the link's token; the token itself exists only in the message to the citizen.</summary>
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>How the link went to the citizen.</summary>
    public LetterChannel Channel { get; private set; }

    /// <summary>
    /// The first moment the link no longer works: midnight (Copenhagen) at the end of the 30th calendar
    /// day after the day it was sent. A link sent on 1 December at 10:00 works through 31 December 23:59:59.
    /// </summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the citizen answered; null while unanswered. Only this mark is kept, never which answer.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The rule for <see cref="ExpiresAt"/>: the start of the 31st Copenhagen day after sending.</summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset sentAt) => DanishTime.StartOf(DanishTime.LocalDate(sentAt).AddDays(DaysOpen + 1));

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Why the link cannot be answered now, or null when it can.</summary>
    public FeedbackInvitationState State(DateTimeOffset now) =>
        UsedAt is not null ? FeedbackInvitationState.Answered
        : IsExpired(now) ? FeedbackInvitationState.Expired
        : FeedbackInvitationState.Open;

    /// <exception cref="DomainException">The survey was answered already, or the link has expired.</exception>
    public void EnsureAnswerable(DateTimeOffset now)
    {
        switch (State(now))
        {
            case FeedbackInvitationState.Answered: throw new DomainException("Spørgeskemaet er allerede besvaret. Det kan kun besvares én gang.");
            case FeedbackInvitationState.Expired: throw new DomainException($"Linket er udløbet. Spørgeskemaet kunne besvares i {DaysOpen} dage.");
        }
    }

    /// <summary>
    /// Marks the invitation used. In the database the same rule is a conditional update
    /// (<c>UsedAt IS NULL AND ExpiresAt &gt; now</c>), so two answers sent at once cannot both count.
    /// </summary>
    public void MarkUsed(DateTimeOffset now)
    {
        EnsureAnswerable(now);
        UsedAt = now;
    }
}

public enum FeedbackInvitationState
{
    Open = 1,
    Answered = 2,
    Expired = 3,
}
