using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Statistics;

namespace Tilsyn.Tests.Statistics;

public sealed class ComplaintFiguresTests
{
    private const int Buf = 1, Sof = 2;

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ComplaintFact Own(string no, DateOnly received, ComplaintCategory[] cats, DateOnly? closed = null, int admin = Buf, int? days = null) =>
        new(no, received, admin, 10, cats, HandledBy.Administration, null, closed, days);

    private static ComplaintFact Advisor(string no, DateOnly received, ComplaintCategory[] cats, DateOnly? closed = null, int admin = Buf) =>
        new(no, received, admin, 10, cats, HandledBy.Advisor, null, closed);

    private static ComplaintFact Linked(string no, string advisorCase, DateOnly received, ComplaintCategory[] cats, DateOnly? closed = null, int? days = null) =>
        new(no, received, Buf, 10, cats, HandledBy.Administration, advisorCase, closed, days);

    /// <summary>BUF's register and the advisor's cases about BUF; one SOF case that must not show.</summary>
    private static List<ComplaintFact> Scenario() =>
    [
        // Q1 2025
        Own("BUF-1", D(2025, 1, 10), [ComplaintCategory.Hearing], D(2025, 1, 20)),                                   // 10 days
        Own("BUF-2", D(2025, 2, 5), [ComplaintCategory.Reasons, ComplaintCategory.AppealGuidance], D(2025, 3, 12)),  // 35 days
        Own("BUF-3", D(2025, 3, 30), [ComplaintCategory.ServiceLevel]),                                              // service, open
        Advisor("2025-0000100", D(2025, 2, 1), [ComplaintCategory.Hearing], D(2025, 3, 3)),                          // 30 days
        Linked("BUF-4", "2025-0000100", D(2025, 2, 3), [ComplaintCategory.Hearing]),                                 // same complaint as the advisor's
        Linked("BUF-5", "2025-0000200", D(2025, 3, 15), [ComplaintCategory.NoAnswer], D(2025, 3, 25), days: 12),     // advisor case not given: counts as the advisor's
        Own("SOF-1", D(2025, 1, 12), [ComplaintCategory.Hearing], admin: Sof),
        Own("BUF-6", D(2025, 4, 2), [ComplaintCategory.Hearing]),                                                    // Q2: outside
        // Q1 2024
        Own("BUF-7", D(2024, 1, 15), [ComplaintCategory.Hearing]),
        Own("BUF-8", D(2024, 2, 20), [ComplaintCategory.NoAnswer]),
        Advisor("2024-0000300", D(2024, 3, 10), [ComplaintCategory.ProcessingTime]),
        // Q3 2023 (in the trend) and Q1 2023 (before it)
        Own("BUF-9", D(2023, 7, 1), [ComplaintCategory.Hearing]),
        Own("BUF-10", D(2023, 3, 31), [ComplaintCategory.Hearing]),
    ];

    private static CaseVolumes Volumes() => new([(ReportingPeriod.ForQuarter(2025, 1), 2000L), (ReportingPeriod.ForQuarter(2024, 1), 1600L)]);

