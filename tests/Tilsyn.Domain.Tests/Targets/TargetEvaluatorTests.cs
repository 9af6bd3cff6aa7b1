using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Statistics;
using Tilsyn.Targets;

namespace Tilsyn.Tests.Targets;

public sealed class TargetEvaluatorTests
{
    private const int Bif = 2;
    private static readonly DateOnly Decided = new(2016, 9, 1);
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static ComplaintTarget PerThousandCeiling(double limit) =>
        ComplaintTarget.Ceiling(Bif, TargetArea.Kle("32.18"), TargetMeasure.PerThousandCases, limit, Decided, "Beskæftigelses- og Integrationsudvalget", Today);

    /// <summary>BIF's result contract: reduce formal complaints by 20 % from 2016 (seed 003).</summary>
    private static ComplaintTarget CountReduction() =>
        ComplaintTarget.Reduction(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 2016, 20, Decided, "Beskæftigelses- og Integrationsudvalget", Today);

    [Fact]
    public void A_per_thousand_ceiling_is_met_at_or_below_the_limit()
    {
        // 12 complaints / 1,500 cases * 1,000 = 8.0 <= 10 -> met. 16 / 1,500 * 1,000 = 10.67 > 10 -> not met.
        var year = ReportingPeriod.ForYear(2025);
        var met = TargetEvaluator.Evaluate(PerThousandCeiling(10), year, Today, new AreaFigures(12, 1500), null);
        Assert.Equal((TargetOutcome.Met, 8.0, 10.0, false), (met.Outcome, met.Actual!.Value, met.Allowed!.Value, met.Provisional));
        Assert.Equal("8 klager pr. 1.000 sager mod højst 10.", met.Explanation);
        Assert.Equal(TargetOutcome.NotMet, TargetEvaluator.Evaluate(PerThousandCeiling(10), year, Today, new AreaFigures(16, 1500), null).Outcome);
        // Exactly at the limit: 15 / 1,500 * 1,000 = 10 -> met.
        Assert.Equal(TargetOutcome.Met, TargetEvaluator.Evaluate(PerThousandCeiling(10), year, Today, new AreaFigures(15, 1500), null).Outcome);
    }

    [Fact]
    public void A_per_thousand_target_without_case_volume_cannot_be_measured_never_met()
    {
        var r = TargetEvaluator.Evaluate(PerThousandCeiling(10), ReportingPeriod.ForYear(2025), Today, new AreaFigures(0, null), null);
        Assert.Equal(TargetOutcome.CannotBeMeasured, r.Outcome);
        Assert.Contains("sagsmængde", r.Explanation);
        Assert.Equal(TargetOutcome.CannotBeMeasured, TargetEvaluator.Evaluate(PerThousandCeiling(10), ReportingPeriod.ForYear(2025), Today, new AreaFigures(0, 0), null).Outcome);
        Assert.Equal(TargetOutcome.CannotBeMeasured, TargetEvaluator.Evaluate(PerThousandCeiling(10), ReportingPeriod.ForYear(2025), Today, null, null).Outcome);
    }

    [Fact]
    public void A_count_reduction_from_a_baseline_year_is_prorated_for_shorter_periods()
    {
        // 2016: 150 formal complaints; -20 % -> at most 150 * 0.8 = 120 a year.
        var baseline = new AreaFigures(150, null);
        var t = CountReduction();
        var year = TargetEvaluator.Evaluate(t, ReportingPeriod.ForYear(2025), Today, new AreaFigures(118, null), baseline);
        Assert.Equal((TargetOutcome.Met, 120.0, 150.0), (year.Outcome, year.Allowed!.Value, year.Baseline!.Value));
        // First half of 2025: 1.1.-30.6. = 181 days of 365 -> 120 * 181 / 365 = 59.507; 61 complaints -> not met.
        var half = TargetEvaluator.Evaluate(t, ReportingPeriod.ForHalfYear(2025, 1), Today, new AreaFigures(61, null), baseline);
        Assert.Equal(TargetOutcome.NotMet, half.Outcome);
        Assert.Equal(120.0 * 181 / 365, half.Allowed!.Value, 10);
        // Q1 of the leap year 2024: 91 days of 366 -> 120 * 91 / 366 = 29.836; 29 complaints -> met.
        var q = TargetEvaluator.Evaluate(t, ReportingPeriod.ForQuarter(2024, 1), Today, new AreaFigures(29, null), baseline);
        Assert.Equal(TargetOutcome.Met, q.Outcome);
        Assert.Equal(120.0 * 91 / 366, q.Allowed!.Value, 10);
    }

