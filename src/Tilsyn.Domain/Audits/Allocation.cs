namespace Tilsyn.Audits;

/// <summary>How the sample is spread over the strata (e.g. units or case types).</summary>
public enum SampleDesign
{
    /// <summary>One simple random sample from the whole population: a single stratum.</summary>
    SimpleRandom = 1,
    /// <summary>Each stratum gets a share of the sample in proportion to its size.</summary>
    StratifiedProportional = 2,
    /// <summary>Each stratum gets the same number of cases (as far as its size allows).</summary>
    StratifiedEqual = 3,
}

/// <summary>
/// Splits a sample size n over strata of sizes N_h. The result is deterministic: the same input
/// always gives the same allocation, with ties broken by fixed rules rather than by chance.
/// </summary>
public static class Allocation
{
    private const string Field = "Stikprøvestørrelse";

    /// <summary>
    /// Allocates <paramref name="sampleSize"/> cases to the strata in <paramref name="stratumSizes"/>.
    /// <list type="bullet">
    /// <item><see cref="SampleDesign.SimpleRandom"/>: the caller passes the whole population as one stratum, which gets n.</item>
    /// <item><see cref="SampleDesign.StratifiedProportional"/>: quota n·N_h/N, rounded by largest remainder
    /// (computed exactly in integers); ties go to the larger stratum, then to the ordinally smaller key.</item>
    /// <item><see cref="SampleDesign.StratifiedEqual"/>: ⌊n/H⌋ each, then one more each to strata in ordinal key order.</item>
    /// </list>
    /// No stratum gets more than N_h; what does not fit is allocated again, by the same rule, among the
    /// strata that still have room, until every case is placed. Every key of the input is in the result
    /// (possibly with 0), in ordinal key order.
    /// </summary>
    /// <exception cref="DomainException">No strata, n &lt; 1, or n larger than the population.</exception>
    public static IReadOnlyDictionary<string, int> Allocate(IReadOnlyDictionary<string, long> stratumSizes, int sampleSize, SampleDesign design)
    {
        ArgumentNullException.ThrowIfNull(stratumSizes);
        if (stratumSizes.Count == 0)
            throw new DomainException($"{Field}: der er ingen strata at trække stikprøven fra.");
        foreach (var (key, size) in stratumSizes)
            if (size < 0) throw new ArgumentException($"Stratum '{key}' has a negative size.", nameof(stratumSizes));
        if (design == SampleDesign.SimpleRandom && stratumSizes.Count != 1)
            throw new ArgumentException("A simple random sample is drawn from one stratum: pass the whole population under one key.", nameof(stratumSizes));
        if (!Enum.IsDefined(design)) throw new ArgumentOutOfRangeException(nameof(design));
        if (sampleSize < 1)
            throw new DomainException($"{Field} skal være mindst 1.");
        var total = stratumSizes.Values.Sum();
        if (sampleSize > total)
            throw new DomainException($"{Field} kan højst være {total}, det antal sager populationen har.");

        var keys = stratumSizes.Keys.Order(StringComparer.Ordinal).ToList();
        var result = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var remaining = sampleSize;
        while (remaining > 0)
        {
            var open = keys.Where(k => result[k] < stratumSizes[k]).ToList();
            // Cannot happen while n ≤ N: a round that does not place everything fills at least one stratum.
            if (open.Count == 0) throw new InvalidOperationException("No stratum has room left.");
            var shares = design == SampleDesign.StratifiedEqual
                ? Equal(open, remaining)
                : Proportional(open, stratumSizes, remaining);
            var placed = 0;
            foreach (var k in open)
            {
                var room = stratumSizes[k] - result[k];
                var take = (int)Math.Min(shares[k], room);
                result[k] += take;
                placed += take;
            }
            remaining -= placed;
        }
        return new SortedDictionary<string, int>(result, StringComparer.Ordinal);
    }

    /// <summary>⌊n/H⌋ each; the remainder one each in the (ordinal) order of <paramref name="keys"/>.</summary>
    private static Dictionary<string, int> Equal(List<string> keys, int n)
    {
        var each = n / keys.Count;
        var extra = n % keys.Count;
        return keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => each + (x.i < extra ? 1 : 0), StringComparer.Ordinal);
    }

    /// <summary>
    /// Largest remainder (Hamilton): floor of n·N_h/N, then one more to the largest remainders.
    /// Remainders are compared as exact integers (n·N_h mod N, same denominator N), so there is no
    /// floating-point noise in the ties.
    /// </summary>
    private static Dictionary<string, int> Proportional(List<string> keys, IReadOnlyDictionary<string, long> sizes, int n)
    {
        Int128 total = 0;
        foreach (var k in keys) total += sizes[k];
        var shares = new Dictionary<string, int>(StringComparer.Ordinal);
        var remainders = new List<(string Key, Int128 Remainder, long Size)>();
        var given = 0;
        foreach (var k in keys)
        {
            var q = (Int128)n * sizes[k];
            var share = (int)(q / total);
            shares[k] = share;
            given += share;
            remainders.Add((k, q % total, sizes[k]));
        }
        var order = remainders
            .OrderByDescending(r => r.Remainder)
            .ThenByDescending(r => r.Size)
            .ThenBy(r => r.Key, StringComparer.Ordinal);
        foreach (var r in order.Take(n - given)) shares[r.Key]++;
        return shares;
    }
}
