using Tilsyn.Audits;

namespace Tilsyn.Tests.Audits;

public sealed class WilsonTests
{
    // z = 1.959964, z² = 3.841459, z²/2 = 1.920729, z²/4 = 0.960365.
    // Centre (k + z²/2)/(n + z²); half-width z·√(k(n−k)/n + z²/4)/(n + z²).

    [Fact]
    public void Eight_of_ten()
    {
        // Centre (8 + 1.920729)/(10 + 3.841459) = 9.920729/13.841459 = 0.716740.
        // Half z·√(8·2/10 + 0.960365)/13.841459 = 1.959964·√2.560365/13.841459 = 1.959964·1.600114/13.841459 = 0.226578.
        // -> [0.4902, 0.9433].
        var w = AuditStatistics.Wilson(8, 10)!;
        Assert.Equal(0.8, w.Share, 12);
        Assert.Equal(0.4902, w.Lower, 1e-4);
        Assert.Equal(0.9433, w.Upper, 1e-4);
    }

    [Fact]
    public void None_of_ten_has_lower_bound_exactly_zero()
    {
        // Centre 1.920729/13.841459 = 0.138766; half 1.959964·√0.960365/13.841459 = 1.959964·0.979982/13.841459 = 0.138766.
        // -> [0, 0.2775].
        var w = AuditStatistics.Wilson(0, 10)!;
        Assert.Equal(0, w.Share);
        Assert.Equal(0, w.Lower);
        Assert.Equal(0.2775, w.Upper, 1e-4);
    }

    [Fact]
    public void Ten_of_ten_has_upper_bound_exactly_one()
    {
        // The mirror image of 0 of 10: centre 1 − 0.138766 = 0.861234, half 0.138766 -> [0.7225, 1].
        var w = AuditStatistics.Wilson(10, 10)!;
        Assert.Equal(1, w.Share);
        Assert.Equal(0.7225, w.Lower, 1e-4);
        Assert.Equal(1, w.Upper);
    }

    [Fact]
    public void One_of_one()
    {
        // Centre (1 + 1.920729)/(1 + 3.841459) = 2.920729/4.841459 = 0.603275;
        // half 1.959964·√(0 + 0.960365)/4.841459 = 1.920729/4.841459 = 0.396725 -> [0.2065, 1].
        var w = AuditStatistics.Wilson(1, 1)!;
        Assert.Equal(0.2065, w.Lower, 1e-4);
        Assert.Equal(1, w.Upper);
    }

    [Fact]
    public void No_relevant_cases_gives_no_interval() => Assert.Null(AuditStatistics.Wilson(0, 0));

    [Fact]
    public void A_wider_z_gives_a_wider_interval()
    {
        var w95 = AuditStatistics.Wilson(30, 60)!;
        var w99 = AuditStatistics.Wilson(30, 60, 2.5758293035489)!;
        Assert.True(w99.Lower < w95.Lower && w99.Upper > w95.Upper);
        Assert.Equal(0.5, (w95.Lower + w95.Upper) / 2, 12); // symmetric at one half
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    [InlineData(0, -1)]
    public void Impossible_counts_throw(int met, int n) => Assert.Throws<ArgumentOutOfRangeException>(() => AuditStatistics.Wilson(met, n));
}

public sealed class StratifiedEstimateTests
{
    [Fact]
    public void Two_strata_and_an_empty_one_match_the_hand_computation()
    {
        // A: N 300, n 10, met 8 (p 0.8). B: N 100, n 5, met 2 (p 0.4). C: N 600, n 0: left out, and the
        // weights renormalised over A and B: W_A = 300/400 = 0.75, W_B = 100/400 = 0.25.
        // p = 0.75·0.8 + 0.25·0.4 = 0.6 + 0.1 = 0.7.
        // V_A = 0.75²·(1 − 10/300)·0.8·0.2/(10 − 1) = 0.5625·0.966667·0.017778 = 0.0096667.
        // V_B = 0.25²·(1 − 5/100)·0.4·0.6/(5 − 1) = 0.0625·0.95·0.06 = 0.0035625.
        // V = 0.0132292, √V = 0.115018, z·√V = 1.959964·0.115018 = 0.225432 -> [0.4746, 0.9254].
        var e = AuditStatistics.Stratified([new(300, 10, 8), new(100, 5, 2), new(600, 0, 0)])!;
        Assert.Equal(0.7, e.Share, 12);
        Assert.Equal(0.0132292, e.Variance, 1e-7);
        Assert.Equal(0.4746, e.Lower, 1e-4);
        Assert.Equal(0.9254, e.Upper, 1e-4);
        Assert.False(e.HasSingleCaseStratum);
        Assert.Equal(2, e.StrataUsed);
    }

