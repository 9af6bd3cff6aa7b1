namespace Tilsyn.Audits;

/// <summary>
/// One case of an audit population: a row kept from an imported extract, or one of Tilsyn's own
/// complaint cases. <see cref="Key"/> is the case id in the source system (unique within the population).
/// </summary>
public readonly record struct PopulationCase(
    string Key, int AdministrationId, int UnitId, string? KleGroup, string CaseType, DateOnly Opened, DateOnly? Decided, DateOnly? Closed);

/// <summary>What part of a population an audit samples from. Null fields do not filter.</summary>
public sealed record PopulationFilter(int? AdministrationId = null, int? UnitId = null, string? KleGroup = null, string? CaseType = null,
    DateOnly? OpenedFrom = null, DateOnly? OpenedTo = null)
{
    public bool Matches(in PopulationCase c) =>
        MatchesOrganisation(c.AdministrationId, c.UnitId) && MatchesKleGroup(c.KleGroup) && MatchesCaseType(c.CaseType) && MatchesOpened(c.Opened.DayNumber);

    public bool MatchesOrganisation(int administrationId, int unitId) =>
        (AdministrationId is not { } a || administrationId == a) && (UnitId is not { } u || unitId == u);

    /// <summary>KLE group matches on the code's prefix, so "32" takes every "32.xx" group.</summary>
    public bool MatchesKleGroup(string? kle) =>
        string.IsNullOrEmpty(KleGroup) || (kle is { } k && (k == KleGroup || k.StartsWith(KleGroup + ".", StringComparison.Ordinal)));

    public bool MatchesCaseType(string caseType) => string.IsNullOrEmpty(CaseType) || string.Equals(caseType, CaseType, StringComparison.OrdinalIgnoreCase);

    public bool MatchesOpened(int dayNumber) =>
        (OpenedFrom is not { } f || dayNumber >= f.DayNumber) && (OpenedTo is not { } t || dayNumber <= t.DayNumber);
}

/// <summary>What an audit stratifies by.</summary>
public enum StratifyBy { None = 0, Unit = 1, CaseType = 2 }
