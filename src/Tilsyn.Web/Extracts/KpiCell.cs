namespace Tilsyn.Web.Extracts;

/// <summary>A stored cell of the KPI cube (see <c>Tilsyn.Statistics.KpiCube</c>); the day histogram lets cells be combined exactly.</summary>
public sealed class KpiCell
{
    public long Id { get; set; }
    public int ExtractId { get; set; }
    public int AdministrationId { get; set; }
    public int UnitId { get; set; }
    public string KleGroup { get; set; } = "";
    public string CaseType { get; set; } = "";
    public int Year { get; set; }
    public int Quarter { get; set; }
    public long Opened { get; set; }
    public long Decided { get; set; }
    public double? MedianDays { get; set; }
    public double? P90Days { get; set; }
    public long WithDeadline { get; set; }
    public long WithinDeadline { get; set; }
    /// <summary><c>days:count</c> pairs separated by spaces.</summary>
    public string Histogram { get; set; } = "";
}
