using Tilsyn.Calendar;

namespace Tilsyn.Complaints;

/// <summary>The advisor's deadline settings in working days (<i>frister</i>).</summary>
public sealed record DeadlinePolicy(int FirstAnswerWorkingDays = 10, int StatementWorkingDays = 10)
{
    /// <summary>The fewest working days a caseworker may give an administration for a statement.</summary>
    public const int MinStatementWorkingDays = 1;

    /// <summary>The most working days a caseworker may give an administration for a statement.</summary>
    public const int MaxStatementWorkingDays = 60;

    /// <summary>A request for access to documents is answered within 7 working days (OFL §36).</summary>
    public const int DocumentAccessWorkingDays = 7;

    /// <summary>A data-subject request is answered within one month (GDPR art. 12(3)), extendable by two.</summary>
    public const int DataSubjectMonths = 1;

    public DateOnly FirstAnswerDue(WorkingDayCalendar calendar, DateOnly received) => calendar.AddWorkingDays(received, FirstAnswerWorkingDays);

    /// <summary>
    /// The first answer's due date by case type: the advisor's service goal for supervision cases,
    /// 7 working days for <i>aktindsigt</i> (OFL §36), one calendar month for a data-subject request
    /// (GDPR art. 12(3); the same day next month, or that month's last day).
    /// </summary>
    public DateOnly FirstAnswerDue(WorkingDayCalendar calendar, DateOnly received, CaseType type) => type switch
    {
        CaseType.DocumentAccessRequest => calendar.AddWorkingDays(received, DocumentAccessWorkingDays),
        _ when CaseTypes.IsDataSubjectRequest(type) => received.AddMonths(DataSubjectMonths),
        _ => FirstAnswerDue(calendar, received),
    };

    /// <summary>A statement's due date: the policy's working days, or the caseworker's own choice of 1–60 working days.</summary>
    public DateOnly StatementDue(WorkingDayCalendar calendar, DateOnly requested, int? workingDays = null)
    {
        if (workingDays is < MinStatementWorkingDays or > MaxStatementWorkingDays)
            throw new DomainException($"Fristen skal være mellem {MinStatementWorkingDays} og {MaxStatementWorkingDays} arbejdsdage.");
        return calendar.AddWorkingDays(requested, workingDays ?? StatementWorkingDays);
    }
}