    [Fact]
    public void A_stratum_with_one_case_adds_no_variance_sets_the_flag_and_the_interval_is_clipped()
    {
        // A as above; B: N 100, n 1, met 1 (p 1). p = 0.75·0.8 + 0.25·1 = 0.85.
        // V = V_A only = 0.0096667, √V = 0.098319, z·√V = 0.192703 -> [0.6573, 1.0427] clipped to [0.6573, 1].
        var e = AuditStatistics.Stratified([new(300, 10, 8), new(100, 1, 1)])!;
        Assert.Equal(0.85, e.Share, 12);
        Assert.Equal(0.0096667, e.Variance, 1e-7);
        Assert.Equal(0.6573, e.Lower, 1e-4);
        Assert.Equal(1, e.Upper);
        Assert.True(e.HasSingleCaseStratum);
    }

    [Fact]
    public void All_met_gives_a_point_at_one()
    {
        // p_h = 1 in both strata -> p = 1 and every term has p_h(1 − p_h) = 0 -> V = 0 -> [1, 1].
        var e = AuditStatistics.Stratified([new(300, 10, 10), new(100, 5, 5)])!;
        Assert.Equal((1.0, 1.0, 1.0, 0.0), (e.Share, e.Lower, e.Upper, e.Variance));
    }

    [Fact]
    public void None_met_gives_a_point_at_zero()
    {
        var e = AuditStatistics.Stratified([new(300, 10, 0), new(100, 5, 0)])!;
        Assert.Equal((0.0, 0.0, 0.0), (e.Share, e.Lower, e.Upper));
    }

    [Fact]
    public void A_census_of_every_stratum_has_no_sampling_variance()
    {
        // n_h = N_h -> finite population correction 1 − n_h/N_h = 0: the share is known exactly.
        // p = (10/30)·(5/10) + (20/30)·(15/20) = 1/6 + 1/2 = 2/3.
        var e = AuditStatistics.Stratified([new(10, 10, 5), new(20, 20, 15)])!;
        Assert.Equal(2.0 / 3, e.Share, 12);
        Assert.Equal(0, e.Variance, 15);
    }

    [Fact]
    public void No_relevant_case_anywhere_gives_no_estimate() =>
        Assert.Null(AuditStatistics.Stratified([new(300, 0, 0), new(100, 0, 0)]));

    [Fact]
    public void More_relevant_than_the_stratum_holds_is_refused() =>
        Assert.Throws<ArgumentException>(() => AuditStatistics.Stratified([new(5, 6, 1)]));
}

public sealed class ChangeTests
{
    [Theory]
    [InlineData(0.40, 0.60, 0.61, 0.80, Change.Better)]
    [InlineData(0.61, 0.80, 0.40, 0.60, Change.Worse)]
    [InlineData(0.40, 0.60, 0.60, 0.80, Change.NoClearChange)] // touching is not separate
    [InlineData(0.40, 0.60, 0.45, 0.90, Change.NoClearChange)]
    [InlineData(0.40, 0.60, 0.10, 0.95, Change.NoClearChange)]
    public void Only_separate_intervals_are_a_change(double prevLower, double prevUpper, double curLower, double curUpper, Change expected)
    {
        var previous = new ShareInterval((prevLower + prevUpper) / 2, prevLower, prevUpper);
        var current = new ShareInterval((curLower + curUpper) / 2, curLower, curUpper);
        Assert.Equal(expected, AuditStatistics.Compare(previous, current));
    }

    [Fact]
    public void Forty_of_fifty_after_twenty_of_fifty_is_better()
    {
        // Wilson 20/50 ≈ [0.276, 0.538]; 40/50 ≈ [0.670, 0.888]: separate.
        Assert.Equal(Change.Better, AuditStatistics.Compare(AuditStatistics.Wilson(20, 50)!, AuditStatistics.Wilson(40, 50)!));
        Assert.Equal(Change.NoClearChange, AuditStatistics.Compare(AuditStatistics.Wilson(7, 10)!, AuditStatistics.Wilson(9, 10)!));
    }

    [Theory]
    [InlineData(Change.Better, "Bedre")]
    [InlineData(Change.Worse, "Dårligere")]
    [InlineData(Change.NoClearChange, "Ingen klar ændring")]
    public void Labels_are_danish(Change change, string label) => Assert.Equal(label, AuditStatistics.Label(change));
}
