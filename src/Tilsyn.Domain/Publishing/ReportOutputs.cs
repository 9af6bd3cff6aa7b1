namespace Tilsyn.Publishing;

/// <summary>
/// A report rendered for publication: the page, the PDF and the Word document, and what they were
/// rendered from (the draft's texts as of <paramref name="DraftUpdatedAt"/> and the chosen case
/// examples), so publishing can refuse outputs of a draft that changed meanwhile.
/// </summary>
public sealed record ReportOutputs(string Html, byte[] Pdf, byte[] Docx, DateTimeOffset DraftUpdatedAt, IReadOnlyList<int> ExampleIds);
