namespace Tilsyn.Audits;

/// <summary>Where an audit's cases come from.</summary>
public enum PopulationSource
{
    /// <summary>The cases of an imported extract from an administration's case system.</summary>
    Extract = 1,
    /// <summary>Tilsyn's own complaint cases.</summary>
    Complaints = 2,
}
