using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Statistics;

/// <summary>Counts split by where the complaints were handled.</summary>
public sealed record HandledSplit(int Administration, int Advisor)
{
    public int Total => Administration + Advisor;
}

/// <summary>
/// One row of the committee report: complaints in a category (<i>klagekategori</i>) with its legal
/// rule, split by where they were handled. <see cref="Category"/> null is the row of complaints not
/// yet classified.
/// </summary>
public sealed record CategoryFigures(ComplaintCategory? Category, string Name, string? LegalRule, bool IsFormal, HandledSplit Count, double? PerThousand);

/// <summary>
/// Processing times (<i>sagsbehandlingstid</i>) in days of the complaints closed in the period:
/// median and 90th percentile by <see cref="DayHistogram.Quantile"/> (type 7, as everywhere in the statistics).
/// </summary>
public sealed record ProcessingTimes(int Closed, double? Median, double? Percentile90);

/// <summary>
/// A period's complaint figures for one administration: complaints received in the period
/// (each counted once, see <see cref="ComplaintCounting.CountOnce"/>) by category and legal rule and
/// by where handled; complaints per 1,000 cases only where an extract gives the period's volume;
/// processing times of the complaints closed in the period.
/// </summary>
/// <param name="All">Every complaint received in the period.</param>
/// <param name="Formal">The formal complaints (<i>formalitetsklager</i>): those with at least one category resting on a legal rule.</param>
/// <param name="Categories">One row per category that occurs, in the catalogue's order, then "not classified". A complaint with two categories is in two rows, so the rows may add up to more than <paramref name="All"/>.</param>
/// <param name="CaseVolume">Cases in the period from the extracts; null when none covers it.</param>
/// <param name="PerThousand">All complaints per 1,000 cases; null without volume.</param>
/// <param name="FormalPerThousand">Formal complaints per 1,000 cases; null without volume.</param>
public sealed record PeriodFigures(
    ReportingPeriod Period,
    HandledSplit All,
    HandledSplit Formal,
    IReadOnlyList<CategoryFigures> Categories,
    long? CaseVolume,
    double? PerThousand,
    double? FormalPerThousand,
    ProcessingTimes ProcessingTimes,
    ProcessingTimes AdministrationProcessingTimes,
    ProcessingTimes AdvisorProcessingTimes);

/// <summary>
/// The quarterly committee report's figures (<i>kvartalsvis opgørelse over udviklingen i antallet af
/// formalitetsklager</i>, seed 003) for one administration: the chosen period (a quarter, or year to
/// date), the same period a year earlier and the trend over the last eight quarters.
/// </summary>
public sealed record CommitteeReportFigures(int AdministrationId, PeriodFigures Current, PeriodFigures YearEarlier, IReadOnlyList<PeriodFigures> Trend);

/// <summary>Computes <see cref="PeriodFigures"/> and <see cref="CommitteeReportFigures"/> from complaint facts and case volumes.</summary>
public static class ComplaintFigures
{
    /// <summary>The number of quarters in the committee report's trend.</summary>
    public const int TrendQuarters = 8;

    /// <summary>The report for <paramref name="administrationId"/>; facts of other administrations are ignored, <paramref name="volumes"/> are that administration's.</summary>
    public static CommitteeReportFigures CommitteeReport(int administrationId, ReportingPeriod period, IEnumerable<ComplaintFact> facts, CaseVolumes? volumes)
    {
        var counted = OfAdministration(administrationId, facts);
        volumes ??= CaseVolumes.None;
        return new(
            administrationId,
            For(period, counted, volumes),
            For(period.YearEarlier(), counted, volumes),
            period.LastQuarters(TrendQuarters).Select(q => For(q, counted, volumes)).ToList());
    }

    /// <summary>The figures of several periods (e.g. the four quarters of a year for the API).</summary>
    public static IReadOnlyList<PeriodFigures> ForPeriods(int administrationId, IEnumerable<ReportingPeriod> periods, IEnumerable<ComplaintFact> facts, CaseVolumes? volumes)
    {
        var counted = OfAdministration(administrationId, facts);
        return periods.Select(p => For(p, counted, volumes ?? CaseVolumes.None)).ToList();
    }

    /// <summary>
    /// Counts once (<see cref="ComplaintCounting.CountOnce"/>) over all facts given, then keeps the
    /// administration's: a linked entry whose advisor case was classified under another administration
    /// counts there, with the advisor's data.
    /// </summary>
    public static IReadOnlyList<CountedComplaint> OfAdministration(int administrationId, IEnumerable<ComplaintFact> facts) =>
        ComplaintCounting.CountOnce(facts).Where(c => c.Fact.AdministrationId == administrationId).ToList();

    /// <summary>The figures of one period over complaints already counted once.</summary>
    public static PeriodFigures For(ReportingPeriod period, IReadOnlyList<CountedComplaint> counted, CaseVolumes volumes)
    {
        var received = counted.Where(c => period.Contains(c.Fact.Received)).ToList();
        var volume = volumes.For(period);
        var all = Split(received);
        var formal = Split(received.Where(c => c.Fact.IsFormal));

        var rows = new List<CategoryFigures>();
        foreach (var info in ComplaintCategories.All)
        {
            var split = Split(received.Where(c => c.Fact.Categories.Contains(info.Category)));
            if (split.Total > 0) rows.Add(new(info.Category, info.Name, info.LegalRule, info.IsFormal, split, CaseVolumes.PerThousand(split.Total, volume)));
        }
        var unclassified = Split(received.Where(c => c.Fact.Categories.Count == 0));
        if (unclassified.Total > 0) rows.Add(new(null, "Ikke kategoriseret", null, false, unclassified, CaseVolumes.PerThousand(unclassified.Total, volume)));

        var closed = counted.Where(c => c.Fact.Closed is { } d && period.Contains(d)).ToList();
        return new(
            period, all, formal, rows, volume,
            CaseVolumes.PerThousand(all.Total, volume),
            CaseVolumes.PerThousand(formal.Total, volume),
            Times(closed),
            Times(closed.Where(c => c.HandledBy == HandledBy.Administration)),
            Times(closed.Where(c => c.HandledBy == HandledBy.Advisor)));
    }

    /// <summary>
    /// Complaints received in <paramref name="period"/> per unit (<i>enhed</i>) of the administration, each counted once, split by
    /// where handled; key null for complaints without a unit. Per-unit figures are for whom <see cref="StatisticsAccess"/> allows.
    /// </summary>
    public static IReadOnlyList<(int? UnitId, HandledSplit Count)> ByUnit(int administrationId, ReportingPeriod period, IEnumerable<ComplaintFact> facts) =>
        OfAdministration(administrationId, facts).Where(c => period.Contains(c.Fact.Received))
            .GroupBy(c => c.Fact.UnitId).Select(g => (g.Key, Split(g))).OrderBy(x => x.Key is null).ThenByDescending(x => x.Item2.Total).ThenBy(x => x.Key).ToList();

    private static HandledSplit Split(IEnumerable<CountedComplaint> complaints)
    {
        int admin = 0, advisor = 0;
        foreach (var c in complaints)
        {
            if (c.HandledBy == HandledBy.Administration) admin++;
            else advisor++;
        }
        return new(admin, advisor);
    }

    private static ProcessingTimes Times(IEnumerable<CountedComplaint> closed)
    {
        var h = new DayHistogram();
        foreach (var c in closed) h.Add(c.Fact.Days!.Value);
        return new((int)h.Count, h.Median, h.Quantile(0.9));
    }
}
