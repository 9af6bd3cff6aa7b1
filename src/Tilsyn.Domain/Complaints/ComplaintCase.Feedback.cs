using Tilsyn.Feedback;

namespace Tilsyn.Complaints;

// The citizens' satisfaction survey (issue 16): the case only notes whether the link was sent; the
// invitation and the answers live elsewhere (see FeedbackInvitation, FeedbackAnswer).
public sealed partial class ComplaintCase
{
    /// <summary>Notes in the history whether the survey link was sent on closure (never the link itself).</summary>
    public void RecordFeedbackInvitation(FeedbackDecision decision, DateTimeOffset at)
    {
        if (!decision.Noted) return;
        events.Add(new CaseEvent(at, Actor.System, decision.Invite
            ? "Link til Borgerrådgiverens tilfredshedsundersøgelse er sendt til borgerens e-mail."
            : $"Link til tilfredshedsundersøgelsen er ikke sendt: {decision.Reason}."));
    }
}