    [Fact]
    public void A_per_thousand_reduction_compares_with_the_baseline_rate()
    {
        // 2016: 150 / 30,000 * 1,000 = 5.0 per 1,000; -20 % -> 4.0. 2025: 110 / 25,000 * 1,000 = 4.4 > 4.0 -> not met.
        var t = ComplaintTarget.Reduction(Bif, TargetArea.ForCaseType("Sygedagpenge"), TargetMeasure.PerThousandCases, 2016, 20, Decided, "BIU", Today);
        var r = TargetEvaluator.Evaluate(t, ReportingPeriod.ForYear(2025), Today, new AreaFigures(110, 25_000), new AreaFigures(150, 30_000));
        Assert.Equal((TargetOutcome.NotMet, 5.0), (r.Outcome, r.Baseline!.Value));
        Assert.Equal(4.4, r.Actual!.Value, 10);
        Assert.Equal(4.0, r.Allowed!.Value, 10);
        // 2016 without volume: the rate cannot be compared.
        Assert.Equal(TargetOutcome.CannotBeMeasured, TargetEvaluator.Evaluate(t, ReportingPeriod.ForYear(2025), Today, new AreaFigures(110, 25_000), new AreaFigures(150, null)).Outcome);
    }

    [Fact]
    public void Without_baseline_data_a_reduction_cannot_be_measured()
    {
        var r = TargetEvaluator.Evaluate(CountReduction(), ReportingPeriod.ForYear(2025), Today, new AreaFigures(10, null), null);
        Assert.Equal(TargetOutcome.CannotBeMeasured, r.Outcome);
        Assert.Contains("2016", r.Explanation);
    }

    [Fact]
    public void A_period_not_begun_cannot_be_measured_and_one_under_way_is_provisional_and_prorated_to_today()
    {
        var t = CountReduction();
        var baseline = new AreaFigures(150, null);
        Assert.Equal(TargetOutcome.CannotBeMeasured, TargetEvaluator.Evaluate(t, ReportingPeriod.ForYear(2027), Today, new AreaFigures(0, null), baseline).Outcome);
        // On 31.3.2025, 1.1.-31.3. = 90 days of 365 have run: 120 * 90 / 365 = 29.589; 25 so far -> met, provisional.
        var r = TargetEvaluator.Evaluate(t, ReportingPeriod.ForYear(2025), new DateOnly(2025, 3, 31), new AreaFigures(25, null), baseline);
        Assert.Equal((TargetOutcome.Met, true), (r.Outcome, r.Provisional));
        Assert.Equal(120.0 * 90 / 365, r.Allowed!.Value, 10);
    }

    [Fact]
    public void A_reasoned_no_target_decision_is_reported_with_its_reason_and_not_as_a_status()
    {
        // BUF (seed 004): the right to complain is a legal safeguard that targets should not limit.
        var t = ComplaintTarget.NoTarget(1, TargetArea.Kle("27.24"), "Klagemuligheden er en retssikkerhedsgaranti, som ikke bør begrænses af måltal.", new DateOnly(2016, 11, 30), "Børne- og Ungdomsudvalget", Today);
        var r = TargetEvaluator.Evaluate(t, ReportingPeriod.ForYear(2025), Today, new AreaFigures(3, 100), null);
        Assert.Equal(TargetOutcome.NoTarget, r.Outcome);
        Assert.StartsWith("Intet måltal: Klagemuligheden", t.Describe());
        Assert.Equal("Intet måltal", r.OutcomeName);
        Assert.Throws<DomainException>(() => ComplaintTarget.NoTarget(1, TargetArea.Kle("27.24"), "  ", new DateOnly(2016, 11, 30), "BUU", Today));
    }

