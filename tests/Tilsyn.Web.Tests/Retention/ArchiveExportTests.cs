using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;
using Tilsyn.Complaints;
using Tilsyn.Retention;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>
/// The archive package (issue 13, point 3): every case given is in the index, every document opens as
/// a PDF, the checksums verify, and a package that cannot be written or does not read back is removed
/// and not recorded (so the retention run would not delete).
/// </summary>
public sealed class ArchiveExportTests : IClassFixture<ArchiveApp>, IDisposable
{
    private static readonly XNamespace Ns = ArchiveIndex.Namespace;
    private readonly ArchiveApp app;

    public ArchiveExportTests(ArchiveApp app)
    {
        this.app = app;
        app.Writer.Reset();
    }

    public void Dispose() => app.Writer.Reset();

    [Fact]
    public async Task The_package_lists_every_case_and_every_document_opens_as_pdf_and_the_checksums_verify()
    {
        var (first, second) = (await ClosedCaseWithDocumentsAsync("Karen Arkivsen", "0101901234"), await ClosedCaseWithDocumentsAsync("Bo Bevarsen", null));
        var before = await DeliveriesAsync();

        var result = await ExportAsync([first.Id, second.Id], "Slettefrist udløbet (bevar)");

        Assert.Equal(2, result.CaseCount);
        Assert.Equal(12, result.DocumentCount);
        Assert.Equal(Path.Combine(app.ArchiveFolder, Path.GetFileName(result.Location)), result.Location);
        var index = XDocument.Load(Path.Combine(result.Location, ArchiveIndex.FileName));
        var cases = index.Descendants(Ns + "sag").ToList();
        Assert.Equal(new[] { first.Number, second.Number }.Order(), cases.Select(c => c.Element(Ns + "sagsnummer")!.Value).Order());
        var karen = cases.Single(c => c.Element(Ns + "sagsnummer")!.Value == first.Number);
        // The archive keeps the personal data (that is why the case may then be deleted here).
        Assert.Equal("Karen Arkivsen", karen.Descendants(Ns + "navn").Single().Value);
        Assert.Equal("0101901234", karen.Descendants(Ns + "cpr").Single().Value);
        Assert.Equal("BUF", karen.Element(Ns + "forvaltning")!.Attribute("kode")!.Value);
        Assert.Equal("Criticism", karen.Element(Ns + "udfald")!.Attribute("kode")!.Value);
        Assert.NotNull(karen.Element(Ns + "lukket"));
        Assert.Contains(karen.Descendants(Ns + "kategori"), k => k.Attribute("tilsidesat")!.Value == "true");
        ArchiveIndex.Validate(File.ReadAllBytes(Path.Combine(result.Location, ArchiveIndex.FileName)));

        // Every document: its file exists with the checksum the index gives; every PDF opens with PDFsharp's reader.
        var files = index.Descendants(Ns + "fil").ToList();
        Assert.Equal(12, files.Count);
        foreach (var f in files)
        {
            var path = Path.Combine(result.Location, f.Value);
            Assert.Equal(f.Attribute("sha256")!.Value, Sha(File.ReadAllBytes(path)));
            if (f.Attribute("format")!.Value == "original") continue;
            using var pdf = PdfReader.Open(path, PdfDocumentOpenMode.Import);
            Assert.True(pdf.PageCount > 0);
        }
        // Text and images are made PDF/A; a sent letter and a citizen's PDF are copied as they were; Word stays Word, with a note.
        var formats = karen.Descendants(Ns + "dokument").ToDictionary(d => d.Element(Ns + "titel")!.Value, d => d.Element(Ns + "fil")!);
        Assert.Equal("pdfa", formats["Notat"].Attribute("format")!.Value);
        Assert.Equal("pdfa", formats["Foto"].Attribute("format")!.Value);
        Assert.Equal("pdf", formats["Bilag: brev.pdf"].Attribute("format")!.Value);
        Assert.Equal("pdf", formats["Afgørelse"].Attribute("format")!.Value);
        Assert.Equal("original", formats["Bilag: notat.docx"].Attribute("format")!.Value);
        Assert.EndsWith(".docx", formats["Bilag: notat.docx"].Value);
        Assert.Contains("pdfaid:part", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(result.Location, formats["Notat"].Value))));
        Assert.Equal(TestFiles.Pdf("Brev"), File.ReadAllBytes(Path.Combine(result.Location, formats["Bilag: brev.pdf"].Value)));

        // SHA256SUMS.txt names every other file of the package, and each one verifies.
        var sums = ArchiveManifest.Read(File.ReadAllText(Path.Combine(result.Location, ArchiveManifest.FileName)));
        var onDisk = Directory.EnumerateFiles(result.Location, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(result.Location, p).Replace('\\', '/')).Where(p => p != ArchiveManifest.FileName).Order().ToList();
        Assert.Equal(onDisk, sums.Keys.Order().ToList());
        Assert.Contains(ArchiveReadme.FileName, sums.Keys);
        Assert.Contains(ArchiveIndex.SchemaFileName, sums.Keys);
        foreach (var (path, sha) in sums) Assert.Equal(sha, Sha(File.ReadAllBytes(Path.Combine(result.Location, path))));

        // Recorded once, with the manifest's checksum, and one access-log line per case.
        var delivery = await app.WithDbAsync(db => db.Set<ArchiveDelivery>().SingleAsync(d => d.Id == result.DeliveryId));
        Assert.Equal(before + 1, await DeliveriesAsync());
        Assert.Equal(Sha(File.ReadAllBytes(Path.Combine(result.Location, ArchiveManifest.FileName))), delivery.ManifestSha256);
        Assert.Equal(Path.GetFileName(result.Location), delivery.Location);
        Assert.Equal((2, 12), (delivery.CaseCount, delivery.DocumentCount));
        Assert.Equal(ArchiveExporter.SystemActor, delivery.CreatedBy);
        var logged = await app.WithDbAsync(db => db.AccessLog.Where(a => a.Action == AccessAction.ArchiveExport && (a.CaseNumber == first.Number || a.CaseNumber == second.Number)).CountAsync());
        Assert.Equal(2, logged);
        Assert.Empty(Directory.EnumerateDirectories(app.ArchiveFolder, ".*"));
    }

    [Fact]
    public async Task A_file_writer_that_fails_part_way_throws_and_leaves_neither_a_delivery_nor_a_partial_package()
    {
        var c = await ClosedCaseWithDocumentsAsync("Freja Fejlsen", null);
        var before = await DeliveriesAsync();
        var entries = Entries();
        app.Writer.FailAfter = 3;

        var error = await Assert.ThrowsAsync<ArchiveExportException>(() => ExportAsync([c.Id], "Slettefrist udløbet (bevar)"));

        Assert.DoesNotContain("Freja", error.Message);
        Assert.Equal(before, await DeliveriesAsync());
        Assert.Equal(entries, Entries());
        Assert.Equal(0, await app.WithDbAsync(db => db.AccessLog.CountAsync(a => a.Action == AccessAction.ArchiveExport && a.CaseNumber == c.Number)));
    }

    [Fact]
    public async Task A_file_that_does_not_read_back_as_written_fails_the_verification_and_nothing_is_recorded()
    {
        var c = await ClosedCaseWithDocumentsAsync("Carl Korruptsen", null);
        var before = await DeliveriesAsync();
        var entries = Entries();
        app.Writer.CorruptPdfs = true;

        await Assert.ThrowsAsync<ArchiveExportException>(() => ExportAsync([c.Id], "Slettefrist udløbet (bevar)"));

        Assert.Equal(before, await DeliveriesAsync());
        Assert.Equal(entries, Entries());
    }

    [Fact]
    public async Task An_archive_folder_that_cannot_be_created_throws_and_records_nothing()
    {
        var c = await ClosedCaseWithDocumentsAsync("Mona Mappesen", null);
        var before = await DeliveriesAsync();
        // A folder below a plain file cannot be made, not even by root (the tests may run as root).
        var blocker = Path.Combine(Path.GetTempPath(), "tilsyn-archive-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "not a folder");
        try
        {
            using var scope = app.Services.CreateScope();
            var exporter = ActivatorUtilities.CreateInstance<ArchiveExporter>(scope.ServiceProvider,
                Options.Create(new ArchiveOptions { Folder = Path.Combine(blocker, "arkiv") }));
            await Assert.ThrowsAsync<ArchiveExportException>(() => exporter.ExportAsync([c.Id], "Slettefrist udløbet (bevar)", CancellationToken.None));
        }
        finally { File.Delete(blocker); }
        Assert.Equal(before, await DeliveriesAsync());
    }

    [Fact]
    public async Task A_case_that_does_not_exist_fails_the_whole_delivery()
    {
        var c = await ClosedCaseWithDocumentsAsync("Ib Ikkesen", null);
        var before = await DeliveriesAsync();
        var entries = Entries();

        await Assert.ThrowsAsync<ArchiveExportException>(() => ExportAsync([c.Id, int.MaxValue], "Slettefrist udløbet (bevar)"));

        Assert.Equal(before, await DeliveriesAsync());
        Assert.Equal(entries, Entries());
    }

    [Fact]
    public async Task The_head_of_office_exports_the_cases_closed_in_a_period_and_sees_the_delivery_with_its_checksum()
    {
        var c = await ClosedCaseWithDocumentsAsync("Per Periodesen", null);
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var day = Tilsyn.Calendar.DanishTime.Today(app.Clock).ToString("yyyy-MM-dd");

        var response = await lead.PostFormAsync("/Arkiv", "/Arkiv", new() { ["From"] = day, ["To"] = day });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var delivery = await app.WithDbAsync(db => db.Set<ArchiveDelivery>().OrderByDescending(d => d.Id).FirstAsync());
        Assert.EndsWith("(kontorchef)", delivery.CreatedBy);
        var index = XDocument.Load(Path.Combine(app.ArchiveFolder, delivery.Location, ArchiveIndex.FileName));
        Assert.Contains(index.Descendants(Ns + "sagsnummer"), n => n.Value == c.Number);
        var page = await lead.GetStringAsync("/Arkiv");
        Assert.Contains(delivery.ManifestSha256, page);
        Assert.Contains(delivery.Location, page);
    }

    [Fact]
    public async Task A_period_without_closed_cases_is_refused_with_a_message_and_nothing_is_written()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var before = await DeliveriesAsync();

        var response = await lead.PostFormAsync("/Arkiv", "/Arkiv", new() { ["From"] = "1990-01-01", ["To"] = "1990-12-31" });

        Assert.Equal(HttpStatusCode.UnprocessableContent, response.StatusCode);
        Assert.Contains("Ingen sager er lukket i perioden", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await DeliveriesAsync());
    }

    [Theory]
    [InlineData("sagsbehandler")]
    [InlineData("ledelse")]
    [InlineData("buf")]
    public async Task Only_the_head_of_office_may_open_or_post_the_archive_page(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        var before = await DeliveriesAsync();

        var get = await client.GetAsync("/Arkiv");
        var token = await AntiforgeryTokenFromAnyPageAsync(client);
        var post = await client.PostAsync("/Arkiv", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["From"] = "2000-01-01", ["To"] = "2100-12-31", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("AccessDenied", get.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("AccessDenied", post.Headers.Location!.ToString());
        Assert.Equal(before, await DeliveriesAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var get = await app.NewClient().GetAsync("/Arkiv");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/Account/Login", get.Headers.Location!.ToString());
    }

    /// <summary>Every logged-in user can open the start page; its logout form carries a valid token.</summary>
    private static async Task<string> AntiforgeryTokenFromAnyPageAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!match.Success) match = Regex.Match(html, "value=\"([^\"]+)\" name=\"__RequestVerificationToken\"");
        Assert.True(match.Success, "no antiforgery token on /");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<ArchiveDeliveryResult> ExportAsync(int[] ids, string reason)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IArchiveExporter>().ExportAsync(ids, reason, CancellationToken.None);
    }

    private Task<int> DeliveriesAsync() => app.WithDbAsync(db => db.Set<ArchiveDelivery>().CountAsync());

    private List<string> Entries() => Directory.Exists(app.ArchiveFolder)
        ? Directory.EnumerateFileSystemEntries(app.ArchiveFolder).Order().ToList() : [];

    /// <summary>A closed BUF complaint with criticism and six documents: the complaint (text), a note, a PDF attachment, a photo, a Word file and a sent letter.</summary>
    private async Task<ComplaintCase> ClosedCaseWithDocumentsAsync(string citizen, string? cpr)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var buf = await db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(CaseRegistration.CprPurpose);
        var now = app.Clock.GetUtcNow();
        var by = new Actor(null, "Sara Holm");
        var seq = Random.Shared.Next(9_000_000, 9_999_999);
        var c = new ComplaintCase(now.Year, seq, CaseType.Complaint, Channel.Email,
            new Citizen(citizen, "borger@example.dk", "12345678", "Arkivvej 1, 2300 København S", cpr is null ? null : protector.Protect(cpr), cpr is null ? null : cpr[..6] + "-xxxx"),
            "Klage over sagsbehandlingstid", "Borgeren klager over, at sagen har taget for lang tid.", now, DateOnly.FromDateTime(now.AddDays(14).Date), Actor.Citizen, buf);
        c.AddDocument(DocumentKind.Incoming, "Klage fra borger", now, Actor.Citizen, c.Description + "\nMed venlig hilsen\n" + citizen, null, null, null);
        c.Classify(CaseType.Complaint, buf, null, null, [ComplaintCategory.ProcessingTime], now, by);
        c.StartReview(now, by);
        c.AddNote("Ringet til forvaltningen; sagen er forsinket. Tegn: æøå ÆØÅ – “citat”.", now, by);
        c.AddDocument(DocumentKind.Attachment, "Bilag: brev.pdf", now, Actor.Citizen, null, "brev.pdf", "application/pdf", TestFiles.Pdf("Brev"));
        c.AddDocument(DocumentKind.Attachment, "Foto", now, Actor.Citizen, null, "foto.png", "image/png", Png());
        c.AddDocument(DocumentKind.Attachment, "Bilag: notat.docx", now, Actor.Citizen, null, "notat.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4]);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.ProcessingTime], "Sagsbehandlingstiden var for lang.", null, "Kritik af sagsbehandlingstid.", now, by);
        c.AddDocument(DocumentKind.Outgoing, "Afgørelse", now, by, "Brevets tekst", "Afgørelse.pdf", "application/pdf", TestFiles.Pdf("Afgoerelse"));
        c.Close(now, by);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>A real 2×2 PNG (RGB), built by hand: signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC.</summary>
    private static byte[] Png()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var t = System.Text.Encoding.ASCII.GetBytes(type);
            var crc = Crc32([.. t, .. data]);
            return [.. BigEndian(data.Length), .. t, .. data, .. BigEndian((int)crc)];
        }
        byte[] header = [.. BigEndian(2), .. BigEndian(2), 8, 2, 0, 0, 0];
        byte[] raw = [0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255];
        using var z = new MemoryStream();
        using (var zs = new System.IO.Compression.ZLibStream(z, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) zs.Write(raw);
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", z.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] BigEndian(int v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
