namespace Tilsyn.Complaints;

/// <summary>A file the citizen sends, already inspected by content (its safe name and the type its content shows).</summary>
public sealed record CitizenFile(string FileName, string ContentType, byte[] Content);

/// <summary>What the signed-in citizen does on their own case ("Mine sager", issue 14).</summary>
public sealed partial class ComplaintCase
{
    /// <summary>
    /// Journalises what the citizen sends on their own open case as incoming (<i>indgående</i>): the
    /// message as an incoming document, each file as an attachment from the citizen, and a history line
    /// the caseworker sees ("Borgeren har sendt …"). Only appends; the case's status and deadlines stay
    /// (a reply from the citizen is not an answer to the citizen).
    /// </summary>
    /// <exception cref="DomainException">The case is finished, its personal data are deleted, it has no citizen, or nothing was sent.</exception>
    public IReadOnlyList<CaseDocument> ReceiveFromCitizen(string? text, IReadOnlyList<CitizenFile> files, DateTimeOffset at)
    {
        EnsureNotErased();
        if (Citizen is null) throw new DomainException("Sagen har ingen borger som part.");
        if (!IsOpen)
            throw new DomainException($"Sagen er afsluttet (status: {CaseWorkflow.Name(Status)}), så du kan ikke sende mere på den her. Skriv til Borgerrådgiveren, hvis du vil have sagen genoptaget eller har en ny klage.");
        var message = string.IsNullOrWhiteSpace(text) ? null : CaseTextFields.CitizenReply.Required(text);
        if (message is null && files.Count == 0)
            throw new DomainException("Skriv en besked eller vælg et dokument, før du sender.");
        var added = new List<CaseDocument>();
        if (message is not null)
            added.Add(AddDocument(DocumentKind.Incoming, "Besked fra borgeren", at, Actor.Citizen, message, null, null, null));
        foreach (var f in files)
            added.Add(AddDocument(DocumentKind.Attachment, $"Bilag fra borgeren: {f.FileName}", at, Actor.Citizen, null, f.FileName, f.ContentType, f.Content));
        var what = (message is not null, files.Count) switch
        {
            (true, 0) => "en besked",
            (true, 1) => "en besked og et dokument",
            (true, var n) => $"en besked og {n} dokumenter",
            (false, 1) => "et dokument",
            (false, var n) => $"{n} dokumenter",
        };
        var numbers = string.Join(", ", added.Select(d => CaseNumber.FormatDocument(Number, d.Sequence)));
        events.Add(new CaseEvent(at, Actor.Citizen, $"Borgeren har sendt {what} via Mine sager ({numbers})."));
        return added;
    }
}
