namespace Tilsyn.Web.Extracts;

/// <summary>One imported extract (<i>dataudtræk</i>) from a source system for a period. Re-importing the same source and period replaces it.</summary>
public sealed class Extract
{
    public int Id { get; set; }
    public string Source { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string FileName { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public ErrorPolicy Policy { get; set; }
    public long RowsRead { get; set; }
    public long RowsImported { get; set; }
    public long RowsQuarantined { get; set; }
    /// <summary>The source's column mapping used (<c>Opened=Dato oprettet</c> per line); reused by the next import from the same source.</summary>
    public string? ColumnMapping { get; set; }
}
