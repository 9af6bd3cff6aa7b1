namespace Tilsyn.Evaluations;

/// <summary>The round's report rendered for the website: the page (an HTML fragment), the PDF and the Word document.</summary>
public sealed record FokusPublicationFiles(string Html, byte[] Pdf, byte[] Docx);

/// <summary>
/// A FOKUS round's report as published on the advisor's website (<i>offentliggjort på hjemmesiden</i>,
/// <see cref="EvaluationRound.PublishPublicly"/>): frozen at that moment and served exactly as stored, so
/// a later change of an assessment never changes what the public read. Kept apart from the round so that
/// the round's other readers never load the files.
/// </summary>
public sealed class FokusPublication
{
    private FokusPublication() { }

    internal FokusPublication(EvaluationRound round, FokusPublicationFiles files, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(files.Html) || files.Pdf.Length == 0 || files.Docx.Length == 0)
            throw new DomainException($"FOKUS-rapporten for {round.Year} kunne ikke dannes til hjemmesiden.");
        (RoundId, Year, PublishedAt, Html, Pdf, Docx) = (round.Id, round.Year, at, files.Html, files.Pdf, files.Docx);
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int Year { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public string Html { get; private set; } = "";
    public byte[] Pdf { get; private set; } = [];
    public byte[] Docx { get; private set; } = [];
}
