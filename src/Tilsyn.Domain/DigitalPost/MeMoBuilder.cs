using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Tilsyn.DigitalPost;

/// <summary>
/// Writes a letter as a MeMo 1.1 message (<i>Meddelelsesmodellen</i>, Digitaliseringsstyrelsen): the XML
/// Digital Post receives. Only the elements a letter from Tilsyn needs (see docs: MeMo elements).
/// </summary>
/// <remarks>
/// The recipient is given once, by CPR number in <c>Recipient</c>; the optional <c>ContentData/CPRdata</c>
/// would repeat it and is left out (data minimisation). The message holds the CPR number in clear by
/// nature: whoever stores it (the folder transport) must restrict access to it.
/// </remarks>
public static class MeMoBuilder
{
    /// <summary>The namespace of the MeMo message elements.</summary>
    public const string Namespace = "https://DigitalPost.dk/MeMo-1";
    public const string MemoVersion = "1.1";
    public const string MemoSchVersion = "1.1.0";
    public const string MessageType = "DIGITALPOST";

    /// <summary>The sender id types MeMo allows.</summary>
    public static readonly IReadOnlyList<string> SenderIdTypes = ["MyndighedsID", "CPR", "CVR", "Andet"];

    private static readonly XNamespace M = Namespace;

    /// <summary>The message as an XML document; refuses a letter Digital Post could not deliver.</summary>
    public static XDocument Build(MeMoLetter letter)
    {
        Check(letter);
        var header = new XElement(M + "MessageHeader",
            new XElement(M + "messageType", MessageType),
            new XElement(M + "messageUUID", letter.MessageUuid.ToString("D")),
            new XElement(M + "label", letter.Label),
            new XElement(M + "mandatory", Bool(false)),
            new XElement(M + "legalNotification", Bool(letter.LegalNotification)),
            new XElement(M + "Sender",
                new XElement(M + "senderID", letter.Sender.Id),
                new XElement(M + "idType", letter.Sender.IdType),
                new XElement(M + "label", letter.Sender.Label)),
            new XElement(M + "Recipient",
                new XElement(M + "recipientID", letter.RecipientCpr),
                new XElement(M + "idType", "CPR"),
                string.IsNullOrWhiteSpace(letter.RecipientName) ? null : new XElement(M + "label", letter.RecipientName)),
            new XElement(M + "ContentData",
                new XElement(M + "CaseID",
                    new XElement(M + "caseID", letter.CaseId),
                    new XElement(M + "caseSystem", letter.CaseSystem))));
        var body = new XElement(M + "MessageBody",
            new XElement(M + "createdDateTime", letter.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new XElement(M + "MainDocument", File(letter.MainDocument)),
            (letter.AdditionalDocuments ?? []).Select(f => new XElement(M + "AdditionalDocument", File(f))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(M + "Message",
                new XAttribute(XNamespace.Xmlns + "memo", Namespace),
                new XAttribute("memoVersion", MemoVersion),
                new XAttribute("memoSchVersion", MemoSchVersion),
                header, body));
    }

    /// <summary>The message as UTF-8 bytes (no byte-order mark): the same letter always gives the same bytes.</summary>
    public static byte[] ToUtf8(MeMoLetter letter)
    {
        var doc = Build(letter);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            doc.Save(writer);
        return stream.ToArray();
    }

    private static XElement File(MeMoFile f) => new(M + "File",
        new XElement(M + "encodingFormat", f.EncodingFormat),
        new XElement(M + "filename", f.FileName),
        new XElement(M + "language", f.Language),
        new XElement(M + "content", Convert.ToBase64String(f.Content)));

    private static string Bool(bool value) => value ? "true" : "false";

    private static void Check(MeMoLetter l)
    {
        if (l.MessageUuid == Guid.Empty) throw new DomainException("En Digital Post-meddelelse skal have et meddelelses-UUID.");
        if (l.RecipientCpr.Length != 10 || !l.RecipientCpr.All(char.IsAsciiDigit))
            throw new DomainException("Modtagerens CPR-nummer skal være 10 cifre.");
        if (string.IsNullOrWhiteSpace(l.Sender.Id)) throw new DomainException("Afsenderens id (fx CVR-nummer) mangler.");
        if (!SenderIdTypes.Contains(l.Sender.IdType))
            throw new DomainException($"Afsenderens id-type skal være en af {string.Join(", ", SenderIdTypes)}.");
        if (l.Sender.IdType == "CVR" && (l.Sender.Id.Length != 8 || !l.Sender.Id.All(char.IsAsciiDigit)))
            throw new DomainException("Afsenderens CVR-nummer skal være 8 cifre.");
        if (string.IsNullOrWhiteSpace(l.Sender.Label)) throw new DomainException("Afsenderens navn mangler.");
        if (string.IsNullOrWhiteSpace(l.Label)) throw new DomainException("Meddelelsen skal have en titel.");
        if (string.IsNullOrWhiteSpace(l.CaseId)) throw new DomainException("Meddelelsen skal henvise til et sagsnummer.");
        foreach (var f in new[] { l.MainDocument }.Concat(l.AdditionalDocuments ?? []))
        {
            if (f.Content.Length == 0) throw new DomainException($"Dokumentet '{f.FileName}' er tomt.");
            if (string.IsNullOrWhiteSpace(f.FileName)) throw new DomainException("Et dokument i meddelelsen mangler filnavn.");
        }
    }
}
