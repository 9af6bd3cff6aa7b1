using Tilsyn.Statistics;

namespace Tilsyn.Tests.Statistics;

public sealed class DayHistogramTests
{
    private static DayHistogram Of(params int[] days)
    {
        var h = new DayHistogram();
        foreach (var d in days) h.Add(d);
        return h;
    }

    [Fact]
    public void Median_and_p90_follow_the_type_7_definition()
    {
        // Sorted 1, 2, 3, 4, 10 (n = 5). Median: h = 4 * 0.5 = 2 -> x[2] = 3.
        // p90: h = 4 * 0.9 = 3.6 -> x[3] + 0.6 * (x[4] - x[3]) = 4 + 0.6 * 6 = 7.6.
        var h = Of(10, 3, 1, 4, 2);
        Assert.Equal(3, h.Median);
        Assert.Equal(7.6, h.Quantile(0.9)!.Value, 10);
    }

    [Fact]
    public void An_even_count_interpolates_the_median()
    {
        // 1, 2, 3, 4: h = 3 * 0.5 = 1.5 -> 2 + 0.5 * (3 - 2) = 2.5.
        Assert.Equal(2.5, Of(4, 1, 3, 2).Median);
    }

    [Fact]
    public void Repeated_values_and_merging_give_the_same_as_all_values_at_once()
    {
        // 0 x3, 5 x2, 40 x1 -> sorted 0 0 0 5 5 40; median h = 2.5 -> 0 + 0.5 * 5 = 2.5; p90 h = 4.5 -> 5 + 0.5 * 35 = 22.5.
        var a = Of(0, 5, 40);
        var b = Of(0, 0, 5);
        a.Merge(b);
        Assert.Equal(6, a.Count);
        Assert.Equal(2.5, a.Median);
        Assert.Equal(22.5, a.Quantile(0.9));
        Assert.Equal(50, a.Sum);
    }

    [Fact]
    public void An_empty_histogram_has_no_median() => Assert.Null(new DayHistogram().Median);

    [Fact]
    public void A_histogram_made_from_counts_equals_one_made_value_by_value()
    {
        var dense = new long[DayHistogram.DenseDays];
        dense[0] = 3;
        dense[5] = 2;
        dense[127] = 1;
        var made = new DayHistogram(dense, [(128, 4), (400, 1), (901, 2)]);
        var added = Of([0, 0, 0, 5, 5, 127, 901, 128, 400, 128, 128, 901, 128]);
        Assert.Equal(added.Buckets().ToList(), made.Buckets().ToList());
        Assert.Equal((13, added.Sum), (made.Count, made.Sum));
        Assert.Equal(added.Quantile(0.9), made.Quantile(0.9));

        Assert.Null(new DayHistogram(new long[DayHistogram.DenseDays], []).Median);
        Assert.Throws<ArgumentException>(() => new DayHistogram([], [(400, 1), (200, 1)]));
        Assert.Throws<ArgumentException>(() => new DayHistogram([], [(100, 1)]));
    }

    [Fact]
    public void Quantiles_agree_with_sorting_on_a_long_skewed_sample()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 10_001).Select(_ => (int)(-Math.Log(1 - rng.NextDouble()) * 30)).ToArray();
        var h = Of(values);
        var sorted = values.Order().ToArray();
        foreach (var p in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            var pos = (sorted.Length - 1) * p;
            var lo = (int)Math.Floor(pos);
            var expected = sorted[lo] + (pos - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]);
            Assert.Equal(expected, h.Quantile(p)!.Value, 9);
        }
    }
}

public sealed class FunnelLimitsTests
{
    [Fact]
    public void Limits_for_a_unit_expecting_ten_complaints_match_the_hand_computation()
    {
        // Volume 1,000 cases at 10 per 1,000 -> Poisson mean 10.
        // 95 %: lower p = 0.025: P(X<=3) = 0.010336, P(X<=4) = 0.029253 -> r = 4,
        //   a = (0.029253 - 0.025) / (0.029253 - 0.010336) = 0.2248 -> 3.7752.
        // upper p = 0.975: P(X<=16) = 0.972958, P(X<=17) = 0.985722 -> r = 17,
        //   a = (0.985722 - 0.975) / (0.985722 - 0.972958) = 0.8400 -> 16.1600.
        var l95 = FunnelLimits.ForCount(1000, 0.01, 0.95);
        Assert.Equal(3.7752, l95.Lower, tolerance: 1e-4);
        Assert.Equal(16.1600, l95.Upper, tolerance: 1e-4);
        // 99.8 %: p = 0.001 -> 1.2205; p = 0.999 -> 20.6620 (same method).
        var l998 = FunnelLimits.ForCount(1000, 0.01, 0.998);
        Assert.Equal(1.2205, l998.Lower, tolerance: 1e-4);
        Assert.Equal(20.6620, l998.Upper, tolerance: 1e-4);
    }

    [Fact]
    public void The_funnel_narrows_as_volume_grows()
    {
        var small = FunnelLimits.ForRatePerThousand(200, 10, 0.998);
        var large = FunnelLimits.ForRatePerThousand(20_000, 10, 0.998);
        Assert.True(large.Upper - large.Lower < small.Upper - small.Lower);
        Assert.InRange(large.Lower, 7, 10);
        Assert.InRange(large.Upper, 10, 13);
    }

    [Fact]
    public void Large_means_do_not_overflow()
    {
        var l = FunnelLimits.ForCount(1_000_000, 0.05, 0.998); // mean 50,000
        Assert.InRange(l.Lower, 49_000, 50_000);
        Assert.InRange(l.Upper, 50_000, 51_000);
    }
}

public sealed class EarlyWarningTests
{
    [Fact]
    public void A_quarter_far_above_the_units_own_history_is_flagged()
    {
        // History 2, 3, 2, 3 -> expected 2.5. P(X >= 9 | 2.5) = 1 - P(X <= 8) = 0.00114 < 0.01.
        var s = EarlyWarning.Test([2, 3, 2, 3], 9)!;
        Assert.True(s.Flagged);
        Assert.Equal(0.00114, s.PValue, 4);
    }

    [Fact]
    public void A_quarter_within_chance_is_not_flagged()
    {
        // P(X >= 6 | 2.5) = 0.0420 > 0.01.
        var s = EarlyWarning.Test([2, 3, 2, 3], 6)!;
        Assert.False(s.Flagged);
        Assert.Equal(0.0420, s.PValue, 3);
    }

    [Fact]
    public void Too_little_history_gives_no_verdict_and_a_quiet_unit_is_not_alarmed_by_one_complaint()
    {
        Assert.Null(EarlyWarning.Test([1, 2, 3], 20));
        Assert.False(EarlyWarning.Test([0, 0, 0, 0], 1)!.Flagged);
    }
}
