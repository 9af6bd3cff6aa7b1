using Tilsyn.Calendar;

namespace Tilsyn.Complaints;

/// <summary>The advisor's deadline settings in working days (<i>frister</i>).</summary>
public sealed record DeadlinePolicy(int FirstAnswerWorkingDays = 10, int StatementWorkingDays = 10)
{
    /// <summary>The fewest working days a caseworker may give an administration for a statement.</summary>
    public const int MinStatementWorkingDays = 1;

    /// <summary>The most working days a caseworker may give an administration for a statement.</summary>
    public const int MaxStatementWorkingDays = 60;

    public DateOnly FirstAnswerDue(WorkingDayCalendar calendar, DateOnly received) => calendar.AddWorkingDays(received, FirstAnswerWorkingDays);

    /// <summary>A statement's due date: the policy's working days, or the caseworker's own choice of 1–60 working days.</summary>
    public DateOnly StatementDue(WorkingDayCalendar calendar, DateOnly requested, int? workingDays = null)
    {
        if (workingDays is < MinStatementWorkingDays or > MaxStatementWorkingDays)
            throw new DomainException($"Fristen skal være mellem {MinStatementWorkingDays} og {MaxStatementWorkingDays} arbejdsdage.");
        return calendar.AddWorkingDays(requested, workingDays ?? StatementWorkingDays);
    }
}
