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
    /// <summary>KLE group matches on the code's prefix, so "32" takes every "32.xx" group.</summary>
    public bool Matches(in PopulationCase c) =>
        (AdministrationId is not { } a || c.AdministrationId == a)
        && (UnitId is not { } u || c.UnitId == u)
        && (string.IsNullOrEmpty(KleGroup) || (c.KleGroup is { } k && (k == KleGroup || k.StartsWith(KleGroup + ".", StringComparison.Ordinal))))
        && (string.IsNullOrEmpty(CaseType) || string.Equals(c.CaseType, CaseType, StringComparison.OrdinalIgnoreCase))
        && (OpenedFrom is not { } f || c.Opened >= f)
        && (OpenedTo is not { } t || c.Opened <= t);
}

/// <summary>What an audit stratifies by.</summary>
public enum StratifyBy { None = 0, Unit = 1, CaseType = 2 }
