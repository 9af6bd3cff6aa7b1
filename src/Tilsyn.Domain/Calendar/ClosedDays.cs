using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tilsyn.Calendar;

/// <summary>A day that recurs every year, written <c>--MM-dd</c> (e.g. <c>--12-24</c>).</summary>
public readonly record struct AnnualDay
{
    public AnnualDay(int month, int day)
    {
        if (!IsValid(month, day))
            throw new ArgumentOutOfRangeException(nameof(day), $"--{month:00}-{day:00} er ikke en gyldig dag i året.");
        Month = month;
        Day = day;
    }

    // Checked against a leap year so that --02-29 is allowed; it then applies in leap years only.
    internal static bool IsValid(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);

    public int Month { get; }
    public int Day { get; }

    public bool Matches(DateOnly date) => date.Month == Month && date.Day == Day;

    public override string ToString() => $"--{Month:00}-{Day:00}";
}

/// <summary>The result of <see cref="ClosedDays.Parse"/>: the configuration, or Danish messages naming each bad entry.</summary>
public sealed record ClosedDaysParseResult(ClosedDays? ClosedDays, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(ClosedDays))]
    public bool IsValid => ClosedDays is not null;
}

/// <summary>
/// The municipality's own closing days (<i>lukkedage</i>) on top of the statutory holidays, e.g.
/// Constitution Day, Christmas Eve, New Year's Eve or a bridge day. They are not holidays under
/// <i>helligdagsloven</i>, so each municipality decides them and they come from configuration.
/// <para>
/// Text format, one entry per day (ISO 8601):
/// <list type="bullet">
/// <item><c>--MM-dd</c>: every year on that day, e.g. <c>--06-05</c>, <c>--12-24</c>, <c>--12-31</c>
/// (<c>--02-29</c> applies in leap years only);</item>
/// <item><c>yyyy-MM-dd</c>: that single date, e.g. the bridge day <c>2026-05-15</c>.</item>
/// </list>
/// Surrounding spaces are ignored, blank entries are skipped; anything else is an error.
/// </para>
/// </summary>
public sealed partial class ClosedDays
{
    private readonly HashSet<AnnualDay> _everyYear;
    private readonly HashSet<DateOnly> _singleDates;

    public ClosedDays(IEnumerable<AnnualDay> everyYear, IEnumerable<DateOnly> singleDates)
    {
        _everyYear = [.. everyYear];
        _singleDates = [.. singleDates];
    }

    /// <summary>No closing days beyond the statutory holidays.</summary>
    public static ClosedDays None { get; } = new([], []);

    /// <summary>Typical municipal closing days: Constitution Day (5 June), Christmas Eve and New Year's Eve.</summary>
    public static ClosedDays CopenhagenDefault { get; } = new([new(6, 5), new(12, 24), new(12, 31)], []);

    public IReadOnlyCollection<AnnualDay> EveryYear => _everyYear;
    public IReadOnlyCollection<DateOnly> SingleDates => _singleDates;

    public bool IsClosed(DateOnly date) => _singleDates.Contains(date) || _everyYear.Contains(new AnnualDay(date.Month, date.Day));

    /// <summary>The entries in the text format above, every-year days first, each list in date order.</summary>
    public IEnumerable<string> ToEntries() =>
        _everyYear.OrderBy(d => (d.Month, d.Day)).Select(d => d.ToString())
            .Concat(_singleDates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>Reads entries in the text format above. Returns the configuration only if every entry is valid.</summary>
    public static ClosedDaysParseResult Parse(IEnumerable<string?> entries)
    {
        var everyYear = new List<AnnualDay>();
        var singleDates = new List<DateOnly>();
        var errors = new List<string>();
        foreach (var raw in entries)
        {
            var entry = (raw ?? "").Trim();
            if (entry.Length == 0) continue;
            if (TryParseAnnual(entry, out var annual))
                everyYear.Add(annual);
            else if (DateOnly.TryParseExact(entry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                singleDates.Add(date);
            else
                errors.Add($"'{entry}' er ikke en gyldig dato (brug --MM-dd eller yyyy-MM-dd).");
        }
        return errors.Count == 0 ? new(new ClosedDays(everyYear, singleDates), []) : new(null, errors);
    }

    private static bool TryParseAnnual(string entry, out AnnualDay annual)
    {
        annual = default;
        var m = AnnualPattern().Match(entry);
        if (!m.Success) return false;
        int month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (!AnnualDay.IsValid(month, day)) return false;
        annual = new AnnualDay(month, day);
        return true;
    }

    [GeneratedRegex("^--([0-9]{2})-([0-9]{2})$")]
    private static partial Regex AnnualPattern();
}
