using System.Text;

namespace Tilsyn.Audits;

/// <summary>
/// Draws a (stratified) simple random sample in one pass over a population of any size, in any
/// order, with memory bounded by strata × sample size: every case gets a pseudo-random priority from
/// the recorded seed and its case id, and each stratum keeps the cases with the smallest priorities
/// (a bottom-k sample, which is a simple random sample without replacement). Because the priority
/// depends only on the seed and the case id, the same seed gives the same cases on any database,
/// in any storage order, and anyone can redraw the sample to check it. Samplers that saw parts of
/// the population can be merged, so a large population can be scanned in parallel.
/// </summary>
public sealed class PrioritySampler<T>(long seed, int maxPerStratum)
{
    private readonly Dictionary<string, Stratum> strata = new(StringComparer.Ordinal);

    private sealed class Stratum
    {
        public long Size;
        // Max-heap on priority: the root is the largest kept priority, the first to give way.
        public readonly PriorityQueue<(ulong Priority, string Key, T Item), (ulong Priority, string Key)> Kept =
            new(Comparer<(ulong Priority, string Key)>.Create((a, b) => Compare(b, a)));
    }

    public long Seed => seed;

    public void Offer(string stratum, string key, T item)
    {
        var p = Priority(seed, key);
        if (Counts(stratum, p)) Keep(stratum, p, key, item);
    }

    /// <summary>
    /// Counts a case into its stratum and says whether it could be kept (its priority is not above the
    /// stratum's current worst); only then need the caller build the key and item for <see cref="Keep"/>.
    /// </summary>
    public bool Counts(string stratum, ulong priority)
    {
        var s = Get(stratum);
        s.Size++;
        return maxPerStratum > 0 && (s.Kept.Count < maxPerStratum || priority <= s.Kept.Peek().Priority);
    }

    /// <summary>Keeps a case that <see cref="Counts"/> let through (does not count it again).</summary>
    public void Keep(string stratum, ulong priority, string key, T item)
    {
        var s = Get(stratum);
        if (s.Kept.Count < maxPerStratum) { s.Kept.Enqueue((priority, key, item), (priority, key)); return; }
        var top = s.Kept.Peek();
        if (Compare((priority, key), (top.Priority, top.Key)) < 0) s.Kept.DequeueEnqueue((priority, key, item), (priority, key));
    }

    /// <summary>Adds what another sampler (same seed and size) saw of the same population.</summary>
    public void Merge(PrioritySampler<T> other)
    {
        if (other.Seed != seed) throw new ArgumentException("Samplers with different seeds cannot be merged.", nameof(other));
        foreach (var (name, s) in other.strata)
        {
            Get(name).Size += s.Size;
            foreach (var (p, key, item) in s.Kept.UnorderedItems.Select(x => x.Element)) Keep(name, p, key, item);
        }
    }

    private Stratum Get(string stratum)
    {
        if (!strata.TryGetValue(stratum, out var s)) strata[stratum] = s = new Stratum();
        return s;
    }

    /// <summary>The population size of each stratum seen so far.</summary>
    public IReadOnlyDictionary<string, long> Sizes => strata.ToDictionary(kv => kv.Key, kv => kv.Value.Size, StringComparer.Ordinal);

    /// <summary>The sample: the first n_h cases by priority in each stratum, as allocated.</summary>
    public IReadOnlyList<(string Stratum, string Key, T Item)> Take(IReadOnlyDictionary<string, int> allocation)
    {
        var result = new List<(string, string, T)>();
        foreach (var (name, n) in allocation.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (n <= 0 || !strata.TryGetValue(name, out var s)) continue;
            if (n > maxPerStratum) throw new ArgumentOutOfRangeException(nameof(allocation), $"Stratum {name}: {n} > {maxPerStratum} kept.");
            var kept = s.Kept.UnorderedItems.Select(x => x.Element).OrderBy(x => (x.Priority, x.Key), Comparer<(ulong, string)>.Create(Compare)).Take(n);
            result.AddRange(kept.Select(x => (name, x.Key, x.Item)));
        }
        return result;
    }

    private static int Compare((ulong Priority, string Key) a, (ulong Priority, string Key) b)
    {
        var c = a.Priority.CompareTo(b.Priority);
        return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    }

    public static ulong Priority(long seed, string key)
    {
        Span<byte> buffer = stackalloc byte[256];
        var utf8 = Encoding.UTF8.GetByteCount(key) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(key, buffer)] : Encoding.UTF8.GetBytes(key);
        return Priority(seed, utf8);
    }

    /// <summary>FNV-1a over the key's UTF-8 bytes, mixed with the seed by SplitMix64's finaliser: portable and stable.</summary>
    public static ulong Priority(long seed, ReadOnlySpan<byte> utf8Key)
    {
        var h = 14695981039346656037UL;
        foreach (var b in utf8Key) h = (h ^ b) * 1099511628211UL;
        var z = h ^ unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
