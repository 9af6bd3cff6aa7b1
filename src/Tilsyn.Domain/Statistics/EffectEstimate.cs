using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Statistics;

/// <summary>What a before/after rate is relative to.</summary>
public enum ExposureKind
{
    /// <summary>Cases from the extracts: rates are complaints per 1,000 cases.</summary>
    Cases = 1,
    /// <summary>No volume: two windows of equal length in days, so the counts compare directly.</summary>
    Days = 2,
}

/// <summary>The verdict on a before/after comparison (<i>virkede det?</i>).</summary>
public enum EffectVerdict
{
    /// <summary><i>Ingen klar ændring</i>: the interval for the change includes no change (or there are no complaints at all).</summary>
    NoClearChange = 1,
    /// <summary><i>Klart fald</i>: the whole interval lies below no change.</summary>
    ClearDecrease = 2,
    /// <summary><i>Klar stigning</i>: the whole interval lies above no change.</summary>
    ClearIncrease = 3,
}

/// <summary>Complaints in one window and what they are relative to (cases, or the window's days).</summary>
public sealed record RateWindow(ReportingPeriod Period, int Complaints, double Exposure);

/// <summary>
/// The unit's complaint rate before and after a date (the date a recommendation was closed), the rate
/// ratio after/before with its exact 95 % interval and the verdict. <see cref="Ratio"/> is null when
/// there were no complaints before (no finite ratio); <see cref="Upper"/> is null when the interval has
/// no upper bound (no complaints before); <see cref="Lower"/> and <see cref="Upper"/> are both null
/// when there were no complaints at all.
/// </summary>
public sealed record EffectEstimate(RateWindow Before, RateWindow After, ExposureKind Exposure, double? Ratio, double? Lower, double? Upper, EffectVerdict Verdict)
{
    /// <summary>Complaints per 1,000 cases (<see cref="ExposureKind.Cases"/>), or the count in the window (<see cref="ExposureKind.Days"/>).</summary>
    public double BeforeRate => Rate(Before);

    /// <inheritdoc cref="BeforeRate"/>
    public double AfterRate => Rate(After);

    public string VerdictText => BeforeAfter.Name(Verdict);

    private double Rate(RateWindow w) => Exposure == ExposureKind.Cases ? w.Complaints * 1000.0 / w.Exposure : w.Complaints;
}

/// <summary>
/// "Did it help?" (<i>virkede det?</i>): the loop from complaint to finding to recommendation to
/// measured effect. Compares a unit's complaints in a category before and after a date.
/// <para>
/// <b>The rule.</b> The change is the rate ratio R = after-rate ÷ before-rate, with the exact
/// conditional 95 % interval (<see cref="ExactIntervals.PoissonRateRatio"/>). The verdict is
/// "klart fald" when the interval's upper bound is below 1, "klar stigning" when its lower bound is
/// above 1, and otherwise "ingen klar ændring". One interval for the ratio rather than "the two rates'
/// intervals do not overlap": non-overlap of two 95 % intervals is a much stricter test (about 99.5 %)
/// than the one the ratio's own interval makes, and it says nothing about how large the change is.
/// </para>
/// <para>
/// <b>The windows.</b> With case volumes (<see cref="ExposureKind.Cases"/>): up to four whole quarters
/// after the quarter of the date, as many as have ended, against as many whole quarters just before
/// it (the quarter of the date itself is mixed and left out). Without volumes
/// (<see cref="ExposureKind.Days"/>): two windows of equal length, the days after the date up to
/// yesterday (at most 365) against as many days up to and including the date.
/// </para>
/// </summary>
public static class BeforeAfter
{
    public const double Confidence = 0.95;
    public const int MaxQuarters = 4;
    public const int MaxWindowDays = 365;

