namespace Tilsyn.Web.Extracts;

/// <summary>A row of an extract that was not imported, kept with its errors (<see cref="ErrorPolicy.QuarantineBadRows"/>).</summary>
public sealed class QuarantinedRow
{
    public long Id { get; set; }
    public int ExtractId { get; set; }
    public long Line { get; set; }
    public string Errors { get; set; } = "";
}
