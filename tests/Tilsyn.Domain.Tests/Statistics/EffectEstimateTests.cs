using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Statistics;

namespace Tilsyn.Tests.Statistics;

public sealed class ExactIntervalsTests
{
    [Fact]
    public void Clopper_Pearson_agrees_with_Rs_binom_test()
    {
        // R: binom.test(2, 10)$conf.int = 0.02521073 0.55609546.
        var (lo, hi) = ExactIntervals.ClopperPearson(2, 10);
        Assert.Equal(0.0252107263, lo, 9);
        Assert.Equal(0.5560954623, hi, 9);
    }

    [Fact]
    public void Clopper_Pearson_has_closed_forms_at_the_edges()
    {
        // k = 0: lower 0, upper solves (1-p)^n = 0.025 -> 1 - 0.025^(1/5) = 1 - 0.4781762 = 0.5218238.
        Assert.Equal((0.0, 1 - Math.Pow(0.025, 1 / 5.0)), ExactIntervals.ClopperPearson(0, 5), new Close(1e-10));
        // k = 1: lower solves 1 - (1-p)^n = 0.025 -> 1 - 0.975^(1/8) = 0.0031597.
        Assert.Equal(1 - Math.Pow(0.975, 1 / 8.0), ExactIntervals.ClopperPearson(1, 8).Lower, 10);
        // k = n: upper 1, lower solves p^n = 0.025 -> 0.025^(1/5) = 0.4781762.
        Assert.Equal((Math.Pow(0.025, 1 / 5.0), 1.0), ExactIntervals.ClopperPearson(5, 5), new Close(1e-10));
        Assert.Equal((0.0, 1.0), ExactIntervals.ClopperPearson(0, 0));
    }

    [Fact]
    public void The_incomplete_beta_function_matches_known_values()
    {
        // I_x(1, 1) = x; I_x(2, 1) = x^2; I_0.5(a, a) = 0.5 by symmetry.
        Assert.Equal(0.3, ExactIntervals.RegularizedBeta(0.3, 1, 1), 12);
        Assert.Equal(0.09, ExactIntervals.RegularizedBeta(0.3, 2, 1), 12);
        Assert.Equal(0.5, ExactIntervals.RegularizedBeta(0.5, 7.5, 7.5), 12);
        // ln Γ(5) = ln 24; ln Γ(0.5) = ln √π.
        Assert.Equal(Math.Log(24), ExactIntervals.LogGamma(5), 12);
        Assert.Equal(0.5 * Math.Log(Math.PI), ExactIntervals.LogGamma(0.5), 12);
    }

    [Fact]
    public void Large_counts_give_the_normal_approximations_interval()
    {
        // 5,000 of 10,000: 0.5 +- 1.96 * sqrt(0.25 / 10,000) = 0.5 +- 0.0098; the exact interval agrees to about 1e-4.
        var (lo, hi) = ExactIntervals.ClopperPearson(5000, 10_000);
        Assert.Equal(0.4902, lo, 3);
        Assert.Equal(0.5098, hi, 3);
        Assert.True(lo < 0.5 && hi > 0.5 && hi - lo < 0.0200);
    }

    private sealed class Close(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < tolerance && Math.Abs(x.Item2 - y.Item2) < tolerance;
        public int GetHashCode((double, double) obj) => 0;
    }
}

