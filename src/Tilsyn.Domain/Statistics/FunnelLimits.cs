namespace Tilsyn.Statistics;

/// <summary>
/// Control limits for a funnel plot (Spiegelhalter, "Funnel plots for comparing institutional
/// performance", Statistics in Medicine 2005): for a unit with case volume n and the city-wide rate
/// θ, the range of complaint counts expected by chance alone. A unit outside the 99.8 % limits differs
/// from the city beyond what chance explains (about 1 false alarm in 500 units); outside 95 % is a
/// warning (1 in 20). Counts are Poisson with mean nθ; the limits are its exact quantiles with
/// Spiegelhalter's interpolation so that the funnel is smooth in n.
/// </summary>
public static class FunnelLimits
{
    public sealed record Limits(double Lower, double Upper);

    /// <summary>Limits for the count of events among <paramref name="volume"/> cases at rate <paramref name="rate"/> per case, two-sided, coverage <paramref name="coverage"/> (e.g. 0.95 or 0.998).</summary>
    public static Limits ForCount(double volume, double rate, double coverage)
    {
        if (volume <= 0) return new(0, 0);
        var mean = volume * rate;
        var alpha = (1 - coverage) / 2;
        return new(Interpolated(mean, alpha), Interpolated(mean, 1 - alpha));
    }

    /// <summary>Limits expressed as a rate per 1,000 cases, for plotting against volume.</summary>
    public static Limits ForRatePerThousand(double volume, double ratePerThousand, double coverage)
    {
        var l = ForCount(volume, ratePerThousand / 1000, coverage);
        return new(l.Lower / volume * 1000, l.Upper / volume * 1000);
    }

    /// <summary>
    /// Spiegelhalter's interpolation of the discrete Poisson quantile: r is the smallest count with
    /// P(X ≤ r) ≥ p; the limit is r − α where α = (P(X ≤ r) − p) / (P(X ≤ r) − P(X ≤ r − 1)).
    /// </summary>
    internal static double Interpolated(double mean, double p)
    {
        var r = 0;
        var step = Math.Exp(Poisson.LogPmf(0, mean));
        var cdf = step;
        while (cdf < p && r < 10_000_000)
        {
            step = Math.Exp(Poisson.LogPmf(++r, mean));
            cdf += step;
        }
        var a = step <= 0 ? 0 : (cdf - p) / step;
        return Math.Max(0, r - a);
    }
}

/// <summary>The Poisson distribution, computed in log space so large means do not overflow.</summary>
public static class Poisson
{
    public static double LogPmf(int k, double mean) =>
        mean == 0 ? (k == 0 ? 0 : double.NegativeInfinity) : k * Math.Log(mean) - mean - LogFactorial(k);

    /// <summary>P(X ≤ k).</summary>
    public static double Cdf(int k, double mean)
    {
        if (k < 0) return 0;
        double sum = 0;
        for (var i = 0; i <= k; i++) sum += Math.Exp(LogPmf(i, mean));
        return Math.Min(1, sum);
    }

    /// <summary>P(X ≥ k): the chance of seeing at least k when mean is expected.</summary>
    public static double UpperTail(int k, double mean) => k <= 0 ? 1 : Math.Max(0, 1 - Cdf(k - 1, mean));

    private static double LogFactorial(int n)
    {
        if (n < 2) return 0;
        if (n < 256)
        {
            double s = 0;
            for (var i = 2; i <= n; i++) s += Math.Log(i);
            return s;
        }
        // Stirling's series: exact to double precision at this size.
        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}

/// <summary>
/// Early warning (<i>tidlig varsling</i>): is a unit's count in the latest quarter higher than its own
/// history predicts beyond chance? Expected = the mean of the earlier quarters (at least
/// <see cref="MinHistory"/>); flagged when P(X ≥ observed | Poisson(expected)) &lt; <see cref="Alpha"/>.
/// With α = 0.01 a unit with an unchanged underlying rate is flagged in about 1 quarter in 100
/// (fewer, as the Poisson tail is discrete); a zero history uses 0.5 as the expected count so a
/// single complaint in a quiet unit is not an alarm.
/// </summary>
public static class EarlyWarning
{
    public const double Alpha = 0.01;
    public const int MinHistory = 4;

    public sealed record Signal(double Expected, int Observed, double PValue, bool Flagged);

    public static Signal? Test(IReadOnlyList<int> history, int latest)
    {
        if (history.Count < MinHistory) return null;
        var expected = Math.Max(0.5, history.Average());
        var p = Poisson.UpperTail(latest, expected);
        return new(expected, latest, p, p < Alpha && latest > expected);
    }
}
