using Tilsyn.Complaints;
using Tilsyn.DigitalPost;

namespace Tilsyn.Feedback;

/// <summary>Whether a closed case's citizen is invited to the survey, and if not, why.</summary>
/// <param name="Noted">Whether the case's history should say so (a citizen's case at the advisor's; not an own-initiative case).</param>
public sealed record FeedbackDecision(bool Invite, string Reason, bool Noted = false);

/// <summary>
/// Who gets the survey when a case is closed (<see cref="ComplaintCase.Close"/>: the step the citizen
/// experiences as the end; a concluded, rejected or forwarded case is closed afterwards, and is invited then).
/// </summary>
/// <remarks>
/// Only a citizen's case at the advisor's office: an own-initiative case has no citizen, and a case of
/// an administration's own register (issue 15) is the administration's handling, not the advisor's, so
/// its answers would measure someone else's work. A case whose personal data has been deleted is not
/// invited. The link goes by e-mail: the letter channel's e-mail (<see cref="LetterChannel.Email"/>), and
/// also for a Digital Post citizen with an e-mail address on the case, because the link is a key
/// (like the status link) and is kept out of the journalised letters and the Digital Post archive. A
/// citizen with no e-mail address (paper letters, or Digital Post only) is not invited; the case's
/// history says so. A case gets one invitation, ever: a reopened and reclosed case is not invited again.
/// </remarks>
public static class FeedbackEligibility
{
    public static FeedbackDecision Decide(ComplaintCase c, LetterChannel channel, bool alreadyInvited)
    {
        if (c.Type == CaseType.OwnInitiative || c.Citizen is null) return new(false, "sagen har ingen borger");
        if (c.OwnerAdministrationId is not null) return new(false, "sagen er i forvaltningens eget klageregister");
        if (c.PersonalDataDeletedAt is not null) return new(false, "sagens personoplysninger er slettet");
        if (alreadyInvited) return new(false, "borgeren har allerede fået et link på denne sag", Noted: true);
        if (string.IsNullOrWhiteSpace(c.Citizen.Email))
            return new(false, channel == LetterChannel.Print ? "borgeren får papirpost og har ingen e-mailadresse" : "borgeren har ingen e-mailadresse på sagen", Noted: true);
        return new(true, "sendt til borgerens e-mail", Noted: true);
    }
}
