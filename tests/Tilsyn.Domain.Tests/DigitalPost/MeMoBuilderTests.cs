using System.Text;
using System.Xml.Linq;
using Tilsyn.DigitalPost;

namespace Tilsyn.Tests.DigitalPost;

public sealed class MeMoBuilderTests
{
    private static readonly XNamespace M = "https://DigitalPost.dk/MeMo-1";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7 brevet\n%%EOF");
    private static readonly Guid Uuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static MeMoLetter Letter(string cpr = "0101901234", MeMoSender? sender = null, string label = "Konklusion på din sag", IReadOnlyList<MeMoFile>? extra = null) => new(
        Uuid, new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.FromHours(1)), label, LegalNotification: true,
        sender ?? new MeMoSender("64942212", "CVR", "Borgerrådgiveren, Københavns Kommune"), cpr, "Anna Hansen", "2026-0000042", "Tilsyn",
        new MeMoFile("2026-0000042-03.pdf", "application/pdf", Pdf), extra);

    [Fact]
    public void A_letter_becomes_a_MeMo_1_1_message_with_header_recipient_case_and_the_PDF_as_base64()
    {
        var doc = XDocument.Parse(Encoding.UTF8.GetString(MeMoBuilder.ToUtf8(Letter())));
        var root = doc.Root!;
        Assert.Equal(M + "Message", root.Name);
        Assert.Equal("1.1", root.Attribute("memoVersion")!.Value);
        Assert.Equal("1.1.0", root.Attribute("memoSchVersion")!.Value);
        var header = root.Element(M + "MessageHeader")!;
        Assert.Equal("DIGITALPOST", header.Element(M + "messageType")!.Value);
        Assert.Equal(Uuid.ToString(), header.Element(M + "messageUUID")!.Value);
        Assert.Equal("Konklusion på din sag", header.Element(M + "label")!.Value);
        Assert.Equal("true", header.Element(M + "legalNotification")!.Value);
        Assert.Equal("false", header.Element(M + "mandatory")!.Value);
        Assert.Equal("64942212", header.Element(M + "Sender")!.Element(M + "senderID")!.Value);
        Assert.Equal("CVR", header.Element(M + "Sender")!.Element(M + "idType")!.Value);
        Assert.Equal("Borgerrådgiveren, Københavns Kommune", header.Element(M + "Sender")!.Element(M + "label")!.Value);
        Assert.Equal("0101901234", header.Element(M + "Recipient")!.Element(M + "recipientID")!.Value);
        Assert.Equal("CPR", header.Element(M + "Recipient")!.Element(M + "idType")!.Value);
        Assert.Equal("2026-0000042", header.Element(M + "ContentData")!.Element(M + "CaseID")!.Element(M + "caseID")!.Value);
        Assert.Equal("Tilsyn", header.Element(M + "ContentData")!.Element(M + "CaseID")!.Element(M + "caseSystem")!.Value);
        var body = root.Element(M + "MessageBody")!;
        Assert.Equal("2026-03-02T09:15:00Z", body.Element(M + "createdDateTime")!.Value);
        var file = body.Element(M + "MainDocument")!.Element(M + "File")!;
        Assert.Equal("application/pdf", file.Element(M + "encodingFormat")!.Value);
        Assert.Equal("2026-0000042-03.pdf", file.Element(M + "filename")!.Value);
        Assert.Equal("da", file.Element(M + "language")!.Value);
        Assert.Equal(Pdf, Convert.FromBase64String(file.Element(M + "content")!.Value));
        Assert.Empty(body.Elements(M + "AdditionalDocument"));
        // Every element is MeMo's: nothing outside the namespace.
        Assert.All(root.DescendantsAndSelf(), e => Assert.Equal(M, e.Name.Namespace));
    }

    [Fact]
    public void The_same_letter_gives_the_same_bytes_so_a_message_written_again_is_the_same_message()
    {
        Assert.Equal(MeMoBuilder.ToUtf8(Letter()), MeMoBuilder.ToUtf8(Letter()));
        var bytes = MeMoBuilder.ToUtf8(Letter());
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)); // no byte-order mark
    }

    [Fact]
    public void Further_documents_go_in_AdditionalDocument_elements()
    {
        var extra = new MeMoFile("Aktindsigt.pdf", "application/pdf", [1, 2, 3]);
        var body = XDocument.Parse(Encoding.UTF8.GetString(MeMoBuilder.ToUtf8(Letter(extra: [extra])))).Root!.Element(M + "MessageBody")!;
        var file = Assert.Single(body.Elements(M + "AdditionalDocument")).Element(M + "File")!;
        Assert.Equal("Aktindsigt.pdf", file.Element(M + "filename")!.Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, Convert.FromBase64String(file.Element(M + "content")!.Value));
    }

    [Theory]
    [InlineData("010190-1234")]
    [InlineData("010190123")]
    [InlineData("01019012345")]
    [InlineData("０１０１９０１２３４")]
    public void A_recipient_that_is_not_ten_digits_is_refused(string cpr) =>
        Assert.Equal("Modtagerens CPR-nummer skal være 10 cifre.", Assert.Throws<DomainException>(() => MeMoBuilder.Build(Letter(cpr: cpr))).Message);

    [Fact]
    public void A_sender_without_a_valid_id_type_or_CVR_number_or_a_letter_without_title_is_refused()
    {
        Assert.Contains("id-type", Assert.Throws<DomainException>(() => MeMoBuilder.Build(Letter(sender: new("64942212", "Kommune", "Borgerrådgiveren")))).Message);
        Assert.Equal("Afsenderens CVR-nummer skal være 8 cifre.", Assert.Throws<DomainException>(() => MeMoBuilder.Build(Letter(sender: new("1234", "CVR", "Borgerrådgiveren")))).Message);
        Assert.Throws<DomainException>(() => MeMoBuilder.Build(Letter(sender: new("", "MyndighedsID", "Borgerrådgiveren"))));
        Assert.Throws<DomainException>(() => MeMoBuilder.Build(Letter(label: " ")));
        Assert.NotNull(MeMoBuilder.Build(Letter(sender: new("KK-BR", "MyndighedsID", "Borgerrådgiveren"))));
    }

    [Fact]
    public void Text_with_markup_characters_is_escaped_not_injected()
    {
        var xml = Encoding.UTF8.GetString(MeMoBuilder.ToUtf8(Letter(label: "Svar </memo:label><memo:x>&")));
        var label = XDocument.Parse(xml).Root!.Element(M + "MessageHeader")!.Element(M + "label")!.Value;
        Assert.Equal("Svar </memo:label><memo:x>&", label);
    }
}
