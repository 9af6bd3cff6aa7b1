using System.Globalization;

namespace Tilsyn.Calendar;

/// <summary>What kind of span a <see cref="ReportingPeriod"/> is (<i>periodetype</i>).</summary>
public enum PeriodKind
{
    /// <summary><i>Måned</i>, e.g. "jan. 2025".</summary>
    Month = 1,
    /// <summary><i>Kvartal</i>, e.g. "1. kvt. 2025".</summary>
    Quarter = 2,
    /// <summary><i>Halvår</i>, e.g. "1. halvår 2025".</summary>
    HalfYear = 3,
    /// <summary><i>År</i>, e.g. "2025".</summary>
    Year = 4,
    /// <summary><i>År til dato</i>: 1 January through a given day of the same year.</summary>
    YearToDate = 5,
    /// <summary>Any range of whole days chosen by the user.</summary>
    Custom = 6,
}

/// <summary>
/// A reporting period (<i>opgørelsesperiode</i>): whole Danish calendar days from <see cref="From"/>
/// through <see cref="To"/>, both included. Complaint facts are dated in Copenhagen's calendar (a
/// moment becomes a date only through <see cref="DanishTime.LocalDate"/>), so "in the period" is a
/// comparison of <see cref="DateOnly"/>s; <see cref="UtcBounds"/> gives the same span as moments for
/// queries on stored timestamps.
/// <para>
/// Created only through the factories (<see cref="ForMonth"/>, <see cref="ForQuarter"/>, …); each
/// period has a Danish <see cref="Label"/> and a stable, URL-safe <see cref="Key"/> that
/// <see cref="Parse"/> reads back (for the period picker's query string).
/// </para>
/// </summary>
public sealed record ReportingPeriod
{
    /// <summary>The earliest and latest year a period may lie in; keeps date arithmetic away from DateOnly's limits.</summary>
    public const int MinYear = 1900, MaxYear = 9998;

