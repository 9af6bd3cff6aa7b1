using Tilsyn.Audits;

namespace Tilsyn.Tests.Audits;

public sealed class AllocationTests
{
    private static Dictionary<string, long> Sizes(params (string Key, long Size)[] s) => s.ToDictionary(x => x.Key, x => x.Size);

    private static void AssertAllocation(IReadOnlyDictionary<string, int> actual, params (string Key, int N)[] expected) =>
        Assert.Equal(expected.Select(e => KeyValuePair.Create(e.Key, e.N)), actual.ToList());

    [Fact]
    public void A_simple_random_sample_takes_all_from_the_one_stratum() =>
        AssertAllocation(Allocation.Allocate(Sizes(("alle", 500)), 50, SampleDesign.SimpleRandom), ("alle", 50));

    [Fact]
    public void A_simple_random_sample_over_several_strata_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => Allocation.Allocate(Sizes(("a", 5), ("b", 5)), 2, SampleDesign.SimpleRandom));

    [Fact]
    public void Proportional_without_rounding_is_exact()
    {
        // 10 · 500/1000 = 5, 10 · 300/1000 = 3, 10 · 200/1000 = 2.
        AssertAllocation(Allocation.Allocate(Sizes(("c", 200), ("a", 500), ("b", 300)), 10, SampleDesign.StratifiedProportional),
            ("a", 5), ("b", 3), ("c", 2));
    }

    [Fact]
    public void Proportional_gives_the_leftover_to_the_largest_remainder()
    {
        // N = 100, n = 7: quotas 3.85, 2.10, 1.05 -> floors 3, 2, 1 (6); one left -> largest remainder .85 (a).
        AssertAllocation(Allocation.Allocate(Sizes(("a", 55), ("b", 30), ("c", 15)), 7, SampleDesign.StratifiedProportional),
            ("a", 4), ("b", 2), ("c", 1));
    }

    [Fact]
    public void Proportional_ties_go_to_the_larger_stratum()
    {
        // N = 10, n = 5: quotas a 1.5, b 3.5 -> floors 1, 3; both remainders .5 -> the larger stratum (b), though "a" sorts first.
        AssertAllocation(Allocation.Allocate(Sizes(("a", 3), ("b", 7)), 5, SampleDesign.StratifiedProportional), ("a", 1), ("b", 4));
    }

    [Fact]
    public void Proportional_ties_between_equal_strata_go_by_ordinal_key()
    {
        // Quotas 10/3 = 3.33 each -> floors 3 (9); remainders and sizes equal -> ordinal order: "B" < "a" < "b".
        AssertAllocation(Allocation.Allocate(Sizes(("a", 100), ("b", 100), ("B", 100)), 10, SampleDesign.StratifiedProportional),
            ("B", 4), ("a", 3), ("b", 3));
    }

    [Fact]
    public void Equal_gives_the_remainder_in_ordinal_key_order()
    {
        // 10 / 3 = 3 each, 1 left -> first key.
        AssertAllocation(Allocation.Allocate(Sizes(("y", 100), ("x", 100), ("z", 100)), 10, SampleDesign.StratifiedEqual),
            ("x", 4), ("y", 3), ("z", 3));
    }

    [Fact]
    public void Equal_caps_a_small_stratum_and_spreads_its_surplus()
    {
        // 12 / 3 = 4 each; a has only 2 -> 2 over, split equally between b and c.
        AssertAllocation(Allocation.Allocate(Sizes(("a", 2), ("b", 50), ("c", 50)), 12, SampleDesign.StratifiedEqual),
            ("a", 2), ("b", 5), ("c", 5));
    }

    [Fact]
    public void Equal_spreads_a_surplus_by_the_same_rules()
    {
        // 10 / 4 = 2 each, 2 left -> a 3, b 3, c 2, d 2. a has 1 -> 2 over among b, c, d:
        // 2 / 3 = 0 each, 2 left -> b, c. Result a 1, b 4, c 3, d 2.
        AssertAllocation(Allocation.Allocate(Sizes(("a", 1), ("b", 50), ("c", 50), ("d", 50)), 10, SampleDesign.StratifiedEqual),
            ("a", 1), ("b", 4), ("c", 3), ("d", 2));
    }

    [Theory]
    [InlineData(SampleDesign.StratifiedEqual)]
    [InlineData(SampleDesign.StratifiedProportional)]
    public void An_empty_stratum_gets_nothing_and_the_whole_population_can_be_taken(SampleDesign design)
    {
        AssertAllocation(Allocation.Allocate(Sizes(("a", 0), ("b", 10)), 4, design), ("a", 0), ("b", 4));
        AssertAllocation(Allocation.Allocate(Sizes(("a", 1), ("b", 2), ("c", 3)), 6, design), ("a", 1), ("b", 2), ("c", 3));
    }

    [Theory]
    [InlineData(SampleDesign.StratifiedEqual)]
    [InlineData(SampleDesign.StratifiedProportional)]
    public void Any_allocation_places_exactly_n_within_the_stratum_sizes(SampleDesign design)
    {
        var r = new Random(99);
        for (var run = 0; run < 500; run++)
        {
            var sizes = Enumerable.Range(0, 1 + (int)r.NextInt64(8)).ToDictionary(i => $"s{i}", _ => r.NextInt64(60));
            var total = sizes.Values.Sum();
            if (total == 0) continue;
            var n = 1 + (int)r.NextInt64(total);
            var a = Allocation.Allocate(sizes, n, design);
            Assert.Equal(n, a.Values.Sum());
            Assert.All(sizes, s => Assert.InRange(a[s.Key], 0, s.Value));
            if (design == SampleDesign.StratifiedProportional)
                // Largest remainder never needs the cap, so each stratum is within 1 of its quota.
                Assert.All(sizes, s => Assert.True(Math.Abs(a[s.Key] - (double)n * s.Value / total) < 1));
        }
    }

    [Fact]
    public void A_sample_of_less_than_one_is_refused_in_danish()
    {
        var e = Assert.Throws<DomainException>(() => Allocation.Allocate(Sizes(("a", 10)), 0, SampleDesign.SimpleRandom));
        Assert.Equal("Stikprøvestørrelse skal være mindst 1.", e.Message);
    }

    [Fact]
    public void A_sample_larger_than_the_population_is_refused_in_danish()
    {
        var e = Assert.Throws<DomainException>(() => Allocation.Allocate(Sizes(("a", 10), ("b", 5)), 16, SampleDesign.StratifiedEqual));
        Assert.Equal("Stikprøvestørrelse kan højst være 15, det antal sager populationen har.", e.Message);
    }

    [Fact]
    public void No_strata_is_refused_in_danish()
    {
        var e = Assert.Throws<DomainException>(() => Allocation.Allocate(Sizes(), 5, SampleDesign.StratifiedProportional));
        Assert.StartsWith("Stikprøvestørrelse", e.Message);
    }
}
