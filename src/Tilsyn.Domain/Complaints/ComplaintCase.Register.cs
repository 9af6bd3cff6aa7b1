using System.Linq.Expressions;

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
        if (LinkedAdvisorCaseId is not null)
            throw new DomainException("Registreringen henviser til Borgerrådgiverens egen sag og deles ikke.");
        if (SharedWithAdvisorAt is not null)
            throw new DomainException("Sagen er allerede delt med Borgerrådgiveren.");
        SharedWithAdvisorAt = at;
        events.Add(new CaseEvent(at, by, "Sagen er delt med Borgerrådgiveren."));
    }

    /// <summary>The subject of a linked entry: the administration sees that a complaint went to the advisor, not what it said.</summary>
    public const string LinkedEntrySubject = "Klage til Borgerrådgiveren";

    /// <summary>Whether this is an administration's entry for a complaint handled by the advisor (it mirrors that case and is not worked).</summary>
    public bool IsLinkedEntry => LinkedAdvisorCaseId is not null;

    /// <summary>
    /// The administration's register entry for an advisor's complaint about it (<i>klage til Borgerrådgiveren</i>):
    /// its own case with its own number, referring to the advisor's case by number, with no citizen and no text
    /// of the complaint (a neutral subject), received when the advisor received it, with the advisor's categories.
    /// The advisor's case must be a complaint in the advisor's register, saved (it has an id) and classified
    /// under an administration; the entry belongs to that administration's register.
    /// </summary>
    public static ComplaintCase LinkedEntry(ComplaintCase advisorCase, int year, int sequence, DateTimeOffset at, Actor by)
    {
        if (advisorCase.OwnerAdministrationId is not null)
            throw new DomainException("Der kan kun henvises til en sag hos Borgerrådgiveren.");
        if (advisorCase.Type != CaseType.Complaint)
            throw new DomainException("Kun en klage hos Borgerrådgiveren registreres i forvaltningens klageregister.");
        if (advisorCase.AdministrationId is not { } administration)
            throw new DomainException("Borgerrådgiverens sag er ikke klassificeret med en forvaltning.");
        if (advisorCase.Id == 0)
            throw new DomainException("Borgerrådgiverens sag skal være journaliseret først.");
        var number = CaseNumber.Format(year, sequence);
        var c = new ComplaintCase
        {
            Year = year,
            Sequence = sequence,
            Number = number,
            Type = CaseType.Complaint,
            Channel = advisorCase.Channel,
            Subject = LinkedEntrySubject,
            Description = $"Klagen behandles af Borgerrådgiveren (sag {advisorCase.Number}). Registreringen tæller klagen med i forvaltningens klager; sagens oplysninger ligger hos Borgerrådgiveren.",
            ReceivedAt = advisorCase.ReceivedAt,
            FirstAnswerDue = advisorCase.FirstAnswerDue,
            Status = CaseStatus.Received,
            AdministrationId = administration,
            OwnerAdministrationId = administration,
        };
        c.events.Add(new CaseEvent(at, by, $"Klage til Borgerrådgiveren registreret som {number} (Borgerrådgiverens sag {advisorCase.Number}).", null, CaseStatus.Received));
        c.LinkToAdvisorCase(advisorCase, at, by);
        c.MirrorAdvisorCase(advisorCase, at, by);
        return c;
    }

    /// <summary>
    /// Keeps a linked entry in step with the advisor's case it refers to: the categories (and the rules found
    /// breached), unit and KLE subject, and when the advisor's handling is finished its outcome and dates, so
    /// the administration's counts and processing times follow the advisor's case. No citizen data is copied.
    /// When the advisor's case has moved to another administration, the entry is closed with a history line
    /// (it stays, so the link remains unique). Returns whether anything changed.
    /// </summary>
    public bool MirrorAdvisorCase(ComplaintCase advisorCase, DateTimeOffset at, Actor by)
    {
        if (LinkedAdvisorCaseId is null || LinkedAdvisorCaseId != advisorCase.Id)
            throw new DomainException("Registreringen henviser ikke til denne sag hos Borgerrådgiveren.");
        if (advisorCase.AdministrationId != OwnerAdministrationId)
        {
            if (!IsOpen) return false;
            Status = CaseStatus.Closed;
            ClosedAt = at;
            events.Add(new CaseEvent(at, by, $"Borgerrådgiveren har henført sag {advisorCase.Number} til en anden forvaltning; registreringen er lukket.", CaseStatus.Received, CaseStatus.Closed));
            return true;
        }
        var changed = false;
        var wanted = advisorCase.Categories.Select(x => (x.Category, x.Breached)).OrderBy(x => x.Category).ToList();
        if (!wanted.SequenceEqual(categories.Select(x => (x.Category, x.Breached)).OrderBy(x => x.Category)))
        {
            categories.Clear();
            foreach (var (category, breached) in wanted) categories.Add(new CaseCategory(category) { Breached = breached });
            var names = wanted.Count == 0 ? "ingen kategorier" : string.Join(", ", wanted.Select(w => ComplaintCategories.Name(w.Category)));
            events.Add(new CaseEvent(at, by, $"Kategorier som hos Borgerrådgiveren: {names}."));
            changed = true;
        }
        if (UnitId != advisorCase.UnitId || KleCode != advisorCase.KleCode)
        {
            UnitId = advisorCase.UnitId;
            KleCode = advisorCase.KleCode;
            changed = true;
        }
        if (Status != advisorCase.Status && (!advisorCase.IsOpen || !IsOpen))
        {
            var from = Status;
            Status = advisorCase.IsOpen ? CaseStatus.Received : advisorCase.Status;
            Outcome = advisorCase.Outcome;
            ConcludedAt = advisorCase.ConcludedAt;
            ClosedAt = advisorCase.ClosedAt;
            events.Add(new CaseEvent(at, by, $"Status som hos Borgerrådgiveren: {CaseWorkflow.Name(Status)}.", from, Status));
            changed = true;
        }
        return changed;
    }
}

/// <summary>
/// The two registers as query filters, the one rule every query over cases uses to keep them apart:
/// <see cref="AdvisorsOwn"/> for everything about the advisor's own work (lists, worklist, reminders,
/// search, statistics, the annual report, case examples, audits), <see cref="OfAdministration"/> for an
/// administration's own register.
/// </summary>
public static class CaseRegisters
{
    /// <summary>The advisor's register: cases at the advisor's office, none of an administration's own.</summary>
    public static readonly Expression<Func<ComplaintCase, bool>> AdvisorsOwn = c => c.OwnerAdministrationId == null;

    /// <summary>An administration's own register (its own complaints and its linked entries).</summary>
    public static Expression<Func<ComplaintCase, bool>> OfAdministration(int administrationId) => c => c.OwnerAdministrationId == administrationId;

    /// <summary>Only the advisor's register's cases of a query.</summary>
    public static IQueryable<ComplaintCase> AdvisorsOwnOnly(this IQueryable<ComplaintCase> cases) => cases.Where(AdvisorsOwn);
}
