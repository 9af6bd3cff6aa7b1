namespace Tilsyn.DocumentAccess;

/// <summary>What kind of content a document has, which decides how it can be released.</summary>
public enum DocumentForm
{
    /// <summary>A journalised text (a letter, note, statement, the citizen's own text): can be redacted.</summary>
    Text = 1,
    /// <summary>A PDF file: released whole (its pages copied), never redacted.</summary>
    PdfFile = 2,
    /// <summary>A JPEG or PNG image: released whole, never redacted.</summary>
    ImageFile = 3,
    /// <summary>Any other file (Word, e-mail …): cannot be put into the release PDF; only withheld.</summary>
    OtherFile = 4,
}

/// <summary>
/// One document chosen under an <i>aktindsigt</i>: which case and document number, its form,
/// whether it is withheld whole (<i>undtaget</i>), and the passages removed from its title and text.
/// A withheld document or a redaction always names its <see cref="Ground"/>.
/// </summary>
public sealed record ReleaseItem(string CaseNumber, int Sequence, DocumentForm Form)
{
    public bool Withheld { get; init; }
    public ExemptionGround? Ground { get; init; }
    public List<RedactionSpan> TitleSpans { get; init; } = [];
    public List<RedactionSpan> TextSpans { get; init; } = [];

    public bool IsRedacted => TitleSpans.Count > 0 || TextSpans.Count > 0;

    /// <summary>Released, whole or in part.</summary>
    public bool IsReleased => !Withheld;
}
