using System.Globalization;

namespace Tilsyn.Calendar;

/// <summary>
/// Danish time, defined once: Copenhagen's time zone, its calendar date ("today") and the da-DK
/// culture for dates and numbers on screens and in letters. Deadlines and periods are Danish
/// calendar days (<see cref="DateOnly"/>); events are moments in UTC (<see cref="DateTimeOffset"/>).
/// A moment becomes a Danish date only through <see cref="LocalDate"/>, never through its UTC date:
/// 23:30 UTC on 31 December is already 1 January in Copenhagen.
/// </summary>
public static class DanishTime
{
    /// <summary>Europe/Copenhagen (CET, CEST in summer).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>da-DK: "25. november 2026", decimal comma.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Today in Copenhagen: deadlines are Danish calendar days, not UTC ones.</summary>
    public static DateOnly Today(this TimeProvider clock) => LocalDate(clock.GetUtcNow());

    /// <summary>The Copenhagen calendar date of a moment.</summary>
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToCopenhagen().DateTime);

    /// <summary>A moment as Copenhagen's wall-clock time, for display (the server may run in UTC).</summary>
    public static DateTimeOffset ToCopenhagen(this DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The moment a Copenhagen calendar day begins (midnight local time), in UTC like every stored moment.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>A Copenhagen calendar year as moments in UTC: from its first midnight (inclusive) to the next year's (exclusive).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (StartOf(new DateOnly(year, 1, 1)), StartOf(new DateOnly(year + 1, 1, 1)));

    /// <summary>A Copenhagen wall-clock time on a day, as a moment in UTC.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
