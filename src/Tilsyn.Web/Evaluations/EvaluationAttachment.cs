namespace Tilsyn.Web.Evaluations;

/// <summary>A document attached to an administration's FOKUS answer (checked by content like a complaint's attachments).</summary>
public sealed class EvaluationAttachment
{
    public int Id { get; set; }
    public int AnswerId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}
