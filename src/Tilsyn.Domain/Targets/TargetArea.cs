namespace Tilsyn.Targets;

/// <summary>What a target's case area (<i>sagsområde</i>) is defined by.</summary>
public enum TargetAreaKind
{
    /// <summary>A KLE main group, group or subject (<i>KLE-gruppe eller -emne</i>), e.g. <c>32.18</c>: the city's common language for case areas.</summary>
    Kle = 1,
    /// <summary>A case type (<i>sagstype</i>) as the extracts name it, e.g. "Sygedagpenge".</summary>
    CaseType = 2,
    /// <summary>An organisational area or unit (<i>område/enhed</i>) and everything under it.</summary>
    OrgUnit = 3,
    /// <summary>The whole administration.</summary>
    Administration = 4,
}

/// <summary>
/// The case area a complaint target is set for (seed 004: <i>de sagsområder, hvor det er relevant at
/// opstille måltal</i>): a KLE group or subject, a case type, an organisational unit, or the whole
/// administration. Create it with the factories.
/// </summary>
public sealed record TargetArea
{
    public static readonly TextField CaseTypeField = new("Sagstype", 100);

    private TargetArea(TargetAreaKind kind, string? kle, string? caseType, int? orgUnitId, string? orgUnitName)
    {
        Kind = kind;
        KleCode = kle;
        CaseType = caseType;
        OrgUnitId = orgUnitId;
        OrgUnitName = orgUnitName;
    }

    public TargetAreaKind Kind { get; }

    /// <summary>The KLE code (<see cref="TargetAreaKind.Kle"/>), e.g. <c>32.18</c>.</summary>
    public string? KleCode { get; }

    /// <summary>The case type (<see cref="TargetAreaKind.CaseType"/>).</summary>
    public string? CaseType { get; }

    /// <summary>The area or unit (<see cref="TargetAreaKind.OrgUnit"/>).</summary>
    public int? OrgUnitId { get; }

    /// <summary>The unit's name for labels (not part of matching).</summary>
    public string? OrgUnitName { get; }

    public static TargetArea Kle(string code) =>
        Organisation.KleCode.TryParse(code, out var k)
            ? new(TargetAreaKind.Kle, k.Value.Value, null, null, null)
            : throw new DomainException($"'{code}' er ikke en KLE-kode (fx 32, 32.18 eller 32.18.08).");

    public static TargetArea ForCaseType(string caseType) => new(TargetAreaKind.CaseType, null, CaseTypeField.Required(caseType), null, null);

    public static TargetArea ForUnit(int orgUnitId, string name) => new(TargetAreaKind.OrgUnit, null, null, orgUnitId, name);

    public static readonly TargetArea WholeAdministration = new(TargetAreaKind.Administration, null, null, null, null);

    /// <summary>Danish label: "KLE 32.18", "Sagstype: Sygedagpenge", the unit's name, "Hele forvaltningen".</summary>
    public string Label => Kind switch
    {
        TargetAreaKind.Kle => $"KLE {KleCode}",
        TargetAreaKind.CaseType => $"Sagstype: {CaseType}",
        TargetAreaKind.OrgUnit => OrgUnitName ?? $"Enhed {OrgUnitId}",
        _ => "Hele forvaltningen",
    };

    /// <summary>
    /// Whether a complaint or a case belongs to the area. A KLE area holds its own code and every code
    /// below it (<c>32.18</c> holds <c>32.18.08</c>, not <c>32.180</c>); a case type matches exactly
    /// (ignoring case); a unit area holds the units in <paramref name="unitsInArea"/>, the area and
    /// its descendants, which the caller resolves from the organisation tree.
    /// </summary>
    public bool Matches(string? kleCode, string? caseType, int? unitId, IReadOnlySet<int>? unitsInArea = null) => Kind switch
    {
        TargetAreaKind.Kle => kleCode is { } k && (k == KleCode || k.StartsWith(KleCode + ".", StringComparison.Ordinal)),
        TargetAreaKind.CaseType => caseType is { } t && string.Equals(t.Trim(), CaseType, StringComparison.OrdinalIgnoreCase),
        TargetAreaKind.OrgUnit => unitId is { } u && (u == OrgUnitId || (unitsInArea?.Contains(u) ?? false)),
        _ => true,
    };
}
