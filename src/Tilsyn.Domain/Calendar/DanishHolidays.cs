using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Tilsyn.Calendar;

/// <summary>A statutory public holiday with its Danish name, e.g. <c>langfredag</c>.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// The public holidays (<i>helligdage</i>) of the Holidays Act (<i>helligdagsloven</i>, § 1) that fall on
/// fixed dates or move with Easter. Sundays in general are also holidays under § 1, but they are
/// weekend days anyway and are handled by <see cref="WorkingDayCalendar"/>.
/// Constitution Day (5 June), 1 May, 24 and 31 December are not statutory holidays; a municipality
/// that closes on them configures them in <see cref="ClosedDays"/>.
/// </summary>
public static class DanishHolidays
{
    /// <summary>
    /// Store bededag was abolished as a public holiday from 2024 by the act of 28 February 2023
    /// (<i>lov om ophævelse af store bededag som helligdag</i>); 2023 is the last year it applies.
    /// </summary>
    public const int LastYearWithGreatPrayerDay = 2023;

    // Deadlines are counted day by day, so each year's holidays are computed once.
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = new();

    /// <summary>
    /// Easter Sunday in the (proleptic) Gregorian calendar,
    /// by the anonymous Gregorian algorithm as given in Meeus, <i>Astronomical Algorithms</i>.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;                       // position in the 19-year Metonic (lunar) cycle
        int b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;                 // Gregorian lunar correction
        int h = (19 * a + b - d - g + 15) % 30;  // days from 21 March to the paschal full moon (roughly)
        int i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The year's statutory public holidays in date order.</summary>
    public static IReadOnlyList<PublicHoliday> For(int year) =>
        [.. HolidaysOf(year).Select(p => new PublicHoliday(p.Key, p.Value)).OrderBy(p => p.Date)];

    /// <summary>True if <paramref name="date"/> is a statutory public holiday; <paramref name="name"/> is its Danish name.</summary>
    public static bool IsPublicHoliday(DateOnly date, [NotNullWhen(true)] out string? name) =>
        HolidaysOf(date.Year).TryGetValue(date, out name);

    private static IReadOnlyDictionary<DateOnly, string> HolidaysOf(int year) => Cache.GetOrAdd(year, Compute);

    private static Dictionary<DateOnly, string> Compute(int year)
    {
        var easter = EasterSunday(year);
        var days = new Dictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "nytårsdag",
            [easter.AddDays(-3)] = "skærtorsdag",
            [easter.AddDays(-2)] = "langfredag",
            [easter] = "påskedag",
            [easter.AddDays(1)] = "2. påskedag",
            [easter.AddDays(39)] = "Kristi himmelfartsdag",
            [easter.AddDays(49)] = "pinsedag",
            [easter.AddDays(50)] = "2. pinsedag",
            [new DateOnly(year, 12, 25)] = "juledag",
            [new DateOnly(year, 12, 26)] = "2. juledag",
        };
        if (year <= LastYearWithGreatPrayerDay)
            days[easter.AddDays(26)] = "store bededag"; // the fourth Friday after Easter
        return days;
    }
}
