using System.IO.Compression;
using System.Text;
using Tilsyn.Complaints.Intake;

namespace Tilsyn.Tests.Complaints.Intake;

public sealed class AttachmentInspectorTests
{
    private static readonly AttachmentPolicy Policy = new();
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private static readonly byte[] Doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00];

    private static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
                using (var w = new StreamWriter(zip.CreateEntry(e).Open())) w.Write("<x/>");
        return ms.ToArray();
    }

    [Theory]
    [InlineData("afgørelse.pdf", "application/pdf")]
    [InlineData("foto.PNG", "image/png")]
    [InlineData("foto.jpeg", "image/jpeg")]
    [InlineData("foto.jpg", "image/jpeg")]
    [InlineData("brev.doc", "application/msword")]
    [InlineData("brev.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Each_allowed_type_is_recognised_by_its_content(string name, string contentType)
    {
        var bytes = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".pdf" => Pdf, ".png" => Png, ".jpg" or ".jpeg" => Jpeg, ".doc" => Doc,
            _ => Zip("[Content_Types].xml", "word/document.xml"),
        };
        var result = AttachmentInspector.Inspect(name, bytes, Policy);
        Assert.True(result.Accepted, result.Error);
        Assert.Equal(contentType, result.ContentType);
    }

    [Fact]
    public void An_executable_named_pdf_is_refused_naming_the_file()
    {
        var result = AttachmentInspector.Inspect("kvittering.pdf", Exe, Policy);
        Assert.Equal("Filen 'kvittering.pdf' er ikke en PDF-fil: indholdet passer ikke til filtypen.", result.Error);
    }

    [Fact]
    public void A_picture_named_pdf_and_a_pdf_named_docx_are_refused()
    {
        Assert.False(AttachmentInspector.Inspect("scan.pdf", Png, Policy).Accepted);
        Assert.False(AttachmentInspector.Inspect("brev.docx", Pdf, Policy).Accepted);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        var result = AttachmentInspector.Inspect("pakke.docx", Zip("virus.exe"), Policy);
        Assert.Contains("er ikke en Word-dokument", result.Error);
    }

    [Fact]
    public void Empty_oversized_and_unknown_files_are_refused()
    {
        Assert.Equal("Filen 'tom.pdf' er tom.", AttachmentInspector.Inspect("tom.pdf", [], Policy).Error);
        var small = new AttachmentPolicy(MaxBytesPerFile: 10);
        Assert.StartsWith("Filen 'stor.pdf' er for stor", AttachmentInspector.Inspect("stor.pdf", Pdf, small).Error);
        Assert.Contains("filtype, der ikke kan modtages", AttachmentInspector.Inspect("program.exe", Exe, Policy).Error);
        Assert.Contains("filtype, der ikke kan modtages", AttachmentInspector.Inspect("uden-endelse", Pdf, Policy).Error);
    }

    [Theory]
    [InlineData(@"..\..\windows\x.pdf", "x.pdf")]
    [InlineData("/etc/passwd/../y.pdf", "y.pdf")]
    [InlineData("a\u0000b.pdf", "ab.pdf")]
    [InlineData("...pdf", "pdf")]
    public void Paths_and_control_characters_are_stripped_from_names(string raw, string safe) =>
        Assert.Equal(safe, AttachmentInspector.SafeName(raw));

    [Fact]
    public void Long_names_keep_their_extension()
    {
        var name = AttachmentInspector.SafeName(new string('a', 300) + ".pdf");
        Assert.Equal(150, name.Length);
        Assert.EndsWith(".pdf", name);
    }

    [Fact]
    public void Too_many_files_or_too_much_in_all_is_refused()
    {
        var policy = new AttachmentPolicy(MaxFiles: 2, MaxTotalBytes: 100);
        Assert.Null(AttachmentInspector.CheckSet([("a", 10), ("b", 10)], policy));
        Assert.Contains("højst vedhæfte 2 filer", AttachmentInspector.CheckSet([("a", 1), ("b", 1), ("c", 1)], policy));
        Assert.Contains("i alt", AttachmentInspector.CheckSet([("a", 60), ("b", 60)], policy));
    }
}