public sealed class BeforeAfterTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static readonly ReportingPeriod Before = ReportingPeriod.ForYear(2024), After = ReportingPeriod.ForYear(2025);

    [Fact]
    public void Eight_complaints_before_and_two_after_in_equal_volumes_is_no_clear_change()
    {
        // Rates 8 / 4,000 = 2.0 and 2 / 4,000 = 0.5 per 1,000 cases; ratio 0.25.
        // Given n = 10, a = 2 after; Clopper-Pearson (0.0252107, 0.5560955) (R binom.test(2, 10));
        // R = p / (1 - p) * Eb / Ea = 0.0252107 / 0.9747893 = 0.0258627 and 0.5560955 / 0.4439045 = 1.2527366 (R: poisson.test(c(2, 8), c(4000, 4000))).
        // The interval holds 1 -> "ingen klar ændring".
        var e = BeforeAfter.Compare(new(Before, 8, 4000), new(After, 2, 4000), ExposureKind.Cases);
        Assert.Equal((2.0, 0.5), (e.BeforeRate, e.AfterRate));
        Assert.Equal(0.25, e.Ratio!.Value, 12);
        Assert.Equal(0.0258627, e.Lower!.Value, 6);
        Assert.Equal(1.2527366, e.Upper!.Value, 6);
        Assert.Equal((EffectVerdict.NoClearChange, "ingen klar ændring"), (e.Verdict, e.VerdictText));
    }

    [Fact]
    public void Twelve_in_2000_cases_before_and_three_in_3000_after_is_a_clear_decrease()
    {
        // Rates 12 / 2,000 * 1,000 = 6.0 and 3 / 3,000 * 1,000 = 1.0; ratio 1/6 = 0.1667.
        // n = 15, a = 3: Clopper-Pearson (0.0433120, 0.4808911); Eb / Ea = 2000 / 3000.
        // R: 0.0433120 / 0.9566880 * 2/3 = 0.0301819; 0.4808911 / 0.5191089 * 2/3 = 0.9263782 * 2/3 = 0.6175855 < 1 -> "klart fald".
        var e = BeforeAfter.Compare(new(Before, 12, 2000), new(After, 3, 3000), ExposureKind.Cases);
        Assert.Equal(1 / 6.0, e.Ratio!.Value, 12);
        Assert.Equal(0.0301819, e.Lower!.Value, 6);
        Assert.Equal(0.61758546, e.Upper!.Value, 7);
        Assert.Equal((EffectVerdict.ClearDecrease, "klart fald"), (e.Verdict, e.VerdictText));
    }

    [Fact]
    public void No_complaints_before_and_six_after_is_a_clear_increase_with_no_upper_bound()
    {
        // a = 6, b = 0: p's lower bound solves p^6 = 0.025 -> 0.025^(1/6) = 0.5407; R lower = 0.5407 / 0.4593 = 1.1773 > 1.
        // The ratio itself (6 / 0) and the upper bound are infinite: null.
        var e = BeforeAfter.Compare(new(Before, 0, 365), new(After, 6, 365), ExposureKind.Days);
        var p = Math.Pow(0.025, 1 / 6.0);
        Assert.Equal(p / (1 - p), e.Lower!.Value, 9);
        Assert.Null(e.Upper);
        Assert.Null(e.Ratio);
        Assert.Equal((EffectVerdict.ClearIncrease, "klar stigning"), (e.Verdict, e.VerdictText));
    }

    [Fact]
    public void Five_after_and_none_before_is_still_no_clear_change()
    {
        // 0.025^(1/5) = 0.4782 -> R lower = 0.4782 / 0.5218 = 0.9164 < 1.
        var e = BeforeAfter.Compare(new(Before, 0, 365), new(After, 5, 365), ExposureKind.Days);
        Assert.Equal(0.9163559, e.Lower!.Value, 6);
        Assert.Equal(EffectVerdict.NoClearChange, e.Verdict);
    }

    [Fact]
    public void No_complaints_at_all_is_no_clear_change_without_an_interval()
    {
        var e = BeforeAfter.Compare(new(Before, 0, 1000), new(After, 0, 1000), ExposureKind.Cases);
        Assert.Equal((EffectVerdict.NoClearChange, null, null, null), (e.Verdict, e.Ratio, e.Lower, e.Upper));
        // None after, some before: ratio 0, lower bound 0, upper finite.
        var z = BeforeAfter.Compare(new(Before, 5, 1000), new(After, 0, 1000), ExposureKind.Cases);
        Assert.Equal((0.0, 0.0), (z.Ratio!.Value, z.Lower!.Value));
        // p upper = 1 - 0.025^(1/5) = 0.5218 -> R upper = 0.5218 / 0.4782 = 1.0913 -> no clear change.
        Assert.Equal(1.0912791, z.Upper!.Value, 6);
        Assert.Equal(EffectVerdict.NoClearChange, z.Verdict);
    }

    [Fact]
    public void Day_windows_are_equal_and_end_yesterday()
    {
        // Closed 10.3.2025, today 10.4.2025: after = 11.3.-9.4. (30 days), before = 30 days ending 10.3. = 9.2.-10.3.
        var (before, after) = BeforeAfter.DayWindows(D(2025, 3, 10), D(2025, 4, 10))!.Value;
        Assert.Equal((D(2025, 2, 9), D(2025, 3, 10), 30), (before.From, before.To, before.Days));
        Assert.Equal((D(2025, 3, 11), D(2025, 4, 9), 30), (after.From, after.To, after.Days));
        Assert.Null(BeforeAfter.DayWindows(D(2025, 3, 10), D(2025, 3, 11)));
        Assert.Equal(365, BeforeAfter.DayWindows(D(2023, 1, 1), D(2025, 1, 1))!.Value.After.Days);
    }

    [Fact]
    public void Quarter_windows_leave_out_the_quarter_of_the_change()
    {
        // Closed 10.2.2025 (Q1), today 5.11.2025: Q2 and Q3 have ended -> after Q2-Q3 2025, before Q3-Q4 2024.
        var (before, after) = BeforeAfter.QuarterWindows(D(2025, 2, 10), D(2025, 11, 5))!.Value;
        Assert.Equal((D(2024, 7, 1), D(2024, 12, 31)), (before.From, before.To));
        Assert.Equal((D(2025, 4, 1), D(2025, 9, 30)), (after.From, after.To));
        // Two years on, at most four quarters each side.
        var (b4, a4) = BeforeAfter.QuarterWindows(D(2023, 2, 10), D(2025, 11, 5))!.Value;
        Assert.Equal((D(2022, 1, 1), D(2022, 12, 31)), (b4.From, b4.To));
        Assert.Equal((D(2023, 4, 1), D(2024, 3, 31)), (a4.From, a4.To));
        Assert.Null(BeforeAfter.QuarterWindows(D(2025, 2, 10), D(2025, 3, 31)));
    }

    [Fact]
    public void A_unit_and_category_use_the_extracts_volumes_where_they_cover_the_windows_and_equal_days_otherwise()
    {
        static ComplaintFact F(DateOnly d, int unit = 7, ComplaintCategory c = ComplaintCategory.Hearing) =>
            new($"X-{d:yyyyMMdd}-{unit}-{(int)c}", d, 1, unit, [c], HandledBy.Administration, null, null);
        var counted = ComplaintCounting.CountOnce(
        [
            F(D(2024, 8, 1)), F(D(2024, 9, 1)), F(D(2024, 11, 1)), F(D(2024, 12, 1)),   // Q3-Q4 2024: 4
            F(D(2025, 2, 12)),                                                          // the change quarter: left out
            F(D(2025, 5, 1)),                                                           // Q2-Q3 2025: 1
            F(D(2024, 8, 2), unit: 8), F(D(2024, 8, 3), c: ComplaintCategory.Reasons),  // another unit, another category
        ]);
        var volumes = new CaseVolumes(new[] { (2024, 3), (2024, 4), (2025, 1), (2025, 2), (2025, 3) }.Select(q => (ReportingPeriod.ForQuarter(q.Item1, q.Item2), 500L)));
        // Cases: before 4 / 1,000 cases, after 1 / 1,000 cases -> 4.0 and 1.0 per 1,000.
        var e = BeforeAfter.ForUnit(counted, 7, ComplaintCategory.Hearing, D(2025, 2, 10), D(2025, 11, 5), volumes)!;
        Assert.Equal((ExposureKind.Cases, 4, 1, 4.0, 1.0), (e.Exposure, e.Before.Complaints, e.After.Complaints, e.BeforeRate, e.AfterRate));
        // Without volumes: 267 days each side (after 11.2.-4.11.2025, ending yesterday; before 20.5.2024-10.2.2025): before holds the four, after 12.2. and 1.5.
        var d = BeforeAfter.ForUnit(counted, 7, ComplaintCategory.Hearing, D(2025, 2, 10), D(2025, 11, 5), null)!;
        Assert.Equal((ExposureKind.Days, 4, 2, 267), (d.Exposure, d.Before.Complaints, d.After.Complaints, d.After.Period.Days));
        Assert.Null(BeforeAfter.ForUnit(counted, 7, ComplaintCategory.Hearing, D(2025, 11, 5), D(2025, 11, 5), null));
    }
}
