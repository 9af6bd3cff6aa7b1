using System.IO.Compression;
using System.Text;
using Tilsyn.Complaints.Intake;

namespace Tilsyn.Tests.Complaints.Intake;

public sealed class AttachmentInspectorTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly AttachmentPolicy Policy = AttachmentPolicy.Default;

    /// <summary>A small but complete PDF: header, one object, trailer, end marker.</summary>
    private static readonly byte[] Pdf = Encoding.Latin1.GetBytes(
        "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A real 1×1 grey PNG (signature, IHDR, IDAT, IEND), 67 bytes.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==");

    /// <summary>The start of a JFIF file: SOI, then the APP0 segment, then EOI. The inspector reads only the first bytes.</summary>
    private static readonly byte[] Jpeg =
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>An OLE compound file header (as in a Word 97-2003 .doc), padded to its 512 bytes.</summary>
    private static readonly byte[] Doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    /// <summary>The start of a Windows program: "MZ" and the DOS stub's message.</summary>
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0x00, .. "This program cannot be run in DOS mode."u8];

    private static readonly byte[] Docx = Zip(
        ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", """<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Klage</w:t></w:r></w:p></w:body></w:document>"""));

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    public static TheoryData<string, byte[], string, string> AllowedFiles => new()
    {
        { "klage.pdf", Pdf, "application/pdf", "PDF-fil" },
        { "KVITTERING.PDF", Pdf, "application/pdf", "PDF-fil" },
        { "skærmbillede.png", Png, "image/png", "PNG-fil" },
        { "foto.jpg", Jpeg, "image/jpeg", "JPEG-fil" },
        { "foto.JPEG", Jpeg, "image/jpeg", "JPEG-fil" },
        { "brev.docx", Docx, DocxType, "Word-fil (.docx)" },
        { "gammelt brev.doc", Doc, "application/msword", "Word-fil (.doc)" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void Each_allowed_type_is_accepted_with_its_content_type_and_kind(string name, byte[] content, string contentType, string kind)
    {
        var result = AttachmentInspector.Inspect(name, content, Policy);
        Assert.True(result.IsAccepted, result.Error);
        Assert.Equal(name, result.SafeFileName);
        Assert.Equal(contentType, result.ContentType);
        Assert.Equal(kind, result.KindName);
    }

    public static TheoryData<string, byte[], string> Disguises => new()
    {
        { "kvittering.pdf", Exe, "PDF-fil" },
        { "billede.pdf", Png, "PDF-fil" },
        { "brev.docx", Pdf, "Word-fil (.docx)" },
        { "brev.doc", Docx, "Word-fil (.doc)" },
        { "brev.docx", Doc, "Word-fil (.docx)" },
        { "foto.png", Jpeg, "PNG-fil" },
        { "foto.jpg", Png, "JPEG-fil" },
        { "tekst.pdf", "Dette er bare tekst."u8.ToArray(), "PDF-fil" },
    };

    [Theory]
    [MemberData(nameof(Disguises))]
    public void A_file_whose_content_does_not_match_its_extension_is_refused(string name, byte[] content, string claimedKind)
    {
        var result = AttachmentInspector.Inspect(name, content, Policy);
        Assert.False(result.IsAccepted);
        Assert.Equal($"Filen '{name}' er ikke en {claimedKind}: indholdet passer ikke til filtypen.", result.Error);
        Assert.Null(result.ContentType);
    }

    [Fact]
    public void A_zip_without_a_Word_document_inside_is_refused_even_when_named_docx()
    {
        var plainZip = Zip(("noter.txt", "Bare en zip."));
        var result = AttachmentInspector.Inspect("noter.docx", plainZip, Policy);
        Assert.Equal("Filen 'noter.docx' er ikke en Word-fil (.docx): indholdet passer ikke til filtypen.", result.Error);
    }

    [Fact]
    public void A_broken_zip_named_docx_is_refused_without_an_exception()
    {
        byte[] broken = [.. "PK\x03\x04"u8, .. new byte[100]];
        Assert.False(AttachmentInspector.Inspect("brev.docx", broken, Policy).IsAccepted);
        Assert.False(AttachmentInspector.Inspect("brev.docx", Docx[..(Docx.Length / 2)], Policy).IsAccepted);
    }

    [Fact]
    public void A_docx_carrying_a_VBA_project_is_refused_as_containing_macros()
    {
        var docm = Zip(("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "makro"));
        var result = AttachmentInspector.Inspect("brev.docx", docm, Policy);
        Assert.Equal("Filen 'brev.docx' indeholder makroer. Gem dokumentet uden makroer, og prøv igen.", result.Error);
    }

    [Theory]
    [InlineData("kvittering")]
    [InlineData("program.exe")]
    [InlineData("arkiv.zip")]
    [InlineData("noter.txt")]
    [InlineData("kvittering.pdf.exe")]
    public void A_file_without_an_allowed_extension_is_refused_even_with_allowed_content(string name)
    {
        var result = AttachmentInspector.Inspect(name, Pdf, Policy);
        Assert.Equal($"Filen '{name}' har ikke en tilladt filtype. Du kan vedhæfte PDF, PNG, JPEG og Word (.docx, .doc).", result.Error);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("Filen 'tom.pdf' er tom.", AttachmentInspector.Inspect("tom.pdf", [], Policy).Error);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_and_one_at_the_limit_accepted()
    {
        var small = new AttachmentPolicy { MaxFileBytes = 2048 };
        byte[] atLimit = [.. Pdf, .. new byte[2048 - Pdf.Length]];
        byte[] over = [.. atLimit, 0];

        Assert.True(AttachmentInspector.Inspect("scan.pdf", atLimit, small).IsAccepted);
        // 2049 bytes = 2.0005 kB, rounded up so it never reads as the limit itself.
        Assert.Equal("Filen 'scan.pdf' er for stor (2,1 kB); højst 2 kB pr. fil.",
            AttachmentInspector.Inspect("scan.pdf", over, small).Error);
    }

    [Fact]
    public void A_file_is_refused_by_its_declared_size_before_it_is_read_naming_the_file()
    {
        var small = new AttachmentPolicy { MaxFileBytes = 2048 };
        Assert.Null(AttachmentInspector.CheckSize("scan.pdf", 2048, small));
        Assert.Equal("Filen 'scan.pdf' er for stor (2,1 kB); højst 2 kB pr. fil.",
            AttachmentInspector.CheckSize(@"C:\fakepath\scan.pdf", 2049, small));
    }

    [Theory]
    [InlineData(@"..\..\x.pdf", "x.pdf")]
    [InlineData("../../etc/x.pdf", "x.pdf")]
    [InlineData(@"C:\fakepath\klage.pdf", "klage.pdf")]
    [InlineData(@"C:\Users\anna\Desktop\Afgørelse fra Jobcenter.pdf", "Afgørelse fra Jobcenter.pdf")]
    [InlineData("kvit\u0000ter\u0007ing.pdf", "kvittering.pdf")]
    [InlineData("linje\r\nskift.pdf", "linjeskift.pdf")]
    [InlineData("  klage.pdf  ", "klage.pdf")]
    [InlineData("klage.pdf. ", "klage.pdf")]
    public void The_safe_name_has_no_folders_or_control_characters(string name, string safe)
    {
        var result = AttachmentInspector.Inspect(name, Pdf, Policy);
        Assert.True(result.IsAccepted, result.Error);
        Assert.Equal(safe, result.SafeFileName);
    }

    [Fact]
    public void A_right_to_left_override_cannot_make_a_program_look_like_a_pdf()
    {
        // Displayed as "fakturaexe.pdf"; without the override character it is what it is.
        var result = AttachmentInspector.Inspect("faktura\u202Efdp.exe", Exe, Policy);
        Assert.Equal("fakturafdp.exe", result.SafeFileName);
        Assert.False(result.IsAccepted);
    }

    [Fact]
    public void A_long_name_is_cut_to_150_characters_keeping_the_extension()
    {
        var result = AttachmentInspector.Inspect(new string('a', 300) + ".docx", Docx, Policy);
        Assert.True(result.IsAccepted, result.Error);
        Assert.Equal(150, result.SafeFileName.Length);
        Assert.Equal(new string('a', 145) + ".docx", result.SafeFileName);
    }

    [Fact]
    public void Cutting_a_long_name_never_splits_a_surrogate_pair()
    {
        // 145 letters, then an emoji whose two UTF-16 units straddle the cut at 146 units (150 minus ".pdf").
        var safe = AttachmentInspector.SafeFileName(new string('a', 145) + "😀" + "bbb.pdf");
        Assert.Equal(new string('a', 145) + ".pdf", safe);
    }

    [Theory]
    [InlineData(@"C:\mappe\")]
    [InlineData("..")]
    [InlineData("")]
    public void A_name_that_is_only_a_folder_is_refused(string name)
    {
        Assert.Equal("En af filerne har intet filnavn.", AttachmentInspector.Inspect(name, Pdf, Policy).Error);
    }

    [Fact]
    public void Up_to_the_maximum_number_of_files_is_fine_and_one_more_is_refused()
    {
        var five = Enumerable.Range(1, 5).Select(i => ($"bilag{i}.pdf", 1000L)).ToList();
        var six = Enumerable.Range(1, 6).Select(i => ($"bilag{i}.pdf", 1000L)).ToList();
        Assert.Null(AttachmentInspector.CheckSet(five, Policy));
        Assert.Null(AttachmentInspector.CheckSet([], Policy));
        Assert.Equal("Du kan højst vedhæfte 5 filer; du har valgt 6.", AttachmentInspector.CheckSet(six, Policy));
    }

    [Fact]
    public void Files_up_to_the_total_size_are_fine_and_more_is_refused_with_the_sizes_in_MB()
    {
        const long MiB = AttachmentPolicy.MiB;
        Assert.Null(AttachmentInspector.CheckSet([("a.pdf", 10 * MiB), ("b.pdf", 10 * MiB), ("c.pdf", 5 * MiB)], Policy));
        // 10 + 10 + 10.2 MiB = 30.2 MiB.
        Assert.Equal("Filerne fylder tilsammen 30,2 MB; højst 25 MB i alt.",
            AttachmentInspector.CheckSet([("a.pdf", 10 * MiB), ("b.pdf", 10 * MiB), ("c.pdf", 10 * MiB + MiB / 5)], Policy));
    }

    [Fact]
    public void The_default_policy_allows_five_files_of_10_MB_and_25_MB_in_all()
    {
        Assert.Equal(10 * AttachmentPolicy.MiB, Policy.MaxFileBytes);
        Assert.Equal(5, Policy.MaxFiles);
        Assert.Equal(25 * AttachmentPolicy.MiB, Policy.MaxTotalBytes);
    }
}
