using Tilsyn.Calendar;

namespace Tilsyn.Targets;

/// <summary>A target's status in a period (<i>målopfyldelse</i>).</summary>
public enum TargetOutcome
{
    /// <summary><i>Opfyldt</i>.</summary>
    Met = 1,
    /// <summary><i>Ikke opfyldt</i>.</summary>
    NotMet = 2,
    /// <summary><i>Kan ikke måles</i>: no case volume for a per-1,000 target, no baseline data, no data, or the period has not begun. Never shown as met.</summary>
    CannotBeMeasured = 3,
    /// <summary><i>Intet måltal</i>: the administration decided, with reasons, that no target makes sense.</summary>
    NoTarget = 4,
}

/// <summary>
/// The complaints and cases in a target's area for one period, as the caller counted them: complaints
/// once each (<see cref="Statistics.ComplaintCounting"/>), formal only when the target says so;
/// <paramref name="Cases"/> from the extracts, null when no extract covers the period.
/// </summary>
public sealed record AreaFigures(int Complaints, long? Cases);

/// <summary>
/// A target evaluated for a period, with the figures used so a report can show its working.
/// </summary>
/// <param name="Actual">The measured value: complaints per 1,000 cases, or the number of complaints.</param>
/// <param name="Allowed">The highest value that still meets the target in this period (after proration for counts, see <see cref="TargetEvaluator"/>).</param>
/// <param name="Baseline">The baseline year's value (per 1,000 cases, or complaints in the year) for a reduction target.</param>
/// <param name="Provisional">The period has not ended: the status is for the days so far.</param>
/// <param name="Explanation">One Danish sentence saying why, for the report.</param>
public sealed record TargetResult(
    ComplaintTarget Target,
    ReportingPeriod Period,
    TargetOutcome Outcome,
    bool Provisional,
    double? Actual,
    double? Allowed,
    double? Baseline,
    int? Complaints,
    long? Cases,
    string Explanation)
{
    public string OutcomeName => TargetEvaluator.Name(Outcome);
}

/// <summary>A result contract's year (<i>resultatkontrakt</i>, seed 003): status per month, per month cumulated from 1 January, per half-year and for the year.</summary>
public sealed record YearStatus(
    IReadOnlyList<TargetResult> Months,
    IReadOnlyList<TargetResult> YearToDateByMonth,
    IReadOnlyList<TargetResult> HalfYears,
    TargetResult Year);

/// <summary>
/// Evaluates targets. The rules:
/// <list type="bullet">
/// <item>Met when the measured value is at most the allowed value; ceilings and reductions are both "at most".</item>
/// <item>Per 1,000 cases: actual = complaints × 1000 / cases. No cases (no extract, or zero cases) is "cannot be measured", never "met".</item>
/// <item>A reduction of p % from baseline year B allows B's value × (1 − p/100): B's rate per 1,000 cases, or B's number of complaints. No figures for B (or no cases in B for a rate) is "cannot be measured".</item>
/// <item>Counts are per year: for a shorter period the allowance is prorated by days, year by year
/// (Q1 2024 allows 91/366 of the annual number), so a monthly or half-year status compares like with like.</item>
/// <item>A period that has begun but not ended is measured over its days so far (counts prorated to
/// those days) and marked provisional; one that has not begun cannot be measured.</item>
/// </list>
/// </summary>
public static class TargetEvaluator
{
    /// <summary>Tolerance for comparing a measured value with the allowance (floating point only, not leniency).</summary>
    private const double Epsilon = 1e-9;