    [Fact]
    public void Targets_are_described_in_Danish()
    {
        Assert.Equal("Højst 10 formalitetsklager pr. 1.000 sager", PerThousandCeiling(10).Describe());
        Assert.Equal("Nedbring antallet af formalitetsklager med 20 % i forhold til 2016", CountReduction().Describe());
        Assert.Equal("Højst 2,5 klager om året",
            ComplaintTarget.Ceiling(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 2.5, Decided, "BIU", Today, formalOnly: false).Describe());
    }

    [Fact]
    public void Impossible_targets_are_refused()
    {
        Assert.Throws<DomainException>(() => ComplaintTarget.Reduction(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 2016, 0, Decided, "BIU", Today));
        Assert.Throws<DomainException>(() => ComplaintTarget.Reduction(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 2016, 101, Decided, "BIU", Today));
        Assert.Throws<DomainException>(() => ComplaintTarget.Reduction(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 2017, 20, Decided, "BIU", Today));
        Assert.Throws<DomainException>(() => ComplaintTarget.Ceiling(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, -1, Decided, "BIU", Today));
        Assert.Throws<DomainException>(() => ComplaintTarget.Ceiling(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, double.NaN, Decided, "BIU", Today));
        Assert.Throws<DomainException>(() => ComplaintTarget.Ceiling(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 5, Today.AddDays(1), "BIU", Today));
        Assert.Throws<DomainException>(() => ComplaintTarget.Ceiling(Bif, TargetArea.WholeAdministration, TargetMeasure.Count, 5, Decided, "", Today));
        Assert.Throws<DomainException>(() => TargetArea.Kle("32.1"));
    }

    [Fact]
    public void A_result_contract_year_has_monthly_cumulative_half_year_and_annual_status()
    {
        // At most 120 a year from the 2016 baseline; 10 complaints in each month January-July 2025, none so far in August (today 15.8.2025).
        var today = new DateOnly(2025, 8, 15);
        var t = CountReduction();
        AreaFigures? Figures(ReportingPeriod p) => p.From.Year == 2016
            ? new AreaFigures(150, null)
            : new AreaFigures(p.Months().Count(m => m.To < today) * 10, null);
        var s = TargetEvaluator.ForYear(t, 2025, today, Figures);

        // January alone: 10 <= 120 * 31 / 365 = 10.19 -> met. February: 10 > 120 * 28 / 365 = 9.21 -> not met.
        Assert.Equal(TargetOutcome.Met, s.Months[0].Outcome);
        Assert.Equal(TargetOutcome.NotMet, s.Months[1].Outcome);
        // September has not begun.
        Assert.Equal(TargetOutcome.CannotBeMeasured, s.Months[8].Outcome);
        // Year to date through February: 20 <= 120 * 59 / 365 = 19.40? No: 20 > 19.40 -> not met.
        Assert.Equal(TargetOutcome.NotMet, s.YearToDateByMonth[1].Outcome);
        // First half: 60 > 120 * 181 / 365 = 59.51 -> not met; second half under way (provisional): 10 (July) <= 120 * 46 / 365 = 15.12 -> met.
        Assert.Equal(TargetOutcome.NotMet, s.HalfYears[0].Outcome);
        Assert.Equal((TargetOutcome.Met, true), (s.HalfYears[1].Outcome, s.HalfYears[1].Provisional));
        Assert.Equal(120.0 * 46 / 365, s.HalfYears[1].Allowed!.Value, 10);
        // The year so far: 70 complaints against 120 * 227 / 365 = 74.63 -> met, provisional.
        Assert.Equal((TargetOutcome.Met, 70.0), (s.Year.Outcome, s.Year.Actual!.Value));
        Assert.Equal(120.0 * 227 / 365, s.Year.Allowed!.Value, 10);
    }

