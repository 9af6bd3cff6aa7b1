using Tilsyn.Calendar;

namespace Tilsyn.Statistics;

/// <summary>
/// Case volumes (<i>sagsmængde</i>) from the extracts: the number of cases opened in each period an
/// extract covers (the KPI cube's quarters, or months). A period's volume is known only when the
/// periods with figures cover it exactly: a year from four quarters or twelve months, a half-year
/// from two quarters; never by guessing a share of a quarter for a month or a custom range. No
/// volume means no rate per 1,000 cases (the counts are still shown).
/// </summary>
public sealed class CaseVolumes
{
    private readonly List<(ReportingPeriod Period, long Cases)> buckets = [];

    /// <summary>No extract: every volume unknown.</summary>
    public static CaseVolumes None => new();

    public CaseVolumes() { }

    public CaseVolumes(IEnumerable<(ReportingPeriod Period, long Cases)> figures)
    {
        foreach (var (period, cases) in figures) Add(period, cases);
    }

    /// <summary>Adds the volume of one period; periods must not overlap (a quarter and one of its months together would count twice).</summary>
    public void Add(ReportingPeriod period, long cases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        if (buckets.Any(b => b.Period.Overlaps(period))) throw new ArgumentException($"The volume for {period.Key} overlaps a period already added.", nameof(period));
        buckets.Add((period, cases));
        buckets.Sort((a, b) => a.Period.From.CompareTo(b.Period.From));
    }

    public bool IsEmpty => buckets.Count == 0;

    /// <summary>
    /// The number of cases in <paramref name="period"/>, or null when the figures do not cover it
    /// exactly: a day without figures, or a figure that reaches outside the period, makes it unknown.
    /// </summary>
    public long? For(ReportingPeriod period)
    {
        long sum = 0;
        var next = period.From;
        foreach (var (p, cases) in buckets)
        {
            if (!p.Overlaps(period)) continue;
            if (!period.Covers(p) || p.From != next) return null;
            sum += cases;
            next = p.To.AddDays(1);
        }
        return next == period.To.AddDays(1) ? sum : null;
    }

    /// <summary>Complaints per 1,000 cases; null without a known, positive volume.</summary>
    public static double? PerThousand(long complaints, long? cases) => cases is > 0 ? complaints * 1000.0 / cases.Value : null;
}
