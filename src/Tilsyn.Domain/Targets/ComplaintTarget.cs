using System.Globalization;
using Tilsyn.Calendar;

namespace Tilsyn.Targets;

/// <summary>What a target measures.</summary>
public enum TargetMeasure
{
    /// <summary>Complaints per 1,000 cases in the area (<i>andelen af klager i forhold til den samlede sagsmængde</i>, seed 004); needs case volumes from an extract.</summary>
    PerThousandCases = 1,
    /// <summary>The number of complaints per year (<i>antal klager</i>), as BIF's result contract counts them (seed 003).</summary>
    Count = 2,
}

/// <summary>The kind of decision an administration records for a case area.</summary>
public enum TargetRule
{
    /// <summary>At most a fixed value: "højst 5 klager pr. 1.000 sager", "højst 40 klager om året".</summary>
    Ceiling = 1,
    /// <summary>A reduction relative to a baseline year: "nedbring antallet med 20 % i forhold til 2016".</summary>
    Reduction = 2,
    /// <summary>A reasoned decision that no target makes sense for the area (<i>intet måltal</i>), as BUF decided in seed 004.</summary>
    NoTarget = 3,
}

/// <summary>
/// A target an administration owns for a case area (<i>måltal</i>, Økonomiudvalget 26.4.16, seed 004),
/// or its reasoned decision that none makes sense, with the date it was decided and the deciding body
/// (e.g. "Børne- og Ungdomsudvalget"). Targets count formal complaints (<i>formalitetsklager</i>)
/// including complaints to the Citizens' Advisor unless <see cref="FormalOnly"/> is false. Create with
/// <see cref="Ceiling"/>, <see cref="Reduction"/> or <see cref="NoTarget"/>; evaluate with
/// <see cref="TargetEvaluator"/>.
/// </summary>
public sealed record ComplaintTarget
{
    public static readonly TextField ReasonField = new("Begrundelse", 4000);
    public static readonly TextField DecidedByField = new("Besluttet af", 200);

    private ComplaintTarget(int administrationId, TargetArea area, TargetRule rule, TargetMeasure? measure, double? ceiling,
        int? baselineYear, double? reductionPercent, string? reason, DateOnly decidedOn, string decidedBy, bool formalOnly, DateOnly today)
    {
        if (decidedOn > today) throw new DomainException("Beslutningsdatoen kan ikke ligge i fremtiden.");
        AdministrationId = administrationId;
        Area = area;
        Rule = rule;
        Measure = measure;
        CeilingValue = ceiling;
        BaselineYear = baselineYear;
        ReductionPercent = reductionPercent;
        Reason = reason;
        DecidedOn = decidedOn;
        DecidedBy = DecidedByField.Required(decidedBy);
        FormalOnly = formalOnly;
    }

    public int AdministrationId { get; }
    public TargetArea Area { get; }
    public TargetRule Rule { get; }

    /// <summary>What is measured; null for <see cref="TargetRule.NoTarget"/>.</summary>
    public TargetMeasure? Measure { get; }

    /// <summary>The highest acceptable value (<see cref="TargetRule.Ceiling"/>): per 1,000 cases, or complaints per year.</summary>
    public double? CeilingValue { get; }

    /// <summary>The year the reduction is measured from (<see cref="TargetRule.Reduction"/>).</summary>
    public int? BaselineYear { get; }

    /// <summary>The reduction in per cent of the baseline year's value, above 0 and at most 100.</summary>
    public double? ReductionPercent { get; }

    /// <summary>Why no target makes sense (<see cref="TargetRule.NoTarget"/>).</summary>
    public string? Reason { get; }

    /// <summary>The date the target or decision was made.</summary>
    public DateOnly DecidedOn { get; }

    /// <summary>The body that decided it (<i>udvalg, direktion</i>).</summary>
    public string DecidedBy { get; }

    /// <summary>Only formal complaints count (the default, as in the seeds); false counts service complaints too.</summary>
    public bool FormalOnly { get; }

    public static ComplaintTarget Ceiling(int administrationId, TargetArea area, TargetMeasure measure, double ceiling,
        DateOnly decidedOn, string decidedBy, DateOnly today, bool formalOnly = true)
    {
        if (!double.IsFinite(ceiling) || ceiling < 0) throw new DomainException("Måltallet skal være et tal på 0 eller derover.");
        return new(administrationId, area, TargetRule.Ceiling, measure, ceiling, null, null, null, decidedOn, decidedBy, formalOnly, today);
    }

    public static ComplaintTarget Reduction(int administrationId, TargetArea area, TargetMeasure measure, int baselineYear, double percent,
        DateOnly decidedOn, string decidedBy, DateOnly today, bool formalOnly = true)
    {
        if (!double.IsFinite(percent) || percent is <= 0 or > 100) throw new DomainException("Reduktionen skal være over 0 og højst 100 %.");
        if (baselineYear < ReportingPeriod.MinYear || baselineYear > decidedOn.Year)
            throw new DomainException("Basisåret skal være beslutningsåret eller et tidligere år.");
        return new(administrationId, area, TargetRule.Reduction, measure, null, baselineYear, percent, null, decidedOn, decidedBy, formalOnly, today);
    }

    public static ComplaintTarget NoTarget(int administrationId, TargetArea area, string reason, DateOnly decidedOn, string decidedBy, DateOnly today) =>
        new(administrationId, area, TargetRule.NoTarget, null, null, null, null, ReasonField.Required(reason), decidedOn, decidedBy, false, today);

    /// <summary>The target in Danish, as the annual and quarterly reports print it.</summary>
    public string Describe()
    {
        var what = FormalOnly ? "formalitetsklager" : "klager";
        var c = DanishTime.Culture;
        return Rule switch
        {
            TargetRule.Ceiling when Measure == TargetMeasure.PerThousandCases => string.Format(c, "Højst {0:0.##} {1} pr. 1.000 sager", CeilingValue, what),
            TargetRule.Ceiling => string.Format(c, "Højst {0:0.##} {1} om året", CeilingValue, what),
            TargetRule.Reduction when Measure == TargetMeasure.PerThousandCases =>
                string.Format(c, "Nedbring {0} pr. 1.000 sager med {1:0.##} % i forhold til {2}", what, ReductionPercent, BaselineYear.GetValueOrDefault().ToString(CultureInfo.InvariantCulture)),
            TargetRule.Reduction => string.Format(c, "Nedbring antallet af {0} med {1:0.##} % i forhold til {2}", what, ReductionPercent, BaselineYear.GetValueOrDefault().ToString(CultureInfo.InvariantCulture)),
            _ => $"Intet måltal: {Reason}",
        };
    }
}
