using Tilsyn.Calendar;

namespace Tilsyn.Targets;

/// <summary>Where an administration's recorded target is in its life: a draft it may still change, or submitted to the advisor.</summary>
public enum TargetState
{
    /// <summary><i>Kladde</i>: recorded, not yet sent to the advisor.</summary>
    Draft = 1,
    /// <summary><i>Indsendt</i>: the administration has told the advisor (seed 004: <i>Borgerrådgiveren skal orienteres herom</i>).</summary>
    Submitted = 2,
}

/// <summary>
/// A target an administration owns and keeps in Tilsyn (<i>forvaltningens måltal</i>): the rule itself
/// (<see cref="ComplaintTarget"/>: a ceiling, a reduction from a baseline year, or a reasoned "no target",
/// with the date decided and the deciding body), the years it applies to, whether it belongs to a
/// result contract (then it gets monthly, half-year and annual status), and its state: a draft the
/// administration changes until it submits it to the advisor. Changing a submitted target makes it a
/// draft again, to be submitted anew; a submitted target is never deleted (the advisor has reported it).
/// </summary>
public sealed class AdministrationTarget
{
    public const int MaxYears = 10;
    public static readonly TextField UnitNameField = new("Enhed", 200);

    private AdministrationTarget() { } // EF

    public int Id { get; private set; }
    public int AdministrationId { get; private set; }
    public TargetAreaKind AreaKind { get; private set; }
    public string? KleCode { get; private set; }
    public string? CaseType { get; private set; }
    public int? OrgUnitId { get; private set; }
    public string? OrgUnitName { get; private set; }
    public TargetRule Rule { get; private set; }
    public TargetMeasure? Measure { get; private set; }
    public double? CeilingValue { get; private set; }
    public int? BaselineYear { get; private set; }
    public double? ReductionPercent { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public bool FormalOnly { get; private set; }

    /// <summary>The first year the target applies to.</summary>
    public int FirstYear { get; private set; }

    /// <summary>The last year the target applies to (the same as <see cref="FirstYear"/> for one year).</summary>
    public int LastYear { get; private set; }

    /// <summary>Part of a result contract (<i>resultatkontrakt</i>, seed 003): status per month, half-year and year.</summary>
    public bool ResultContract { get; private set; }

    public TargetState State { get; private set; }

    /// <summary>When it was last submitted; kept when a later change makes it a draft again.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Changed after it was submitted: the advisor has an older version.</summary>
    public bool ChangedSinceSubmitted => State == TargetState.Draft && SubmittedAt is not null;

    /// <summary>The rule as the domain evaluates it.</summary>
    public ComplaintTarget Target
    {
        get
        {
            var area = AreaKind switch
            {
                TargetAreaKind.Kle => TargetArea.Kle(KleCode!),
                TargetAreaKind.CaseType => TargetArea.ForCaseType(CaseType!),
                TargetAreaKind.OrgUnit => TargetArea.ForUnit(OrgUnitId.GetValueOrDefault(), OrgUnitName ?? ""),
                _ => TargetArea.WholeAdministration,
            };
            // Stored targets were checked when recorded; "today" is the decision date so a reload never refuses.
            return Rule switch
            {
                TargetRule.Ceiling => ComplaintTarget.Ceiling(AdministrationId, area, Measure!.Value, CeilingValue!.Value, DecidedOn, DecidedBy, DecidedOn, FormalOnly),
                TargetRule.Reduction => ComplaintTarget.Reduction(AdministrationId, area, Measure!.Value, BaselineYear!.Value, ReductionPercent!.Value, DecidedOn, DecidedBy, DecidedOn, FormalOnly),
                _ => ComplaintTarget.NoTarget(AdministrationId, area, Reason!, DecidedOn, DecidedBy, DecidedOn),
            };
        }
    }

    /// <summary>"2017" or "2017–2019".</summary>
    public string Years => FirstYear == LastYear ? $"{FirstYear}" : $"{FirstYear}–{LastYear}";

    public bool AppliesTo(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>Whether the target applies to any year of the period.</summary>
    public bool AppliesTo(ReportingPeriod period) => FirstYear <= period.To.Year && LastYear >= period.From.Year;

    /// <summary>Records a new draft target for the administration of <paramref name="target"/>.</summary>
    public static AdministrationTarget Record(ComplaintTarget target, int firstYear, int lastYear, bool resultContract, DateTimeOffset at, string by)
    {
        var t = new AdministrationTarget
        {
            AdministrationId = target.AdministrationId,
            State = TargetState.Draft,
            CreatedAt = at,
            CreatedBy = by,
        };
        t.Apply(target, firstYear, lastYear, resultContract, at, by);
        return t;
    }

    /// <summary>Changes the target; a submitted one becomes a draft again, to be submitted anew.</summary>
    public void Change(ComplaintTarget target, int firstYear, int lastYear, bool resultContract, DateTimeOffset at, string by)
    {
        if (target.AdministrationId != AdministrationId) throw new DomainException("Måltallet hører til en anden forvaltning.");
        Apply(target, firstYear, lastYear, resultContract, at, by);
        State = TargetState.Draft;
    }

    /// <summary>Submits the target to the advisor (<i>indsend</i>); only a draft can be submitted.</summary>
    public void Submit(DateTimeOffset at, string by)
    {
        if (State == TargetState.Submitted) throw new DomainException("Måltallet er allerede indsendt.");
        State = TargetState.Submitted;
        SubmittedAt = at;
        SubmittedBy = by;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    /// <summary>Only a target never submitted may be deleted: the advisor may already have reported a submitted one.</summary>
    public void EnsureMayDelete()
    {
        if (SubmittedAt is not null) throw new DomainException("Et indsendt måltal kan ikke slettes; ret det eller registrer i stedet, at der ikke er et måltal.");
    }

    public static string StateName(TargetState s) => s switch
    {
        TargetState.Draft => "Kladde",
        TargetState.Submitted => "Indsendt",
        _ => s.ToString(),
    };

    private void Apply(ComplaintTarget target, int firstYear, int lastYear, bool resultContract, DateTimeOffset at, string by)
    {
        if (firstYear is < 2000 or > ReportingPeriod.MaxYear) throw new DomainException("Feltet 'Første år' skal være et årstal fra 2000.");
        if (lastYear < firstYear) throw new DomainException("Feltet 'Sidste år' må ikke ligge før 'Første år'.");
        if (lastYear - firstYear + 1 > MaxYears) throw new DomainException($"Feltet 'Sidste år': et måltal kan højst gælde {MaxYears} år; fastsæt et nyt bagefter.");
        if (target.BaselineYear is { } b && b >= firstYear) throw new DomainException("Feltet 'Basisår' skal ligge før det første år, måltallet gælder.");
        if (resultContract && target.Rule == TargetRule.NoTarget) throw new DomainException("Et fravalg af måltal kan ikke indgå i en resultatkontrakt.");
        AreaKind = target.Area.Kind;
        KleCode = target.Area.KleCode;
        CaseType = target.Area.CaseType;
        OrgUnitId = target.Area.OrgUnitId;
        OrgUnitName = UnitNameField.Optional(target.Area.OrgUnitName);
        Rule = target.Rule;
        Measure = target.Measure;
        CeilingValue = target.CeilingValue;
        BaselineYear = target.BaselineYear;
        ReductionPercent = target.ReductionPercent;
        Reason = target.Reason;
        DecidedOn = target.DecidedOn;
        DecidedBy = target.DecidedBy;
        FormalOnly = target.FormalOnly;
        FirstYear = firstYear;
        LastYear = lastYear;
        ResultContract = resultContract;
        UpdatedAt = at;
        UpdatedBy = by;
    }
}
