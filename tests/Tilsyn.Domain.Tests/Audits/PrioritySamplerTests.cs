using Tilsyn.Audits;

namespace Tilsyn.Domain.Tests.Audits;

public sealed class PrioritySamplerTests
{
    private static List<string> Draw(long seed, IEnumerable<(string Stratum, string Key)> population, IReadOnlyDictionary<string, int> allocation, int max)
    {
        var s = new PrioritySampler<string>(seed, max);
        foreach (var (stratum, key) in population) s.Offer(stratum, key, key);
        return s.Take(allocation).Select(x => x.Key).ToList();
    }

    private static List<(string, string)> Population() =>
        [.. Enumerable.Range(0, 1000).Select(i => (i % 3 == 0 ? "A" : "B", $"SAG-{i:D5}"))];

    [Fact]
    public void The_same_seed_gives_the_same_sample_whatever_the_order_of_the_population()
    {
        var alloc = new Dictionary<string, int> { ["A"] = 10, ["B"] = 20 };
        var forward = Draw(42, Population(), alloc, 30);
        var reversed = Draw(42, Enumerable.Reverse(Population()), alloc, 30);
        var shuffled = Draw(42, Population().OrderBy(p => p.Item2.GetHashCode()), alloc, 30);
        Assert.Equal(forward, reversed);
        Assert.Equal(forward, shuffled);
        Assert.NotEqual(forward, Draw(43, Population(), alloc, 30));
    }

    [Fact]
    public void Each_stratum_gets_exactly_its_allocation_and_only_its_own_cases()
    {
        var s = new PrioritySampler<string>(7, 30);
        foreach (var (stratum, key) in Population()) s.Offer(stratum, key, stratum);
        Assert.Equal(334, s.Sizes["A"]);
        Assert.Equal(666, s.Sizes["B"]);
        var taken = s.Take(new Dictionary<string, int> { ["A"] = 10, ["B"] = 20 });
        Assert.Equal(10, taken.Count(t => t.Stratum == "A" && t.Item == "A"));
        Assert.Equal(20, taken.Count(t => t.Stratum == "B" && t.Item == "B"));
        Assert.Equal(30, taken.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void Every_case_is_equally_likely_to_be_drawn()
    {
        // 2 of 5, over 20,000 seeds: each case should be drawn in about 40 % of the samples.
        var counts = new int[5];
        for (var seed = 0; seed < 20_000; seed++)
            foreach (var key in Draw(seed, Enumerable.Range(0, 5).Select(i => ("", $"k{i}")), new Dictionary<string, int> { [""] = 2 }, 2))
                counts[int.Parse(key[1..])]++;
        Assert.All(counts, c => Assert.InRange(c / 20_000.0, 0.38, 0.42));
    }

    [Fact]
    public void The_priority_of_a_case_is_pinned_so_old_samples_can_be_redrawn()
    {
        Assert.Equal(PrioritySampler<int>.Priority(42, "SAG-00001"), PrioritySampler<int>.Priority(42, "SAG-00001"));
        Assert.NotEqual(PrioritySampler<int>.Priority(42, "SAG-00001"), PrioritySampler<int>.Priority(43, "SAG-00001"));
        Assert.NotEqual(PrioritySampler<int>.Priority(42, "SAG-00001"), PrioritySampler<int>.Priority(42, "SAG-00002"));
    }
}