    [Fact]
    public void A_KLE_area_holds_its_subjects_and_a_unit_area_its_descendants()
    {
        var kle = TargetArea.Kle("32.18");
        Assert.True(kle.Matches("32.18", null, null));
        Assert.True(kle.Matches("32.18.08", null, null));
        Assert.False(kle.Matches("32.19.01", null, null));
        Assert.False(kle.Matches(null, null, null));
        Assert.True(TargetArea.Kle("32").Matches("32.18.08", null, null));
        Assert.True(TargetArea.ForCaseType("Sygedagpenge").Matches(null, " sygedagpenge ", null));
        var unit = TargetArea.ForUnit(5, "Jobcenter Nord");
        Assert.True(unit.Matches(null, null, 7, new HashSet<int> { 5, 7 }));
        Assert.False(unit.Matches(null, null, 8, new HashSet<int> { 5, 7 }));
        Assert.Equal(["KLE 32.18", "Sagstype: Sygedagpenge", "Jobcenter Nord", "Hele forvaltningen"],
            new[] { kle, TargetArea.ForCaseType("Sygedagpenge"), unit, TargetArea.WholeAdministration }.Select(a => a.Label));
    }

    [Fact]
    public void The_year_fraction_counts_each_year_by_its_own_length()
    {
        // 1.12.2024-31.1.2025: 31 days of 366 + 31 days of 365.
        Assert.Equal(31 / 366.0 + 31 / 365.0, TargetEvaluator.YearFraction(new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 31)), 12);
        Assert.Equal(1.0, TargetEvaluator.YearFraction(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), 12);
    }
}

public sealed class TargetComplaintCountTests
{
    [Fact]
    public void A_target_counts_its_administrations_formal_complaints_in_its_area_including_those_to_the_advisor_once()
    {
        static ComplaintFact F(string no, string kle, ComplaintCategory c, HandledBy by = HandledBy.Administration, string? link = null, int admin = 2) =>
            new(no, new DateOnly(2025, 2, 1), admin, 3, [c], by, link, null, KleCode: kle);
        var counted = ComplaintCounting.CountOnce(
        [
            F("BIF-1", "32.18.08", ComplaintCategory.Hearing),                                   // counts
            F("2025-0000100", "32.18.02", ComplaintCategory.Reasons, HandledBy.Advisor),         // counts (the advisor's)
            F("BIF-2", "32.18.02", ComplaintCategory.Reasons, link: "2025-0000100"),             // the same complaint: not again
            F("BIF-3", "32.18.08", ComplaintCategory.StaffConduct),                              // service complaint: not formal
            F("BIF-4", "32.19.01", ComplaintCategory.Hearing),                                   // another KLE group
            F("SOF-1", "32.18.08", ComplaintCategory.Hearing, admin: 9),                         // another administration
        ]);
        var target = ComplaintTarget.Ceiling(2, TargetArea.Kle("32.18"), TargetMeasure.Count, 10, new DateOnly(2024, 1, 1), "BIU", new DateOnly(2025, 1, 1));
        Assert.Equal(2, TargetEvaluator.CountComplaints(target, counted, ReportingPeriod.ForQuarter(2025, 1)));
        Assert.Equal(0, TargetEvaluator.CountComplaints(target, counted, ReportingPeriod.ForQuarter(2025, 2)));
        var all = ComplaintTarget.Ceiling(2, TargetArea.Kle("32.18"), TargetMeasure.Count, 10, new DateOnly(2024, 1, 1), "BIU", new DateOnly(2025, 1, 1), formalOnly: false);
        Assert.Equal(3, TargetEvaluator.CountComplaints(all, counted, ReportingPeriod.ForQuarter(2025, 1)));
    }
}
