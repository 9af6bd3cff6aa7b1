namespace Tilsyn.Processing;

/// <summary>
/// One section of the record of processing: a heading citing the GDPR article 30 point it answers, paragraphs,
/// bullet points and an optional table (header and rows).
/// </summary>
public sealed record ProcessingSection(
    string Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Bullets,
    IReadOnlyList<string>? TableHeader = null,
    IReadOnlyList<IReadOnlyList<string>>? TableRows = null);
