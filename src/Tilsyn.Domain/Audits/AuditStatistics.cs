namespace Tilsyn.Audits;

/// <summary>An estimated share with its confidence interval, all in [0, 1].</summary>
public sealed record ShareInterval(double Share, double Lower, double Upper);

/// <summary>One stratum's counts for one question.</summary>
/// <param name="Size">N_h: cases in the stratum's population.</param>
/// <param name="Relevant">n_h: sampled cases where the question was relevant and answered.</param>
/// <param name="Met">Of those, how many met the rule.</param>
public sealed record StratumCount(long Size, int Relevant, int Met);

/// <summary>A stratified estimate of a share.</summary>
/// <param name="Variance">The estimated variance of <see cref="Share"/>.</param>
/// <param name="HasSingleCaseStratum">Some stratum had only one relevant case; its variance cannot be estimated and
/// was counted as 0, so the interval is too narrow by an unknown amount. Show a note with the result.</param>
/// <param name="StrataUsed">Strata with at least one relevant case, i.e. those the estimate rests on.</param>
public sealed record StratifiedEstimate(double Share, double Lower, double Upper, double Variance, bool HasSingleCaseStratum, int StrataUsed)
{
    public ShareInterval Interval => new(Share, Lower, Upper);
}

/// <summary>How a share moved between two audits of the same population.</summary>
public enum Change
{
    Better = 1,
    Worse = 2,
    /// <summary>The intervals overlap: the audits cannot tell a change from chance.</summary>
    NoClearChange = 3,
}

/// <summary>The statistics of an audit: shares with confidence intervals, and comparison of two audits.</summary>
public static class AuditStatistics
{
    /// <summary>The normal quantile for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval for <paramref name="met"/> of <paramref name="n"/>: centre
    /// (met + z²/2)/(n + z²), half-width z·√(met·(n − met)/n + z²/4)/(n + z²). Unlike the plain
    /// p ± z·√(p(1−p)/n) it stays inside [0, 1] and is not of width 0 at 0 of n or n of n, which
    /// matters for the small samples of an audit. Null when n = 0.
    /// </summary>
    public static ShareInterval? Wilson(int met, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (met < 0 || met > n) throw new ArgumentOutOfRangeException(nameof(met), "met must be between 0 and n.");
        if (n == 0) return null;
        double k = met, m = n, z2 = z * z;
        var denominator = m + z2;
        var centre = (k + z2 / 2) / denominator;
        var half = z * Math.Sqrt(k * (m - k) / m + z2 / 4) / denominator;
        // At 0 of n and n of n the bound is exactly 0 or 1; set it so rounding cannot leave 1e-17.
        var lower = met == 0 ? 0 : Math.Max(0, centre - half);
        var upper = met == n ? 1 : Math.Min(1, centre + half);
        return new(k / m, lower, upper);
    }

    /// <summary>
    /// The stratified estimate p = Σ W_h·p_h with p_h = met_h/n_h and variance
    /// V = Σ W_h²·(1 − n_h/N_h)·p_h(1 − p_h)/(n_h − 1); interval p ± z·√V clipped to [0, 1].
    /// <para>
    /// Weights: W_h = N_h / Σ N over the strata with n_h &gt; 0 only. A stratum with no relevant case
    /// says nothing about the share, so its weight is spread over the others in proportion to their
    /// sizes (renormalised), i.e. the estimate assumes those strata are like the rest. N_h counts all
    /// the stratum's cases, also those where the question would not be relevant: the weights are the
    /// strata's shares of the population, not of the (unknown) relevant cases.
    /// </para>
    /// <para>
    /// A stratum with n_h = 1 has no variance estimate (n_h − 1 = 0): it contributes 0 and sets
    /// <see cref="StratifiedEstimate.HasSingleCaseStratum"/>. Null when no stratum has a relevant case.
    /// </para>
    /// </summary>
    public static StratifiedEstimate? Stratified(IEnumerable<StratumCount> strata, double z = Z95)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var used = new List<StratumCount>();
        foreach (var s in strata)
        {
            if (s.Relevant < 0 || s.Met < 0 || s.Met > s.Relevant || s.Relevant > s.Size)
                throw new ArgumentException($"Inconsistent stratum counts: N = {s.Size}, n = {s.Relevant}, met = {s.Met}.", nameof(strata));
            if (s.Relevant > 0) used.Add(s);
        }
        if (used.Count == 0) return null;
        double total = used.Sum(s => s.Size);
        double share = 0, variance = 0;
        var single = false;
        foreach (var s in used)
        {
            var w = s.Size / total;
            var p = (double)s.Met / s.Relevant;
            share += w * p;
            if (s.Relevant == 1) { single = true; continue; }
            var fpc = 1 - (double)s.Relevant / s.Size;
            variance += w * w * fpc * p * (1 - p) / (s.Relevant - 1);
        }
        var half = z * Math.Sqrt(variance);
        return new(share, Math.Max(0, share - half), Math.Min(1, share + half), variance, single, used.Count);
    }

    /// <summary>
    /// Compares two audits of the same population: better only when the current interval lies wholly
    /// above the previous one, worse only when wholly below, otherwise no clear change. (Non-overlap of
    /// two 95 % intervals is a conservative test: a real change can still show as no clear change.)
    /// </summary>
    public static Change Compare(ShareInterval previous, ShareInterval current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        return current.Lower > previous.Upper ? Change.Better
            : current.Upper < previous.Lower ? Change.Worse
            : Change.NoClearChange;
    }

    public static string Label(Change change) => change switch
    {
        Change.Better => "Bedre",
        Change.Worse => "Dårligere",
        Change.NoClearChange => "Ingen klar ændring",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };
}
