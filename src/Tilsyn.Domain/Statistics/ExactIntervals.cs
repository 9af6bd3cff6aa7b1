namespace Tilsyn.Statistics;

/// <summary>
/// Exact confidence intervals: Clopper–Pearson for a binomial proportion, and from it the conditional
/// interval for the ratio of two Poisson rates. Computed from the regularised incomplete beta
/// function (continued fraction, Lentz's method) and bisection, to about 1e-12.
/// </summary>
public static class ExactIntervals
{
    /// <summary>
    /// Clopper–Pearson interval for <paramref name="successes"/> of <paramref name="trials"/>
    /// (Clopper &amp; Pearson, Biometrika 1934): lower = Beta⁻¹(α/2; k, n−k+1) (0 when k = 0),
    /// upper = Beta⁻¹(1−α/2; k+1, n−k) (1 when k = n). It is what R's <c>binom.test</c> reports.
    /// </summary>
    public static (double Lower, double Upper) ClopperPearson(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0) return (0, 1);
        var alpha = 1 - confidence;
        var lower = successes == 0 ? 0 : BetaQuantile(alpha / 2, successes, trials - successes + 1);
        var upper = successes == trials ? 1 : BetaQuantile(1 - alpha / 2, successes + 1, trials - successes);
        return (lower, upper);
    }

    /// <summary>
    /// The conditional exact interval for the ratio R = (a/Ea) / (b/Eb) of two Poisson rates
    /// (Breslow &amp; Day, Statistical Methods in Cancer Research II, 1987, §2.3; R's <c>poisson.test</c>
    /// with two samples): given n = a + b, a is binomial with p = R·Ea / (R·Ea + Eb), so the
    /// Clopper–Pearson interval (pL, pU) for p = a/n maps to R = p/(1−p) · Eb/Ea. A bound that is
    /// infinite (b = 0 gives no upper bound) is null; with a = b = 0 there is no interval at all.
    /// </summary>
    public static (double Lower, double? Upper)? PoissonRateRatio(int a, double exposureA, int b, double exposureB, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        if (!(exposureA > 0) || !(exposureB > 0)) throw new ArgumentOutOfRangeException(nameof(exposureA), "Exposures must be positive.");
        if (a + b == 0) return null;
        var (pl, pu) = ClopperPearson(a, a + b, confidence);
        var scale = exposureB / exposureA;
        return (pl / (1 - pl) * scale, pu >= 1 ? null : pu / (1 - pu) * scale);
    }

    /// <summary>The p-quantile of the Beta(a, b) distribution, by bisection on <see cref="RegularizedBeta"/>.</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (RegularizedBeta(mid, a, b) < p) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>I_x(a, b), the regularised incomplete beta function (the Beta(a, b) distribution function at x).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - front * ContinuedFraction(1 - x, b, a) / b;
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 10_000; m++)
        {
            var m2 = 2 * m;
            var num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + num / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + num / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        return h;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, 9 terms; relative error below 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++) sum += g[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
