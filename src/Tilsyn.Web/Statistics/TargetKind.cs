namespace Tilsyn.Web.Statistics;

public enum TargetKind
{
    /// <summary>At most this many complaints per 1,000 cases (<i>måltal for andelen af klager</i>).</summary>
    MaxComplaintsPerThousand = 1,
    /// <summary>At least this share of cases decided within the published deadline (0–100 %).</summary>
    MinOnTimePercent = 2,
}