    /// <param name="current">The area's figures for <paramref name="period"/> (so far); null when there are no data at all.</param>
    /// <param name="baselineYear">The area's figures for the whole baseline year, for a reduction target; null when there are none.</param>
    public static TargetResult Evaluate(ComplaintTarget target, ReportingPeriod period, DateOnly today, AreaFigures? current, AreaFigures? baselineYear)
    {
        TargetResult Result(TargetOutcome o, string why, double? actual = null, double? allowed = null, double? baseline = null) =>
            new(target, period, o, !period.HasEnded(today), actual, allowed, baseline, current?.Complaints, current?.Cases, why);

        if (target.Rule == TargetRule.NoTarget) return Result(TargetOutcome.NoTarget, $"Intet måltal: {target.Reason}");
        if (!period.HasStarted(today)) return Result(TargetOutcome.CannotBeMeasured, "Perioden er ikke begyndt.");
        if (current is null) return Result(TargetOutcome.CannotBeMeasured, "Der er ingen klagedata for perioden.");

        var c = DanishTime.Culture;
        if (target.Measure == TargetMeasure.PerThousandCases)
        {
            if (current.Cases is not > 0) return Result(TargetOutcome.CannotBeMeasured, "Der er ingen sagsmængde (udtræk) for perioden, så antal klager pr. 1.000 sager kan ikke beregnes.");
            var actual = current.Complaints * 1000.0 / current.Cases.Value;
            double allowed;
            double? baseline = null;
            if (target.Rule == TargetRule.Ceiling) allowed = target.CeilingValue!.Value;
            else
            {
                if (baselineYear?.Cases is not > 0) return Result(TargetOutcome.CannotBeMeasured, $"Der er ingen sagsmængde for basisåret {target.BaselineYear}.", actual);
                baseline = baselineYear.Complaints * 1000.0 / baselineYear.Cases.Value;
                allowed = baseline.Value * (1 - target.ReductionPercent!.Value / 100);
            }
            var met = actual <= allowed + Epsilon;
            return Result(met ? TargetOutcome.Met : TargetOutcome.NotMet,
                string.Format(c, "{0:0.##} klager pr. 1.000 sager mod højst {1:0.##}.", actual, allowed), actual, allowed, baseline);
        }
        else
        {
            double annual;
            double? baseline = null;
            if (target.Rule == TargetRule.Ceiling) annual = target.CeilingValue!.Value;
            else
            {
                if (baselineYear is null) return Result(TargetOutcome.CannotBeMeasured, $"Der er ingen klagedata for basisåret {target.BaselineYear}.", current.Complaints);
                baseline = baselineYear.Complaints;
                annual = baselineYear.Complaints * (1 - target.ReductionPercent!.Value / 100);
            }
            var measuredTo = period.HasEnded(today) ? period.To : today;
            var allowed = annual * YearFraction(period.From, measuredTo);
            var met = current.Complaints <= allowed + Epsilon;
            return Result(met ? TargetOutcome.Met : TargetOutcome.NotMet,
                string.Format(c, "{0} klager mod højst {1:0.#}.", current.Complaints, allowed), current.Complaints, allowed, baseline);
        }
    }

    /// <summary>
    /// The status of a target over a result contract's year: each month on its own, each month cumulated
    /// from 1 January (the monthly result status), each half-year and the year.
    /// <paramref name="figures"/> gives the area's figures for any period (null: no data);
    /// the baseline year's figures are asked for as <see cref="ReportingPeriod.ForYear"/>.
    /// </summary>
    public static YearStatus ForYear(ComplaintTarget target, int year, DateOnly today, Func<ReportingPeriod, AreaFigures?> figures)
    {
        var baseline = target.BaselineYear is { } b ? figures(ReportingPeriod.ForYear(b)) : null;
        TargetResult Eval(ReportingPeriod p) => Evaluate(target, p, today, p.HasStarted(today) ? figures(p) : null, baseline);
        var months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.ForMonth(year, m)).ToList();
        return new(
            months.Select(Eval).ToList(),
            months.Select(m => Eval(ReportingPeriod.YearToDate(m.To))).ToList(),
            [Eval(ReportingPeriod.ForHalfYear(year, 1)), Eval(ReportingPeriod.ForHalfYear(year, 2))],
            Eval(ReportingPeriod.ForYear(year)));
    }

    /// <summary>
    /// The complaints that count towards <paramref name="target"/> in <paramref name="period"/>: of its
    /// administration, received in the period, in its area (<see cref="TargetArea.Matches"/>;
    /// <paramref name="unitsInArea"/> for a unit area), formal only unless the target says otherwise.
    /// <paramref name="counted"/> must be counted once already (<see cref="Statistics.ComplaintCounting.CountOnce"/>),
    /// so complaints to the Citizens' Advisor are included without being counted twice.
    /// </summary>
    public static int CountComplaints(ComplaintTarget target, IEnumerable<Statistics.CountedComplaint> counted, ReportingPeriod period, IReadOnlySet<int>? unitsInArea = null) =>
        counted.Count(c => c.Fact.AdministrationId == target.AdministrationId
            && period.Contains(c.Fact.Received)
            && (!target.FormalOnly || c.Fact.IsFormal)
            && target.Area.Matches(c.Fact.KleCode, c.Fact.CaseType, c.Fact.UnitId, unitsInArea));

    /// <summary>The share of a year that the days from <paramref name="from"/> through <paramref name="to"/> make up, each calendar year by its own length (365 or 366 days).</summary>
    public static double YearFraction(DateOnly from, DateOnly to)
    {
        double fraction = 0;
        for (var year = from.Year; year <= to.Year; year++)
        {
            var start = year == from.Year ? from : new DateOnly(year, 1, 1);
            var end = year == to.Year ? to : new DateOnly(year, 12, 31);
            fraction += (end.DayNumber - start.DayNumber + 1) / (double)(DateTime.IsLeapYear(year) ? 366 : 365);
        }
        return fraction;
    }

    public static string Name(TargetOutcome o) => o switch
    {
        TargetOutcome.Met => "Opfyldt",
        TargetOutcome.NotMet => "Ikke opfyldt",
        TargetOutcome.CannotBeMeasured => "Kan ikke måles",
        TargetOutcome.NoTarget => "Intet måltal",
        _ => o.ToString(),
    };
}
