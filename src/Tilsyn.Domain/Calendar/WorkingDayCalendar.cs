namespace Tilsyn.Calendar;

/// <summary>
/// Danish working days (<i>arbejdsdage</i>): Monday to Friday, except the statutory public holidays
/// (<see cref="DanishHolidays"/>) and the municipality's own <see cref="ClosedDays"/>.
/// Deadlines in the product are counted in these days.
/// </summary>
public sealed class WorkingDayCalendar(ClosedDays closedDays)
{
    public ClosedDays ClosedDays { get; } = closedDays;

    public bool IsWorkingDay(DateOnly date) => Describe(date) is null;

    /// <summary>
    /// Null for a working day; otherwise why it is not one, in Danish: the holiday's name
    /// (e.g. <c>langfredag</c>, also <c>påskedag</c> though it is a Sunday), <c>lørdag</c>, <c>søndag</c> or <c>lukkedag</c>.
    /// </summary>
    public string? Describe(DateOnly date)
    {
        if (DanishHolidays.IsPublicHoliday(date, out var holiday)) return holiday;
        if (date.DayOfWeek == DayOfWeek.Saturday) return "lørdag";
        if (date.DayOfWeek == DayOfWeek.Sunday) return "søndag";
        if (ClosedDays.IsClosed(date)) return "lukkedag";
        return null;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        do date = date.AddDays(1);
        while (!IsWorkingDay(date));
        return date;
    }

    /// <summary>
    /// The deadline <paramref name="days"/> working days after <paramref name="start"/>. The start day never
    /// counts, whatever day it is: a letter received on Saturday with 1 working day is due Monday
    /// (the usual reckoning in Danish administrative law, where the day of the event is not counted).
    /// With 0 days the result is <paramref name="start"/> if it is a working day, else the next working day,
    /// because a deadline cannot end on a day the office is closed.
    /// For <paramref name="days"/> ≥ 1, and for 0 when <paramref name="start"/> is a working day,
    /// <c>WorkingDaysBetween(start, AddWorkingDays(start, days)) == days</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return IsWorkingDay(start) ? start : NextWorkingDay(start);
        var date = start;
        for (var i = 0; i < days; i++) date = NextWorkingDay(date);
        return date;
    }

    /// <summary>
    /// The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>;
    /// negative (the same count, turned round) if <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>A deadline is overdue from the day after it: work done on the due day itself is in time.</summary>
    public bool IsOverdue(DateOnly due, DateOnly today) => today > due;
}