    private static readonly string[] MonthAbbreviations =
        ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];

    private ReportingPeriod(PeriodKind kind, DateOnly from, DateOnly to)
    {
        if (from.Year is < MinYear or > MaxYear || to.Year is < MinYear or > MaxYear)
            throw new DomainException($"En periode skal ligge mellem år {MinYear} og {MaxYear}.");
        if (to < from) throw new DomainException("Periodens slutdato ligger før startdatoen.");
        Kind = kind;
        From = from;
        To = to;
    }

    public PeriodKind Kind { get; }

    /// <summary>The first day, included.</summary>
    public DateOnly From { get; }

    /// <summary>The last day, included.</summary>
    public DateOnly To { get; }

    /// <summary>The number of calendar days in the period (a leap year has 366, its first quarter 91).</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Whether <paramref name="other"/> lies wholly inside this period.</summary>
    public bool Covers(ReportingPeriod other) => other.From >= From && other.To <= To;

    /// <summary>Whether the two periods share at least one day.</summary>
    public bool Overlaps(ReportingPeriod other) => other.From <= To && other.To >= From;

    /// <summary>Whether the period has begun on <paramref name="today"/> (Copenhagen's date).</summary>
    public bool HasStarted(DateOnly today) => today >= From;

    /// <summary>Whether the period is over on <paramref name="today"/>: its last day has passed.</summary>
    public bool HasEnded(DateOnly today) => today > To;

    /// <summary>
    /// The period as UTC moments for queries on stored timestamps: from Copenhagen midnight at the
    /// start of <see cref="From"/> (inclusive) to Copenhagen midnight after <see cref="To"/> (exclusive).
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) UtcBounds => (DanishTime.StartOf(From), DanishTime.StartOf(To.AddDays(1)));

    public static ReportingPeriod ForMonth(int year, int month)
    {
        if (month is < 1 or > 12) throw new DomainException("Måneden skal være 1-12.");
        var first = new DateOnly(CheckYear(year), month, 1);
        return new(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <param name="number">1-4.</param>
    public static ReportingPeriod ForQuarter(int year, int number)
    {
        if (number is < 1 or > 4) throw new DomainException("Kvartalet skal være 1-4.");
        var first = new DateOnly(CheckYear(year), (number - 1) * 3 + 1, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    /// <param name="number">1 (January-June) or 2 (July-December).</param>
    public static ReportingPeriod ForHalfYear(int year, int number)
    {
        if (number is < 1 or > 2) throw new DomainException("Halvåret skal være 1 eller 2.");
        var first = new DateOnly(CheckYear(year), number == 1 ? 1 : 7, 1);
        return new(PeriodKind.HalfYear, first, first.AddMonths(6).AddDays(-1));
    }

    public static ReportingPeriod ForYear(int year) =>
        new(PeriodKind.Year, new DateOnly(CheckYear(year), 1, 1), new DateOnly(year, 12, 31));

    /// <summary>1 January of <paramref name="through"/>'s year through <paramref name="through"/> itself (usually today).</summary>
    public static ReportingPeriod YearToDate(DateOnly through) =>
        new(PeriodKind.YearToDate, new DateOnly(CheckYear(through.Year), 1, 1), through);

    /// <summary>A range of whole days chosen by the user, both ends included.</summary>
    public static ReportingPeriod Custom(DateOnly from, DateOnly to) => new(PeriodKind.Custom, from, to);

    /// <summary>The month, quarter, half-year or year that contains <paramref name="day"/>.</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Month => ForMonth(day.Year, day.Month),
        PeriodKind.Quarter => ForQuarter(day.Year, (day.Month - 1) / 3 + 1),
        PeriodKind.HalfYear => ForHalfYear(day.Year, day.Month <= 6 ? 1 : 2),
        PeriodKind.Year => ForYear(day.Year),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only calendar periods contain a day."),
    };

    /// <summary>
    /// "The same period a year earlier" (<i>samme periode året før</i>): the same month, quarter,
    /// half-year or year; year to date through the same day a year earlier; a custom range moved
    /// back one year. 29 February becomes 28 February, so year to date through 29.2.2024 compares
    /// with 1.1.–28.2.2023.
    /// </summary>
    public ReportingPeriod YearEarlier() => Kind switch
    {
        PeriodKind.Month => ForMonth(From.Year - 1, From.Month),
        PeriodKind.Quarter => ForQuarter(From.Year - 1, QuarterNumber),
        PeriodKind.HalfYear => ForHalfYear(From.Year - 1, From.Month <= 6 ? 1 : 2),
        PeriodKind.Year => ForYear(From.Year - 1),
        PeriodKind.YearToDate => YearToDate(To.AddYears(-1)),
        _ => Custom(From.AddYears(-1), To.AddYears(-1)),
    };

    /// <summary>
    /// The last <paramref name="count"/> calendar quarters up to and including the quarter that holds
    /// this period's last day, oldest first: the committee report's eight-quarter trend.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> LastQuarters(int count) => QuartersEndingWith(Containing(PeriodKind.Quarter, To), count);

    /// <summary><paramref name="count"/> consecutive quarters ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<ReportingPeriod> QuartersEndingWith(ReportingPeriod last, int count)
    {
        if (last.Kind != PeriodKind.Quarter) throw new ArgumentException("Not a quarter.", nameof(last));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var result = new ReportingPeriod[count];
        var index = last.From.Year * 4 + last.QuarterNumber - 1;
        for (var i = 0; i < count; i++)
        {
            var q = index - (count - 1 - i);
            result[i] = ForQuarter(q / 4, q % 4 + 1);
        }
        return result;
    }

    /// <summary>The calendar months the period touches, in order (each whole month, also where the period covers only part of it).</summary>
    public IEnumerable<ReportingPeriod> Months()
    {
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1))
            yield return ForMonth(m.Year, m.Month);
    }

    private int QuarterNumber => (From.Month - 1) / 3 + 1;

    /// <summary>
    /// The Danish label: "jan. 2025", "1. kvt. 2025", "1. halvår 2025", "2025",
    /// "2025 (år til dato)", "10.1.2025-20.2.2025".
    /// </summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => $"{MonthAbbreviations[From.Month - 1]} {From.Year}",
        PeriodKind.Quarter => $"{QuarterNumber}. kvt. {From.Year}",
        PeriodKind.HalfYear => $"{(From.Month <= 6 ? 1 : 2)}. halvår {From.Year}",
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.YearToDate => $"{From.Year} (år til dato)",
        _ => $"{Short(From)}-{Short(To)}",
    };

    /// <summary>The label with the days spelled out where the label alone does not say them: "2025 (år til dato, 1.1.2025-15.3.2025)".</summary>
    public string Description => Kind switch
    {
        PeriodKind.YearToDate => $"{From.Year} (år til dato, {Short(From)}-{Short(To)})",
        PeriodKind.Custom => Label,
        _ => $"{Label} ({Short(From)}-{Short(To)})",
    };

    private static string Short(DateOnly d) => d.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A stable, URL-safe key: "2025-01" (month), "2025-Q1", "2025-H1", "2025", "ytd-2025-03-15",
    /// "2025-01-10..2025-02-20" (custom). <see cref="Parse"/> reads it back.
    /// </summary>
    public string Key => Kind switch
    {
        PeriodKind.Month => $"{From.Year:D4}-{From.Month:D2}",
        PeriodKind.Quarter => $"{From.Year:D4}-Q{QuarterNumber}",
        PeriodKind.HalfYear => $"{From.Year:D4}-H{(From.Month <= 6 ? 1 : 2)}",
        PeriodKind.Year => $"{From.Year:D4}",
        PeriodKind.YearToDate => $"ytd-{Iso(To)}",
        _ => $"{Iso(From)}..{Iso(To)}",
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a <see cref="Key"/>; refuses anything else with a Danish message.</summary>
    public static ReportingPeriod Parse(string? key)
    {
        if (TryParse(key, out var period)) return period;
        throw new DomainException("Perioden kunne ikke forstås. Vælg et kvartal, et halvår, et år eller to datoer.");
    }

    public static bool TryParse(string? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportingPeriod? period)
    {
        period = null;
        var k = (key ?? "").Trim();
        try
        {
            if (k.StartsWith("ytd-", StringComparison.Ordinal) && ParseIso(k[4..]) is { } through)
                period = YearToDate(through);
            else if (k.Split("..") is [var a, var b] && ParseIso(a) is { } from && ParseIso(b) is { } to)
                period = Custom(from, to);
            else if (k.Length == 4 && Number(k) is { } y)
                period = ForYear(y);
            else if (k.Length == 7 && k[4] == '-' && Number(k[..4]) is { } year)
            {
                if (k[5] == 'Q' && Number(k[6..]) is { } q) period = ForQuarter(year, q);
                else if (k[5] == 'H' && Number(k[6..]) is { } h) period = ForHalfYear(year, h);
                else if (Number(k[5..]) is { } m) period = ForMonth(year, m);
            }
        }
        catch (DomainException)
        {
            period = null;
        }
        return period is not null;
    }

    private static int? Number(string s) =>
        s.Length > 0 && s.All(char.IsAsciiDigit) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? ParseIso(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static int CheckYear(int year) =>
        year is < MinYear or > MaxYear ? throw new DomainException($"Året skal ligge mellem {MinYear} og {MaxYear}.") : year;

    public override string ToString() => Label;
}