    [Fact]
    public void A_quarter_counts_each_complaint_once_split_by_where_it_was_handled()
    {
        // Q1 2025 for BUF: BUF-1, BUF-2, BUF-3 (administration) + 2025-0000100 and BUF-5 (advisor) = 5.
        // BUF-4 is the advisor's 2025-0000100 registered in BUF's register: not counted again. SOF-1 is SOF's.
        var r = ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2025, 1), Scenario(), Volumes());
        Assert.Equal(new HandledSplit(3, 2), r.Current.All);
        // Formal: all but BUF-3 (service level): administration 2, advisor 2.
        Assert.Equal(new HandledSplit(2, 2), r.Current.Formal);
    }

    [Fact]
    public void Complaints_per_unit_are_counted_once_and_split_by_where_handled()
    {
        // Q1 2025, BUF, every fact at unit 10 except one own case without a unit:
        // unit 10: BUF-1, BUF-2, BUF-3 (administration) + 2025-0000100 (BUF-4 is the same complaint) and BUF-5 (advisor) = 3 / 2.
        // No unit: BUF-11 (administration). SOF-1 is SOF's.
        var facts = Scenario();
        facts.Add(new ComplaintFact("BUF-11", D(2025, 1, 20), Buf, null, [ComplaintCategory.Other], HandledBy.Administration, null, null));
        var rows = ComplaintFigures.ByUnit(Buf, ReportingPeriod.ForQuarter(2025, 1), facts);
        Assert.Equal([(10, new HandledSplit(3, 2)), (null, new HandledSplit(1, 0))], rows);
    }

    [Fact]
    public void Categories_carry_their_legal_rule_in_the_catalogue_order()
    {
        // NoAnswer: BUF-5 (advisor). Hearing: BUF-1 (adm.) + 2025-0000100 (advisor). Reasons and AppealGuidance: BUF-2 (adm.).
        // ServiceLevel: BUF-3 (adm.). Per 1,000 of 2,000 cases: Hearing 2 -> 1.0, the others 1 -> 0.5.
        var rows = ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2025, 1), Scenario(), Volumes()).Current.Categories;
        Assert.Equal(
            [
                (ComplaintCategory.NoAnswer, 0, 1, 0.5),
                (ComplaintCategory.Hearing, 1, 1, 1.0),
                (ComplaintCategory.Reasons, 1, 0, 0.5),
                (ComplaintCategory.AppealGuidance, 1, 0, 0.5),
                (ComplaintCategory.ServiceLevel, 1, 0, 0.5),
            ],
            rows.Select(r => (r.Category!.Value, r.Count.Administration, r.Count.Advisor, r.PerThousand!.Value)));
        var hearing = rows.Single(r => r.Category == ComplaintCategory.Hearing);
        Assert.Equal(("Partshøring", "Forvaltningsloven § 19", true), (hearing.Name, hearing.LegalRule, hearing.IsFormal));
        Assert.False(rows.Single(r => r.Category == ComplaintCategory.ServiceLevel).IsFormal);
    }

    [Fact]
    public void Rates_per_thousand_cases_use_the_extract_and_the_year_earlier_quarter_is_beside_it()
    {
        // Q1 2025: 5 complaints / 2,000 cases * 1,000 = 2.5; formal 4 / 2,000 * 1,000 = 2.0.
        // Q1 2024: BUF-7, BUF-8 (adm.) + 2024-0000300 (advisor) = 3; 3 / 1,600 * 1,000 = 1.875.
        var r = ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2025, 1), Scenario(), Volumes());
        Assert.Equal((2000L, 2.5, 2.0), (r.Current.CaseVolume!.Value, r.Current.PerThousand!.Value, r.Current.FormalPerThousand!.Value));
        Assert.Equal(ReportingPeriod.ForQuarter(2024, 1), r.YearEarlier.Period);
        Assert.Equal(new HandledSplit(2, 1), r.YearEarlier.All);
        Assert.Equal(1.875, r.YearEarlier.PerThousand);
    }

    [Fact]
    public void Without_an_extract_the_counts_are_still_there_but_no_rate()
    {
        var r = ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2025, 1), Scenario(), null);
        Assert.Equal(5, r.Current.All.Total);
        Assert.Null(r.Current.CaseVolume);
        Assert.Null(r.Current.PerThousand);
        Assert.All(r.Current.Categories, c => Assert.Null(c.PerThousand));
    }

    [Fact]
    public void The_trend_is_the_eight_quarters_ending_with_the_period()
    {
        // Q2 2023 .. Q1 2025: Q3 2023 has BUF-9; Q1 2024 has 3; Q1 2025 has 5; BUF-10 (Q1 2023) is before the trend.
        var r = ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2025, 1), Scenario(), Volumes());
        Assert.Equal([0, 1, 0, 3, 0, 0, 0, 5], r.Trend.Select(t => t.All.Total));
        Assert.Equal("2. kvt. 2023", r.Trend[0].Period.Label);
        Assert.Null(r.Trend[1].PerThousand);
        Assert.Equal(2.5, r.Trend[7].PerThousand);
    }

    [Fact]
    public void Processing_time_median_and_90th_percentile_are_of_the_complaints_closed_in_the_period()
    {
        // Closed in Q1 2025: BUF-1 10, BUF-2 35 (5.2.-12.3.2025), 2025-0000100 30 (1.2.-3.3.2025), BUF-5 12 (as registered).
        // All, sorted 10 12 30 35 (n = 4): median h = 1.5 -> 12 + 0.5*18 = 21; p90 h = 2.7 -> 30 + 0.7*5 = 33.5.
        // Administration 10 35: median h = 0.5 -> 22.5; p90 h = 0.9 -> 10 + 0.9*25 = 32.5.
        // Advisor 12 30: median 21; p90 12 + 0.9*18 = 28.2.
        var f = ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2025, 1), Scenario(), Volumes()).Current;
        Assert.Equal(4, f.ProcessingTimes.Closed);
        Assert.Equal(21, f.ProcessingTimes.Median);
        Assert.Equal(33.5, f.ProcessingTimes.Percentile90!.Value, 10);
        Assert.Equal(22.5, f.AdministrationProcessingTimes.Median);
        Assert.Equal(32.5, f.AdministrationProcessingTimes.Percentile90!.Value, 10);
        Assert.Equal(28.2, f.AdvisorProcessingTimes.Percentile90!.Value, 10);
        Assert.Equal(new ProcessingTimes(0, null, null), ComplaintFigures.CommitteeReport(Buf, ReportingPeriod.ForQuarter(2024, 1), Scenario(), null).Current.ProcessingTimes);
    }

    [Fact]
    public void Another_administrations_report_shows_none_of_BUFs_complaints()
    {
        var r = ComplaintFigures.CommitteeReport(Sof, ReportingPeriod.ForQuarter(2025, 1), Scenario(), null);
        Assert.Equal(new HandledSplit(1, 0), r.Current.All);
    }

    [Fact]
    public void A_linked_entry_counts_once_even_when_registered_twice_and_the_advisors_data_wins()
    {
        List<ComplaintFact> facts =
        [
            Linked("BUF-1", "2025-0000500", D(2025, 1, 5), [ComplaintCategory.Hearing]),
            Linked("BUF-2", "2025-0000500", D(2025, 1, 6), [ComplaintCategory.Hearing]),
            Linked("BUF-3", "2025-0000600", D(2025, 1, 7), [ComplaintCategory.Reasons]),
            Advisor("2025-0000600", D(2025, 1, 2), [ComplaintCategory.Guidance]),
            Own("BUF-4", D(2025, 1, 8), []),
            Own("BUF-4", D(2025, 1, 8), []),
        ];
        var counted = ComplaintCounting.CountOnce(facts);
        Assert.Equal(3, counted.Count);
        Assert.Equal(2, counted.Count(c => c.HandledBy == HandledBy.Advisor));
        // The advisor's own categories (Guidance), not the linked entry's (Reasons).
        Assert.Contains(counted, c => c.Fact.CaseNumber == "2025-0000600" && c.Fact.Categories.SequenceEqual([ComplaintCategory.Guidance]));
        var f = ComplaintFigures.For(ReportingPeriod.ForMonth(2025, 1), counted, CaseVolumes.None);
        Assert.Equal("Ikke kategoriseret", f.Categories[^1].Name);
        Assert.Null(f.Categories[^1].Category);
    }

    [Fact]
    public void The_API_gets_the_four_quarters_of_a_year()
    {
        var quarters = Enumerable.Range(1, 4).Select(q => ReportingPeriod.ForQuarter(2025, q));
        var figures = ComplaintFigures.ForPeriods(Buf, quarters, Scenario(), Volumes());
        Assert.Equal([5, 1, 0, 0], figures.Select(f => f.All.Total));
        Assert.Equal([2.5, null, null, null], figures.Select(f => f.PerThousand));
    }
}