    /// <summary>Compares two windows. Exposure must be positive in both.</summary>
    public static EffectEstimate Compare(RateWindow before, RateWindow after, ExposureKind exposure)
    {
        var interval = ExactIntervals.PoissonRateRatio(after.Complaints, after.Exposure, before.Complaints, before.Exposure, Confidence);
        double? ratio = before.Complaints == 0 ? null : after.Complaints / after.Exposure / (before.Complaints / before.Exposure);
        var verdict = interval switch
        {
            null => EffectVerdict.NoClearChange,
            { Upper: < 1 } => EffectVerdict.ClearDecrease,
            { Lower: > 1 } => EffectVerdict.ClearIncrease,
            _ => EffectVerdict.NoClearChange,
        };
        return new(before, after, exposure, ratio, interval?.Lower, interval?.Upper, verdict);
    }

    /// <summary>
    /// The comparison for the complaints in <paramref name="counted"/> about <paramref name="unitId"/>
    /// in <paramref name="category"/>, around <paramref name="changedOn"/>; with quarter volumes from
    /// <paramref name="volumes"/> (the unit's cases) where they cover the windows, otherwise equal day
    /// windows. Null when no day has passed since the date (too early to say).
    /// </summary>
    public static EffectEstimate? ForUnit(IReadOnlyList<CountedComplaint> counted, int unitId, ComplaintCategory category, DateOnly changedOn, DateOnly today, CaseVolumes? volumes)
    {
        var relevant = counted.Where(c => c.Fact.UnitId == unitId && c.Fact.Categories.Contains(category)).Select(c => c.Fact.Received).ToList();
        int Count(ReportingPeriod p) => relevant.Count(p.Contains);

        if (volumes is not null && QuarterWindows(changedOn, today) is var (qb, qa) && volumes.For(qb) is > 0 and var vb && volumes.For(qa) is > 0 and var va)
            return Compare(new(qb, Count(qb), vb), new(qa, Count(qa), va), ExposureKind.Cases);

        if (DayWindows(changedOn, today) is not var (db, da)) return null;
        return Compare(new(db, Count(db), db.Days), new(da, Count(da), da.Days), ExposureKind.Days);
    }

    /// <summary>Whole quarters: up to <see cref="MaxQuarters"/> ended quarters after the date's quarter, and as many just before it; null when none has ended.</summary>
    public static (ReportingPeriod Before, ReportingPeriod After)? QuarterWindows(DateOnly changedOn, DateOnly today)
    {
        var quarterOfChange = ReportingPeriod.Containing(PeriodKind.Quarter, changedOn);
        var lastEnded = ReportingPeriod.Containing(PeriodKind.Quarter, today).LastQuarters(2)[0];
        var ended = (lastEnded.From.Year * 4 + lastEnded.From.Month / 3) - (quarterOfChange.From.Year * 4 + quarterOfChange.From.Month / 3);
        var n = Math.Min(MaxQuarters, ended);
        if (n < 1) return null;
        var after = ReportingPeriod.QuartersEndingWith(lastEnded, ended).Take(n).ToList();
        var before = quarterOfChange.LastQuarters(n + 1).Take(n).ToList();
        return (ReportingPeriod.Custom(before[0].From, before[^1].To), ReportingPeriod.Custom(after[0].From, after[^1].To));
    }

    /// <summary>Equal day windows: after = the day after the date through yesterday (at most <see cref="MaxWindowDays"/>), before = as many days ending with the date; null when no whole day has passed.</summary>
    public static (ReportingPeriod Before, ReportingPeriod After)? DayWindows(DateOnly changedOn, DateOnly today)
    {
        var days = Math.Min(MaxWindowDays, today.DayNumber - 1 - changedOn.DayNumber);
        if (days < 1) return null;
        return (ReportingPeriod.Custom(changedOn.AddDays(1 - days), changedOn), ReportingPeriod.Custom(changedOn.AddDays(1), changedOn.AddDays(days)));
    }

    public static string Name(EffectVerdict v) => v switch
    {
        EffectVerdict.ClearDecrease => "klart fald",
        EffectVerdict.ClearIncrease => "klar stigning",
        _ => "ingen klar ændring",
    };
}
