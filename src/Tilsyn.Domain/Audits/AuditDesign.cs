namespace Tilsyn.Audits;

/// <summary>
/// The designs an audit can be drawn with (<i>udvælgelsesdesign</i>): how the population is split
/// (<see cref="StratifyBy"/>) and how the sample is spread over the parts (<see cref="SampleDesign"/>).
/// An audit stores the two parts; this is the one list of the combinations that make sense, with their names.
/// </summary>
public enum AuditDesign
{
    SimpleRandom = 1,
    UnitProportional = 2,
    UnitEqual = 3,
    CaseTypeProportional = 4,
    CaseTypeEqual = 5,
}

/// <summary>The parts, the form's stable key and the Danish description of each <see cref="AuditDesign"/>.</summary>
public static class AuditDesigns
{
    public static IReadOnlyList<AuditDesign> All { get; } = Enum.GetValues<AuditDesign>();

    public static (StratifyBy By, SampleDesign Design) Parts(AuditDesign design) => design switch
    {
        AuditDesign.SimpleRandom => (StratifyBy.None, SampleDesign.SimpleRandom),
        AuditDesign.UnitProportional => (StratifyBy.Unit, SampleDesign.StratifiedProportional),
        AuditDesign.UnitEqual => (StratifyBy.Unit, SampleDesign.StratifiedEqual),
        AuditDesign.CaseTypeProportional => (StratifyBy.CaseType, SampleDesign.StratifiedProportional),
        AuditDesign.CaseTypeEqual => (StratifyBy.CaseType, SampleDesign.StratifiedEqual),
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };

    /// <summary>The design an audit's two stored parts make, or null for a combination that is not a design.</summary>
    public static AuditDesign? Of(StratifyBy by, SampleDesign design) => All.Cast<AuditDesign?>().FirstOrDefault(d => Parts(d!.Value) == (by, design));

    /// <summary>The value the audit form sends (stable: links and tests use it).</summary>
    public static string Key(AuditDesign design) => design switch
    {
        AuditDesign.SimpleRandom => "simple",
        AuditDesign.UnitProportional => "unit-proportional",
        AuditDesign.UnitEqual => "unit-equal",
        AuditDesign.CaseTypeProportional => "type-proportional",
        _ => "type-equal",
    };

    public static AuditDesign? FromKey(string? key) => All.Cast<AuditDesign?>().FirstOrDefault(d => Key(d!.Value) == key);

    /// <summary>The Danish description, e.g. "opdelt efter enhed, proportional fordeling".</summary>
    public static string Describe(AuditDesign design) => design switch
    {
        AuditDesign.SimpleRandom => "simpel tilfældig stikprøve",
        AuditDesign.UnitProportional => "opdelt efter enhed, proportional fordeling",
        AuditDesign.UnitEqual => "opdelt efter enhed, lige mange pr. enhed",
        AuditDesign.CaseTypeProportional => "opdelt efter sagstype, proportional fordeling",
        _ => "opdelt efter sagstype, lige mange pr. sagstype",
    };
}
