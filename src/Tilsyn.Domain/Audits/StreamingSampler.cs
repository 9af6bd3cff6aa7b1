namespace Tilsyn.Audits;

/// <summary>
/// Draws an exact-size simple random sample within each stratum from a stream read once, in a fixed
/// order, when every stratum's size N_h and allocation n_h are known up front: Knuth's selection
/// sampling (TAOCP vol. 2, § 3.4.2, Algorithm S). The t-th case offered in a stratum, with m already
/// chosen, is selected with probability (n_h − m)/(N_h − t); this picks exactly n_h of the N_h, every
/// subset equally likely. Each stratum draws from its own <see cref="SeededRandom.For"/> stream, so
/// the sample depends only on the seed and the order of cases within each stratum, not on how the
/// strata are interleaved. Memory is O(number of strata).
/// </summary>
public sealed class StreamingSampler
{
    private sealed class Stratum(long size, int wanted, SeededRandom random)
    {
        public long Size { get; } = size;
        public int Wanted { get; } = wanted;
        public SeededRandom Random { get; } = random;
        public long Seen { get; set; }
        public int Selected { get; set; }
    }

    private readonly Dictionary<string, Stratum> strata = new(StringComparer.Ordinal);

    /// <param name="seed">The audit's seed; keep it with the audit so the sample can be redrawn.</param>
    /// <param name="sizes">N_h: how many cases each stratum will offer.</param>
    /// <param name="allocation">n_h: how many to select in each stratum (e.g. from <see cref="Allocation.Allocate"/>); strata left out select none.</param>
    public StreamingSampler(long seed, IReadOnlyDictionary<string, long> sizes, IReadOnlyDictionary<string, int> allocation)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(allocation);
        foreach (var (key, n) in allocation)
        {
            if (n < 0) throw new ArgumentException($"Stratum '{key}' has a negative allocation.", nameof(allocation));
            if (n > 0 && !sizes.ContainsKey(key)) throw new ArgumentException($"Stratum '{key}' is allocated {n} cases but has no size.", nameof(allocation));
        }
        foreach (var (key, size) in sizes)
        {
            if (size < 0) throw new ArgumentException($"Stratum '{key}' has a negative size.", nameof(sizes));
            var n = allocation.GetValueOrDefault(key);
            if (n > size) throw new ArgumentException($"Stratum '{key}' is allocated {n} cases but has only {size}.", nameof(allocation));
            strata[key] = new Stratum(size, n, SeededRandom.For(seed, key));
        }
    }

    /// <summary>
    /// Offers the next case of <paramref name="stratum"/>; true when it is selected.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stratum is unknown or has already offered all N_h cases:
    /// the stream does not match the sizes the sample was planned with.</exception>
    public bool Offer(string stratum)
    {
        ArgumentNullException.ThrowIfNull(stratum);
        if (!strata.TryGetValue(stratum, out var s))
            throw new InvalidOperationException($"Stratum '{stratum}' was not in the sizes the sample was planned with.");
        if (s.Seen >= s.Size)
            throw new InvalidOperationException($"Stratum '{stratum}' offered more than its declared {s.Size} cases.");
        var left = s.Size - s.Seen;
        var needed = s.Wanted - s.Selected;
        s.Seen++;
        // Select with probability needed/left, decided in integers: uniform in [0, left) below needed.
        // When needed == left every remaining case is taken and when needed == 0 none is, so no draw is made.
        var take = needed > 0 && (needed == left || s.Random.NextInt64(left) < needed);
        if (take) s.Selected++;
        return take;
    }

    /// <summary>How many have been selected so far in each stratum.</summary>
    public IReadOnlyDictionary<string, int> SelectedCounts => strata.ToDictionary(kv => kv.Key, kv => kv.Value.Selected, StringComparer.Ordinal);

    /// <summary>True when every stratum has offered exactly its declared number of cases (and so selected exactly n_h).</summary>
    public bool IsComplete => strata.Values.All(s => s.Seen == s.Size);

    /// <summary>
    /// Checks that the stream held exactly the declared cases.
    /// </summary>
    /// <exception cref="InvalidOperationException">A stratum offered fewer cases than declared.</exception>
    public void EnsureComplete()
    {
        foreach (var (key, s) in strata)
            if (s.Seen != s.Size)
                throw new InvalidOperationException($"Stratum '{key}' offered {s.Seen} cases but {s.Size} were declared.");
    }

    /// <summary>
    /// Samples <paramref name="items"/> in two passes: the first only counts the cases per stratum
    /// (memory O(strata)); the second offers each case in order and keeps the selected ones, in
    /// stream order. The sequence is therefore enumerated twice and must yield the same cases in the
    /// same order both times (a list, or a query with a stable ORDER BY); a difference between the
    /// passes is detected by the counts and throws.
    /// </summary>
    public static List<T> Draw<T>(IEnumerable<T> items, Func<T, string> stratumOf, long seed, IReadOnlyDictionary<string, int> allocation)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stratumOf);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = stratumOf(item);
            sizes[key] = sizes.GetValueOrDefault(key) + 1;
        }
        var sampler = new StreamingSampler(seed, sizes, allocation);
        var selected = new List<T>();
        foreach (var item in items)
            if (sampler.Offer(stratumOf(item))) selected.Add(item);
        sampler.EnsureComplete();
        return selected;
    }
}
