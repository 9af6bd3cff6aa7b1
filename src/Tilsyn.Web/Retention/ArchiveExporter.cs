using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf.IO;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Retention;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Retention;

/// <summary>
/// Writes an archive package (<i>arkivaflevering</i>) as a folder under <see cref="ArchiveOptions.Folder"/>:
/// first into a hidden staging folder (<c>.aflevering-….partial</c>), then every file is read back and
/// compared with its SHA-256, every PDF is opened with PDFsharp's reader and the index is checked
/// against its schema; only then is the folder renamed to its final name and the delivery recorded
/// (with one access-log line per case) in one save. Any failure deletes what was written, records
/// nothing and throws <see cref="ArchiveExportException"/>, so the retention run does not delete.
/// </summary>
public sealed class ArchiveExporter(
    TilsynDbContext db, IOptions<ArchiveOptions> options, IArchiveFileWriter writer, TimeProvider clock,
    IDataProtectionProvider protection, AccessLog accessLog, IHttpContextAccessor http, ILogger<ArchiveExporter> log) : IArchiveExporter
{
    /// <summary>The name the retention run (no logged-in user) is recorded under.</summary>
    public const string SystemActor = "Tilsyn (opbevaringskørsel)";

    public Task<ArchiveDeliveryResult> ExportAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct) =>
        ExportAsync(caseIds, reason, null, ct);

    /// <summary>As <see cref="IArchiveExporter.ExportAsync"/>, with the period to record (the page's chosen period); default: the cases' closing dates.</summary>
    public async Task<ArchiveDeliveryResult> ExportAsync(IReadOnlyCollection<int> caseIds, string reason, (DateOnly From, DateOnly To)? period, CancellationToken ct)
    {
        if (caseIds.Count == 0) throw new ArchiveExportException("Der er ingen sager at aflevere.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ArchiveDelivery.ReasonMaxLength)
            throw new ArchiveExportException($"Årsagen til afleveringen skal udfyldes og må højst være {ArchiveDelivery.ReasonMaxLength} tegn.");
        reason = reason.Trim();
        var ids = caseIds.Distinct().Order().ToList();
        var now = clock.GetUtcNow();
        var root = Path.GetFullPath(options.Value.Folder);
        var name = $"aflevering-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var staging = Path.Combine(root, "." + name + ".partial");
        var final = Path.Combine(root, name);
        var moved = false;
        try
        {
            var package = await WriteAsync(staging, ids, reason, now, period, ct);
            Verify(staging, package);
            Directory.Move(staging, final);
            moved = true;

            var delivery = new ArchiveDelivery(now, reason, package.From, package.To, package.Cases.Count, package.DocumentCount, name, package.ManifestSha256, Actor());
            db.Add(delivery);
            foreach (var c in package.Cases)
                LogAccess(c.Case.Number, $"Sagen er afleveret til arkivet ({name}, {c.Documents.Count} dokumenter).");
            await db.SaveChangesAsync(ct);
            log.LogInformation("Archive delivery {Id} written to {Location}: {Cases} cases, {Documents} documents", delivery.Id, name, package.Cases.Count, package.DocumentCount);
            return new ArchiveDeliveryResult(delivery.Id, final, package.Cases.Count, package.DocumentCount);
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            Remove(moved ? final : staging);
            // The type only: a message could quote a file name, and file names come from citizens.
            log.LogError("Archive delivery {Location} failed ({Error}); nothing recorded, the package was removed", name, ex.GetType().Name);
            if (ex is ArchiveExportException or OperationCanceledException) throw;
            throw new ArchiveExportException("Arkivpakken kunne ikke skrives og kontrolleres; intet er afleveret, og ingen sager må slettes på den.", ex);
        }
    }

    /// <summary>The cases closed in the period (Copenhagen dates, both included) whose personal data are not yet deleted: what the page exports on demand.</summary>
    public async Task<List<int>> CasesClosedInAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = DanishTime.StartOf(from);
        var end = DanishTime.StartOf(to.AddDays(1));
        return await db.Cases.AsNoTracking().Where(c => c.ClosedAt >= start && c.ClosedAt < end && c.PersonalDataDeletedAt == null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    private sealed record Package(List<ArchiveCase> Cases, Dictionary<string, string> Checksums, List<string> Pdfs,
        string ManifestSha256, DateOnly From, DateOnly To)
    {
        public int DocumentCount => Cases.Sum(c => c.Documents.Count);
    }

    private async Task<Package> WriteAsync(string staging, List<int> ids, string reason, DateTimeOffset now, (DateOnly From, DateOnly To)? period, CancellationToken ct)
    {
        Directory.CreateDirectory(staging);
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        var pdfs = new List<string>();
        async Task Put(string relative, byte[] content)
        {
            ArchiveManifest.CheckPath(relative);
            await writer.WriteAsync(Path.Combine(staging, relative), content, ct);
            checksums.Add(relative, Sha256(content));
        }

        var administrations = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var kle = await db.KleSubjects.AsNoTracking().ToDictionaryAsync(k => k.Code, k => k.Title, ct);
        var cpr = protection.CreateProtector(CaseRegistration.CprPurpose);

        var cases = new List<ArchiveCase>();
        foreach (var id in ids)
        {
            // The case with its history, without documents: their bytes are read one at a time below.
            var c = await db.Cases.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new ArchiveExportException("En af de angivne sager findes ikke; intet er afleveret.");
            var docs = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.Sequence)
                .Select(d => new { d.Id, d.Sequence, d.Kind, d.Title, d.CreatedAt, d.CreatedByName, d.FileName, d.ContentType })
                .ToListAsync(ct);
            var files = new List<ArchiveDocumentFile>();
            foreach (var d in docs)
            {
                var body = await db.CaseDocuments.AsNoTracking().Where(x => x.Id == d.Id).Select(x => new { x.Text, x.Content }).SingleAsync(ct);
                var facts = new[]
                {
                    $"Dokument {CaseNumber.FormatDocument(c.Number, d.Sequence)} · {ArchiveIndex.KindName(d.Kind)}",
                    $"Journaliseret {DanishTime.ToCopenhagen(d.CreatedAt).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)} af {d.CreatedByName}",
                };
                var (bytes, extension, format, note) = Convert(c.Number, d.Title, facts, d.ContentType, d.FileName, body.Text, body.Content);
                var path = ArchiveManifest.DocumentFile(c.Number, d.Sequence, ArchiveIndex.KindSlug(d.Kind), extension);
                await Put(path, bytes);
                if (format != "original") pdfs.Add(path);
                files.Add(new ArchiveDocumentFile(d.Sequence, d.Kind, d.Title, d.CreatedAt, d.CreatedByName, d.FileName, d.ContentType,
                    path, format, checksums[path], note));
            }
            var administration = c.AdministrationId is { } a && administrations.TryGetValue(a, out var adm) ? adm : null;
            cases.Add(new ArchiveCase(c, administration?.Code, administration?.Name,
                c.UnitId is { } u && units.TryGetValue(u, out var unit) ? unit : null,
                c.KleCode is { } k && kle.TryGetValue(k, out var title) ? title : null,
                Reveal(cpr, c.Citizen?.ProtectedCpr), files));
        }

        var days = cases.Select(x => DanishTime.LocalDate(x.Case.ClosedAt ?? x.Case.ReceivedAt)).ToList();
        var (from, to) = period ?? (days.Min(), days.Max());
        var index = ArchiveIndex.Write(now, reason, from, to, cases);
        ArchiveIndex.Validate(index);
        await Put(ArchiveIndex.FileName, index);
        await Put(ArchiveIndex.SchemaFileName, Encoding.UTF8.GetBytes(ArchiveIndex.Schema));
        var name = Path.GetFileName(staging).TrimStart('.').Replace(".partial", "", StringComparison.Ordinal);
        await Put(ArchiveReadme.FileName, Encoding.UTF8.GetBytes(ArchiveReadme.Text(name, now, from, to, cases.Count, cases.Sum(x => x.Documents.Count))));

        var manifest = Encoding.UTF8.GetBytes(ArchiveManifest.Write(checksums));
        await writer.WriteAsync(Path.Combine(staging, ArchiveManifest.FileName), manifest, ct);
        return new Package(cases, checksums, pdfs, Sha256(manifest), from, to);
    }

    /// <summary>
    /// A document as a file for the archive: text → PDF/A; PNG/JPEG → PDF/A with the image; a PDF that
    /// PDFsharp can open → copied as journalised; anything else (Word, an unreadable PDF) → the original
    /// bytes with a note.
    /// </summary>
    private static (byte[] Bytes, string Extension, string Format, string? Note) Convert(
        string caseNumber, string title, IReadOnlyList<string> facts, string? contentType, string? fileName, string? text, byte[]? content)
    {
        if (content is null)
            return (ArchivePdf.RenderText(title, caseNumber, facts, text ?? ""), ".pdf", "pdfa", null);
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            if (Opens(content)) return (content, ".pdf", "pdf", null);
            return (content, ".pdf", "original", "PDF-filen kunne ikke åbnes af Tilsyns PDF-læser (fx beskyttet med adgangskode); gemt uændret som modtaget.");
        }
        if (contentType is "image/png" or "image/jpeg")
        {
            try { return (ArchivePdf.RenderImage(title, caseNumber, content), ".pdf", "pdfa", null); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (content, contentType == "image/png" ? ".png" : ".jpg", "original", "Billedet kunne ikke lægges i en PDF; gemt uændret som modtaget.");
            }
        }
        return (content, OriginalExtension(fileName), "original",
            "Filen er ikke en PDF, og Tilsyn kan ikke omdanne denne filtype (fx Word) til PDF; gemt uændret som modtaget.");
    }

    /// <summary>The original file's extension if it is short and plain (<c>.docx</c>), else <c>.bin</c>.</summary>
    private static string OriginalExtension(string? fileName)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return ext.Length is > 1 and <= 6 && ext[1..].All(char.IsAsciiLetterOrDigit) ? ext : ".bin";
    }

    private static bool Opens(byte[] pdf)
    {
        try
        {
            using var doc = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
            return doc.PageCount > 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Reads the package back: exactly the listed files, each with its checksum, every PDF opens, the manifest and index as written.</summary>
    private static void Verify(string staging, Package package)
    {
        var onDisk = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(staging, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToHashSet(StringComparer.Ordinal);
        var expected = package.Checksums.Keys.Append(ArchiveManifest.FileName).ToHashSet(StringComparer.Ordinal);
        if (!onDisk.SetEquals(expected))
            throw new ArchiveExportException("Arkivpakken indeholder ikke præcis de filer, der blev skrevet.");
        var manifest = File.ReadAllBytes(Path.Combine(staging, ArchiveManifest.FileName));
        if (Sha256(manifest) != package.ManifestSha256)
            throw new ArchiveExportException("Kontrolsumfilen blev ikke skrevet korrekt.");
        var listed = ArchiveManifest.Read(Encoding.UTF8.GetString(manifest));
        if (listed.Count != package.Checksums.Count || listed.Any(l => !package.Checksums.TryGetValue(l.Key, out var sha) || sha != l.Value))
            throw new ArchiveExportException("Kontrolsumfilen stemmer ikke med de skrevne filer.");
        foreach (var (path, sha) in package.Checksums)
        {
            if (Sha256(File.ReadAllBytes(Path.Combine(staging, path))) != sha)
                throw new ArchiveExportException("En fil i arkivpakken har ikke den kontrolsum, den blev skrevet med.");
        }
        foreach (var pdf in package.Pdfs)
        {
            using var doc = PdfReader.Open(Path.Combine(staging, pdf), PdfDocumentOpenMode.Import);
            if (doc.PageCount == 0) throw new ArchiveExportException("Et dokument i arkivpakken er en PDF uden sider.");
        }
        ArchiveIndex.Validate(File.ReadAllBytes(Path.Combine(staging, ArchiveIndex.FileName)));
    }

    private string? Reveal(IDataProtector cpr, string? protectedCpr)
    {
        if (protectedCpr is null) return null;
        try { return cpr.Unprotect(protectedCpr); }
        catch (CryptographicException)
        {
            // Keys lost: the masked number is written instead (the index says so by its element name).
            log.LogWarning("A CPR number could not be decrypted for the archive; the masked number is used");
            return null;
        }
    }

    private string Actor()
    {
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? $"{user.DisplayName()} ({user.Identity.Name})" : SystemActor;
    }

    private void LogAccess(string caseNumber, string detail)
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true) accessLog.Add(AccessAction.ArchiveExport, caseNumber, detail);
        else accessLog.AddFor(null, SystemActor, AccessAction.ArchiveExport, caseNumber, detail);
    }

    private void Remove(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError("The partial archive package could not be removed ({Error}); remove it by hand", e.GetType().Name);
        }
    }

    private static string Sha256(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));
}
