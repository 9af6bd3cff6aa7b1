namespace Tilsyn.Web.Statistics;

/// <summary>A target (<i>måltal</i>) for an administration or one of its areas.</summary>
public sealed class Target
{
    public int Id { get; set; }
    public int AdministrationId { get; set; }
    /// <summary>An area within the administration; null for the whole administration.</summary>
    public int? AreaId { get; set; }
    public TargetKind Kind { get; set; }
    public double Value { get; set; }
}
