using Tilsyn.Calendar;

namespace Tilsyn.Complaints;

/// <summary>One field of the citizen's data corrected by a rectification: its Danish label, the old and the new value.</summary>
public sealed record CitizenCorrection(string Field, string? Old, string? New);

/// <summary>
/// A case that is a data subject's request (<i>indsigtsanmodning</i>, <i>sletteanmodning</i>,
/// <i>berigtigelse</i>; GDPR art. 15–17): its one-month deadline may be extended once by up to two
/// months with reasons (art. 12(3)), and it ends granted or refused. Rectification corrects the
/// citizen's data on another case without touching its journalised documents.
/// </summary>
public sealed partial class ComplaintCase
{
    /// <summary>The most months a data subject's deadline may be extended by (GDPR art. 12(3)).</summary>
    public const int MaxRequestExtensionMonths = 2;

    /// <summary>Why the data-subject request's deadline was extended (art. 12(3)); null while not extended.</summary>
    public string? FirstAnswerExtensionReason { get; private set; }

    /// <summary>When the data-subject request's deadline was extended; an extension is given only once.</summary>
    public DateTimeOffset? FirstAnswerExtendedAt { get; private set; }

    /// <summary>A concluded data-subject request: granted (<i>imødekommet</i>) or refused (<i>afslået</i>); null otherwise.</summary>
    public bool? RequestGranted { get; private set; }

    public bool IsDataSubjectRequest => CaseTypes.IsDataSubjectRequest(Type);

    /// <summary>
    /// Extends the data-subject request's deadline by one or two months, once, with a reason, before
    /// the first month has run out (GDPR art. 12(3): the controller must tell the data subject of the
    /// extension and its reasons within one month of receipt). The new deadline counts from receipt.
    /// </summary>
    public void ExtendRequestDeadline(int months, string reason, DateTimeOffset at, Actor by)
    {
        if (!IsDataSubjectRequest)
            throw new DomainException($"Kun en anmodning om indsigt, sletning eller berigtigelse kan få fristen forlænget efter databeskyttelsesforordningens art. 12, stk. 3 (sagen er en {CaseTexts.Name(Type).ToLowerInvariant()}).");
        if (!IsOpen)
            throw new DomainException($"Anmodningen er afsluttet (status: {CaseWorkflow.Name(Status)}); fristen kan ikke forlænges.");
        if (FirstAnswerExtendedAt is not null)
            throw new DomainException("Fristen er allerede forlænget; den kan kun forlænges én gang og højst med to måneder (art. 12, stk. 3).");
        if (months is < 1 or > MaxRequestExtensionMonths)
            throw new DomainException($"Fristen kan forlænges med 1 eller {MaxRequestExtensionMonths} måneder, ikke {months} (art. 12, stk. 3).");
        if (DanishTime.LocalDate(at) > FirstAnswerDue)
            throw new DomainException($"Fristen udløb {FirstAnswerDue:dd-MM-yyyy}; en forlængelse skal meddeles borgeren inden for den første måned (art. 12, stk. 3).");
        var text = CaseTextFields.ExtensionReason.Required(reason);
        var old = FirstAnswerDue;
        FirstAnswerDue = DanishTime.LocalDate(ReceivedAt).AddMonths(DeadlinePolicy.DataSubjectMonths + months);
        FirstAnswerExtensionReason = text;
        FirstAnswerExtendedAt = at;
        events.Add(new CaseEvent(at, by, $"Fristen for svar er forlænget med {months} {(months == 1 ? "måned" : "måneder")} fra {old:dd-MM-yyyy} til {FirstAnswerDue:dd-MM-yyyy} (databeskyttelsesforordningens art. 12, stk. 3): {text}"));
    }

    /// <summary>
    /// Concludes the data-subject request as granted or refused, with what was done or why not. A
    /// request still only received is taken under review first (both steps are in the history).
    /// </summary>
    public void ConcludeRequest(bool granted, string conclusion, DateTimeOffset at, Actor by)
    {
        if (!IsDataSubjectRequest)
            throw new DomainException("Kun en anmodning om indsigt, sletning eller berigtigelse afsluttes som imødekommet eller afslået.");
        var text = CaseTextFields.Conclusion.Required(conclusion);
        if (Status == CaseStatus.Received) Move(CaseStatus.UnderReview, at, by, "Sagen er under behandling.");
        CaseWorkflow.EnsureAllowed(Status, CaseStatus.Concluded);
        ConclusionText = text;
        RequestGranted = granted;
        ConcludedAt = at;
        Move(CaseStatus.Concluded, at, by, granted ? "Anmodningen er imødekommet." : "Anmodningen er afslået.");
    }

    /// <summary>
    /// Corrects the citizen's name and contact details on this case after a rectification request
    /// (GDPR art. 16, case <paramref name="requestNumber"/>). Journalised documents are not touched;
    /// the history names the corrected fields only (the old values are personal data and belong in the
    /// request case's document). Refuses a correction that changes nothing.
    /// </summary>
    public IReadOnlyList<CitizenCorrection> CorrectCitizen(string name, string? email, string? phone, string? address, string requestNumber, DateTimeOffset at, Actor by)
    {
        if (Citizen is null) throw new DomainException("Sagen har ingen borger at berigtige.");
        var changes = Citizen.Correct(name, email, phone, address);
        if (changes.Count == 0) throw new DomainException("Oplysningerne er de samme som på sagen; intet er berigtiget.");
        events.Add(new CaseEvent(at, by, $"Borgerens oplysninger er berigtiget efter anmodning {requestNumber}: {string.Join(", ", changes.Select(c => c.Field.ToLowerInvariant()))}."));
        return changes;
    }
}
