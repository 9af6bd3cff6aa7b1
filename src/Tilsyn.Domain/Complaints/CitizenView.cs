namespace Tilsyn.Complaints;

/// <summary>A deadline as the citizen reads it on their own case: when it is due, whether it is met, whether it was extended.</summary>
public sealed record CitizenDeadline(DeadlineKind Kind, DateOnly Due, DateTimeOffset? MetAt, bool Extended, string? ExtensionReason)
{
    public bool IsMet => MetAt is not null;
}

/// <summary>
/// What the citizen (the party, <i>borgeren</i>) sees of their own case, the one rule behind the
/// status link (<c>/status/…</c>) and "Mine sager" (<c>/borger/sager</c>): the letters to and from
/// them (<see cref="CaseDocument.VisibleToCitizen"/>: outgoing letters, what they sent, their own
/// attachments; never notes, statements or files a caseworker or contact attached), the status in
/// plain Danish, the deadlines that concern them, and whether they may still send something.
/// </summary>
public static class CitizenView
{
    /// <summary>The documents the citizen sees, in the order they were journalised.</summary>
    public static IReadOnlyList<CaseDocument> Documents(ComplaintCase c) =>
        c.PersonalDataDeletedAt is not null ? [] : c.Documents.Where(d => d.VisibleToCitizen).OrderBy(d => d.Sequence).ToList();

    /// <summary>The document with that number, if the citizen may see it; null otherwise (the same answer as "no such document").</summary>
    public static CaseDocument? Document(ComplaintCase c, int sequence) => Documents(c).FirstOrDefault(d => d.Sequence == sequence);

    /// <summary>The citizen may send a message or a document while the case is open and still has its personal data.</summary>
    public static bool MayReply(ComplaintCase c) => c.IsOpen && c.PersonalDataDeletedAt is null && c.Citizen is not null;

    /// <summary>What the status means, in words a citizen understands without knowing the workflow.</summary>
    public static string Explain(CaseStatus status) => status switch
    {
        CaseStatus.Received => "Vi har modtaget din henvendelse. En sagsbehandler ser på den snart.",
        CaseStatus.UnderReview => "En sagsbehandler arbejder på din sag.",
        CaseStatus.TargetedEffort => "Vi hjælper dig og forvaltningen med at finde en løsning.",
        CaseStatus.StatementRequested => "Vi har bedt forvaltningen om at forklare sagen. Vi venter på deres svar.",
        CaseStatus.StatementReceived => "Forvaltningen har svaret os. Vi ser nu på deres svar.",
        CaseStatus.Concluded => "Vi er færdige med at behandle sagen og har sendt dig vores svar.",
        CaseStatus.Closed => "Sagen er lukket.",
        CaseStatus.Rejected => "Vi kan ikke behandle sagen. Du har fået et brev om hvorfor.",
        CaseStatus.Forwarded => "Vi har sendt sagen videre til rette myndighed.",
        _ => CaseWorkflow.Name(status),
    };

    /// <summary>
    /// The deadlines that concern the citizen: the first answer to them (with its extension, which the
    /// citizen must be told of with its reasons, GDPR art. 12(3)), and each statement the administration
    /// was asked for (its date only; the reason for an extension is between the advisor and the administration).
    /// </summary>
    public static IReadOnlyList<CitizenDeadline> Deadlines(ComplaintCase c)
    {
        if (c.Citizen is null || c.PersonalDataDeletedAt is not null) return [];
        var list = new List<CitizenDeadline>
        {
            new(DeadlineKind.FirstAnswer, c.FirstAnswerDue, c.FirstAnsweredAt, c.FirstAnswerExtendedAt is not null, c.FirstAnswerExtensionReason),
        };
        foreach (var r in c.StatementRequests.OrderBy(r => r.RequestedAt))
            list.Add(new(DeadlineKind.Statement, r.DueDate, r.AnsweredAt, r.DueDate != r.OriginalDueDate, null));
        return list;
    }
}