public sealed class CaseVolumesTests
{
    private static readonly CaseVolumes Quarters = new(
        Enumerable.Range(1, 4).Select(q => (ReportingPeriod.ForQuarter(2025, q), 1000L * q)));

    [Fact]
    public void A_year_and_a_half_year_add_up_their_quarters()
    {
        // 1000 + 2000 + 3000 + 4000 = 10,000; first half 1000 + 2000 = 3000.
        Assert.Equal(10_000, Quarters.For(ReportingPeriod.ForYear(2025)));
        Assert.Equal(3000, Quarters.For(ReportingPeriod.ForHalfYear(2025, 1)));
        Assert.Equal(3000, Quarters.For(ReportingPeriod.YearToDate(new DateOnly(2025, 6, 30))));
    }

    [Fact]
    public void A_period_the_figures_do_not_cover_exactly_has_no_volume()
    {
        Assert.Null(Quarters.For(ReportingPeriod.ForMonth(2025, 1)));
        Assert.Null(Quarters.For(ReportingPeriod.YearToDate(new DateOnly(2025, 3, 15))));
        Assert.Null(Quarters.For(ReportingPeriod.ForYear(2024)));
        var gap = new CaseVolumes([(ReportingPeriod.ForQuarter(2025, 1), 10L), (ReportingPeriod.ForQuarter(2025, 3), 10L)]);
        Assert.Null(gap.For(ReportingPeriod.ForYear(2025)));
        Assert.Null(CaseVolumes.PerThousand(3, 0));
    }

