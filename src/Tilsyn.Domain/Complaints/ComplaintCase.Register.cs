namespace Tilsyn.Complaints;

// Which register a case belongs to: the advisor's (the default) or an administration's own complaint
// register (issue 15). An administration's case uses the same model, numbering, categories, deadlines
// and letters, but is owned by that administration: other administrations never see it, and the
// advisor sees it only as a count unless the administration shares it.
public sealed partial class ComplaintCase
{
    /// <summary>
    /// The administration whose own complaint register holds the case (<i>forvaltningens klageregister</i>);
    /// null for a case at the advisor's office. Set once at registration and never changed: a
    /// reclassification cannot move a case to another administration's register.
    /// </summary>
    public int? OwnerAdministrationId { get; private set; }

    /// <summary>Where the complaint is handled: by the administration itself or by the Citizens' Advisor.</summary>
    public HandledBy HandledBy => OwnerAdministrationId is null ? HandledBy.Advisor : HandledBy.Administration;

    /// <summary>
    /// On an administration's entry for a complaint that went to the advisor (a linked entry): the id of
    /// the advisor's case. Such an entry counts as a complaint to the Citizens' Advisor and is never
    /// counted twice (<c>ComplaintCounting.CountOnce</c>).
    /// </summary>
    public int? LinkedAdvisorCaseId { get; private set; }

    /// <summary>The advisor's case number of a linked entry (kept so the administration can refer to it).</summary>
    public string? LinkedAdvisorCaseNumber { get; private set; }

    /// <summary>When the administration shared this case of its own register with the advisor; null while it is its own.</summary>
    public DateTimeOffset? SharedWithAdvisorAt { get; private set; }

    /// <summary>Registers a complaint in an administration's own register (<i>klage til forvaltningen</i>).</summary>
    public static ComplaintCase ForAdministration(int administrationId, int year, int sequence, CaseType type, Channel channel,
        Citizen? citizen, string subject, string description, DateTimeOffset receivedAt, DateOnly firstAnswerDue, Actor by)
    {
        var c = new ComplaintCase(year, sequence, type, channel, citizen, subject, description, receivedAt, firstAnswerDue, by, administrationId)
        {
            OwnerAdministrationId = administrationId,
        };
        return c;
    }

    /// <summary>
    /// Makes this administration's entry refer to the advisor's case about the same complaint. Only on an
    /// administration's own case, only to an advisor's case about that administration, and only once.
    /// </summary>
    public void LinkToAdvisorCase(ComplaintCase advisorCase, DateTimeOffset at, Actor by)
    {
        if (OwnerAdministrationId is null)
            throw new DomainException("Kun en sag i forvaltningens eget klageregister kan henvise til Borgerrådgiverens sag.");
        if (advisorCase.OwnerAdministrationId is not null)
            throw new DomainException("Der kan kun henvises til en sag hos Borgerrådgiveren.");
        if (advisorCase.AdministrationId != OwnerAdministrationId)
            throw new DomainException("Borgerrådgiverens sag handler om en anden forvaltning.");
        if (LinkedAdvisorCaseId is { } existing && existing != advisorCase.Id)
            throw new DomainException($"Sagen henviser allerede til Borgerrådgiverens sag {LinkedAdvisorCaseNumber}.");
        LinkedAdvisorCaseId = advisorCase.Id;
        LinkedAdvisorCaseNumber = advisorCase.Number;
        events.Add(new CaseEvent(at, by, $"Klagen er også behandlet af Borgerrådgiveren (sag {advisorCase.Number})."));
    }

    /// <summary>The administration shares a case of its own register with the advisor, who may then read it.</summary>
    public void ShareWithAdvisor(DateTimeOffset at, Actor by)
    {
        if (OwnerAdministrationId is null)
            throw new DomainException("Sagen er allerede Borgerrådgiverens.");
        if (SharedWithAdvisorAt is not null)
            throw new DomainException("Sagen er allerede delt med Borgerrådgiveren.");
        SharedWithAdvisorAt = at;
        events.Add(new CaseEvent(at, by, "Sagen er delt med Borgerrådgiveren."));
    }
}
