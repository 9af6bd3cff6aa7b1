namespace Tilsyn.Web.Extracts;

public sealed class QuarantinedRow
{
    public long Id { get; set; }
    public int ExtractId { get; set; }
    public long Line { get; set; }
    public string Errors { get; set; } = "";
}