    [Fact]
    public void Overlapping_figures_are_refused()
    {
        var v = new CaseVolumes([(ReportingPeriod.ForQuarter(2025, 1), 10L)]);
        Assert.Throws<ArgumentException>(() => v.Add(ReportingPeriod.ForMonth(2025, 2), 5));
    }

    [Fact]
    public void Months_give_a_quarter_and_a_month()
    {
        var v = new CaseVolumes(Enumerable.Range(1, 3).Select(m => (ReportingPeriod.ForMonth(2025, m), 100L)));
        Assert.Equal(300, v.For(ReportingPeriod.ForQuarter(2025, 1)));
        Assert.Equal(100, v.For(ReportingPeriod.ForMonth(2025, 2)));
    }

    [Fact]
    public void A_cube_quarter_is_the_same_reporting_period()
    {
        Assert.Equal(ReportingPeriod.ForQuarter(2025, 3), new Quarter(2025, 3).Period);
        var v = new CaseVolumes(new[] { new Quarter(2024, 4), new Quarter(2025, 1) }.Select(q => (q.Period, 250L)));
        Assert.Equal(500, v.For(ReportingPeriod.Custom(new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 31))));
    }

    [Fact]
    public void The_cube_answers_a_period_only_when_it_is_made_of_whole_quarters()
    {
        Assert.Equal((new Quarter(2025, 1), new Quarter(2025, 2)), Quarter.Spanning(ReportingPeriod.ForHalfYear(2025, 1)));
        Assert.Equal((new Quarter(2024, 4), new Quarter(2025, 1)), Quarter.Spanning(ReportingPeriod.Custom(new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 31))));
        Assert.Equal((new Quarter(2025, 1), new Quarter(2025, 1)), Quarter.Spanning(ReportingPeriod.YearToDate(new DateOnly(2025, 3, 31))));
        Assert.Null(Quarter.Spanning(ReportingPeriod.ForMonth(2025, 1)));
        Assert.Null(Quarter.Spanning(ReportingPeriod.YearToDate(new DateOnly(2025, 3, 15))));
    }

    [Fact]
    public void A_processing_time_is_never_negative()
    {
        var f = new ComplaintFact("X", new DateOnly(2025, 1, 10), 1, null, [], HandledBy.Administration, null, new DateOnly(2025, 1, 5));
        Assert.Equal(0, f.Days);
        Assert.Equal(0, (f with { ProcessingDays = -3 }).Days);
        Assert.Null((f with { Closed = null }).Days);
    }
}
