using Tilsyn.Audits;

namespace Tilsyn.Tests.Audits;

public sealed class StreamingSamplerTests
{
    private sealed record Case(int Id, string Stratum);

    /// <summary>300 cases in three strata of 150, 100 and 50, interleaved a-b-c-a-b-a-…</summary>
    private static List<Case> Population()
    {
        var cases = new List<Case>();
        var left = new Dictionary<string, int> { ["a"] = 150, ["b"] = 100, ["c"] = 50 };
        var id = 0;
        while (left.Values.Any(v => v > 0))
            foreach (var k in left.Keys.ToList())
                if (left[k] > 0) { cases.Add(new(id++, k)); left[k]--; }
        return cases;
    }

    private static readonly Dictionary<string, int> Alloc = new() { ["a"] = 10, ["b"] = 6, ["c"] = 4 };

    [Fact]
    public void The_same_seed_gives_the_same_sample()
    {
        var first = StreamingSampler.Draw(Population(), c => c.Stratum, 2025, Alloc);
        var again = StreamingSampler.Draw(Population(), c => c.Stratum, 2025, Alloc);
        Assert.Equal(first.Select(c => c.Id), again.Select(c => c.Id));
    }

    [Fact]
    public void Another_seed_gives_another_sample()
    {
        var a = StreamingSampler.Draw(Population(), c => c.Stratum, 2025, Alloc).Select(c => c.Id);
        var b = StreamingSampler.Draw(Population(), c => c.Stratum, 2026, Alloc).Select(c => c.Id);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Each_stratum_gets_exactly_its_allocation_in_stream_order()
    {
        var sample = StreamingSampler.Draw(Population(), c => c.Stratum, 7, Alloc);
        Assert.Equal(10, sample.Count(c => c.Stratum == "a"));
        Assert.Equal(6, sample.Count(c => c.Stratum == "b"));
        Assert.Equal(4, sample.Count(c => c.Stratum == "c"));
        Assert.Equal(sample.Select(c => c.Id).Order(), sample.Select(c => c.Id));
        Assert.Equal(sample.Count, sample.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void The_sample_does_not_depend_on_how_strata_are_interleaved()
    {
        // Same cases, same order within each stratum, but stratum by stratum instead of interleaved.
        var interleaved = Population();
        var grouped = interleaved.OrderBy(c => c.Stratum, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
        var fromGrouped = StreamingSampler.Draw(grouped, c => c.Stratum, 31, Alloc).Select(c => c.Id).Order();
        var fromInterleaved = StreamingSampler.Draw(interleaved, c => c.Stratum, 31, Alloc).Select(c => c.Id).Order();
        Assert.Equal(fromInterleaved, fromGrouped);
    }

    [Fact]
    public void Each_item_and_each_pair_is_equally_likely()
    {
        // 2 of 5, 20,000 seeds. Each item: p = 2/5 = 40 %, expected 8,000, sd √(20000·0.4·0.6) ≈ 69.
        // Each of the C(5,2) = 10 pairs: p = 10 %, expected 2,000, sd ≈ 42. Tolerances ±500 and ±300
        // are over 7 sd: only a real bias fails them.
        var items = Enumerable.Range(0, 5).ToList();
        var alloc = new Dictionary<string, int> { ["s"] = 2 };
        var perItem = new int[5];
        var perPair = new Dictionary<(int, int), int>();
        for (var seed = 0; seed < 20_000; seed++)
        {
            var s = StreamingSampler.Draw(items, _ => "s", seed, alloc);
            Assert.Equal(2, s.Count);
            foreach (var i in s) perItem[i]++;
            perPair[(s[0], s[1])] = perPair.GetValueOrDefault((s[0], s[1])) + 1;
        }
        Assert.All(perItem, c => Assert.InRange(c, 7_500, 8_500));
        Assert.Equal(10, perPair.Count);
        Assert.All(perPair.Values, c => Assert.InRange(c, 1_700, 2_300));
    }

    [Fact]
    public void Nothing_or_everything_can_be_allocated()
    {
        var sizes = new Dictionary<string, long> { ["none"] = 4, ["all"] = 3 };
        var sampler = new StreamingSampler(1, sizes, new Dictionary<string, int> { ["all"] = 3 });
        for (var i = 0; i < 4; i++) Assert.False(sampler.Offer("none"));
        for (var i = 0; i < 3; i++) Assert.True(sampler.Offer("all"));
        Assert.True(sampler.IsComplete);
        sampler.EnsureComplete();
        Assert.Equal(0, sampler.SelectedCounts["none"]);
        Assert.Equal(3, sampler.SelectedCounts["all"]);
    }

    [Fact]
    public void Offering_more_than_declared_or_an_unknown_stratum_throws()
    {
        var sampler = new StreamingSampler(1, new Dictionary<string, long> { ["a"] = 2 }, new Dictionary<string, int> { ["a"] = 1 });
        sampler.Offer("a");
        sampler.Offer("a");
        Assert.Throws<InvalidOperationException>(() => sampler.Offer("a"));
        Assert.Throws<InvalidOperationException>(() => sampler.Offer("b"));
    }

    [Fact]
    public void Offering_fewer_than_declared_is_caught_by_EnsureComplete()
    {
        var sampler = new StreamingSampler(1, new Dictionary<string, long> { ["a"] = 2 }, new Dictionary<string, int> { ["a"] = 1 });
        sampler.Offer("a");
        Assert.False(sampler.IsComplete);
        Assert.Throws<InvalidOperationException>(sampler.EnsureComplete);
    }

    [Fact]
    public void An_allocation_that_does_not_fit_the_sizes_is_refused()
    {
        var sizes = new Dictionary<string, long> { ["a"] = 2 };
        Assert.Throws<ArgumentException>(() => new StreamingSampler(1, sizes, new Dictionary<string, int> { ["a"] = 3 }));
        Assert.Throws<ArgumentException>(() => new StreamingSampler(1, sizes, new Dictionary<string, int> { ["b"] = 1 }));
        Assert.Throws<ArgumentException>(() => new StreamingSampler(1, sizes, new Dictionary<string, int> { ["a"] = -1 }));
    }

    [Fact]
    public void A_sequence_that_changes_between_the_passes_is_detected()
    {
        var calls = 0;
        IEnumerable<int> Shrinking()
        {
            var count = calls++ == 0 ? 10 : 9;
            for (var i = 0; i < count; i++) yield return i;
        }
        Assert.Throws<InvalidOperationException>(() => StreamingSampler.Draw(Shrinking(), _ => "s", 1, new Dictionary<string, int> { ["s"] = 3 }));
    }

    [Fact]
    public void Draw_works_with_an_allocation_from_Allocate()
    {
        var cases = Population();
        var sizes = cases.GroupBy(c => c.Stratum).ToDictionary(g => g.Key, g => (long)g.Count());
        var alloc = Allocation.Allocate(sizes, 30, SampleDesign.StratifiedProportional); // 15, 10, 5
        var sample = StreamingSampler.Draw(cases, c => c.Stratum, 5, alloc);
        Assert.Equal(30, sample.Count);
        Assert.Equal(15, sample.Count(c => c.Stratum == "a"));
    }
}
