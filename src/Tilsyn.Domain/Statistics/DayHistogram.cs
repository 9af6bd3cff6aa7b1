namespace Tilsyn.Statistics;

/// <summary>
/// Processing times in whole days, counted per day value. Exact medians and percentiles with memory
/// bounded by the longest processing time, not by the number of cases: the cube can stream a
/// ten-million-row extract and still give the same quantiles as sorting every value.
/// </summary>
public sealed class DayHistogram
{
    /// <summary>Days below this are counted in an array; the rare long tail in a sorted map, so a cell stays small.</summary>
    public const int DenseDays = 128;
    private long[] counts;
    // Sorted arrays, not a tree: a cell's tail is short, and a tree node per value cost more memory than the value.
    private SortedList<int, long>? tail;

    public long Count { get; private set; }
    public long Sum { get; private set; }

    public DayHistogram() => counts = new long[16];

    /// <summary>
    /// A histogram from counts already made: <paramref name="dense"/>[d] cases of d days for d below
    /// <see cref="DenseDays"/>, and the longer ones in increasing order of days. Sized once, so building
    /// many cells does not leave a trail of grown arrays behind.
    /// </summary>
    public DayHistogram(ReadOnlySpan<long> dense, ReadOnlySpan<(int Days, long Count)> longer)
    {
        if (dense.Length > DenseDays) throw new ArgumentOutOfRangeException(nameof(dense));
        var last = dense.LastIndexOfAnyExcept(0);
        counts = new long[last + 1];
        for (var d = 0; d <= last; d++) Add(d, dense[d]);
        if (longer.Length > 0) tail = new SortedList<int, long>(longer.Length);
        foreach (var (days, count) in longer)
        {
            if (days < DenseDays || (tail!.Count > 0 && days <= tail.Keys[^1])) throw new ArgumentException("The longer times must be above the dense range and in increasing order.", nameof(longer));
            Add(days, count);
        }
    }

    public void Add(int days, long times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (times == 0) return;
        if (days < DenseDays)
        {
            if (days >= counts.Length) Array.Resize(ref counts, Math.Min(DenseDays, Math.Max(days + 1, counts.Length * 2)));
            counts[days] += times;
        }
        else
        {
            tail ??= [];
            // Appending in order (the usual case) is cheap in a sorted list.
            if (tail.Count == 0 || days > tail.Keys[^1]) tail.Add(days, times);
            else tail[days] = tail.GetValueOrDefault(days) + times;
        }
        Count += times;
        Sum += (long)days * times;
    }

    public void Merge(DayHistogram other)
    {
        foreach (var (days, count) in other.Buckets()) Add(days, count);
    }

    /// <summary>
    /// The p-quantile by linear interpolation between closest ranks (the "type 7" definition used by
    /// R, NumPy, Excel's PERCENTILE.INC and DuckDB's quantile_cont): position h = (n-1)p, value
    /// x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋]) over the sorted values. Null when empty.
    /// </summary>
    public double? Quantile(double p)
    {
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p));
        if (Count == 0) return null;
        var h = (Count - 1) * p;
        var lo = (long)Math.Floor(h);
        var frac = h - lo;
        var a = ValueAt(lo);
        return frac == 0 ? a : a + frac * (ValueAt(lo + 1) - a);
    }

    public double? Median => Quantile(0.5);

    /// <summary>The value at 0-based rank <paramref name="rank"/> in sorted order.</summary>
    private int ValueAt(long rank)
    {
        long seen = 0;
        foreach (var (days, count) in Buckets())
        {
            seen += count;
            if (seen > rank) return days;
        }
        throw new ArgumentOutOfRangeException(nameof(rank));
    }

    /// <summary>The non-empty day values with their counts, in increasing order of days.</summary>
    public IEnumerable<(int Days, long Count)> Buckets()
    {
        for (var d = 0; d < counts.Length; d++)
            if (counts[d] > 0) yield return (d, counts[d]);
        if (tail is not null)
            foreach (var (days, count) in tail) yield return (days, count);
    }
}
