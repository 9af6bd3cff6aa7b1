using System.Globalization;
using System.IO.Compression;

namespace Tilsyn.Complaints.Intake;

/// <summary>Limits for attachments to a complaint.</summary>
public sealed record AttachmentPolicy(long MaxBytesPerFile = 10 * 1024 * 1024, int MaxFiles = 5, long MaxTotalBytes = 25 * 1024 * 1024);

/// <summary>An accepted file (<see cref="Error"/> null) or the reason it was refused, in Danish, naming the file.</summary>
public sealed record InspectionResult(string SafeFileName, string? ContentType, string? KindName, string? Error)
{
    public bool Accepted => Error is null;
}

/// <summary>
/// Decides what a file is by its content, not its name, and accepts only what the advisor can open
/// safely: PDF, PNG, JPEG and Word. The extension must agree with the content, so an executable
/// renamed to .pdf is refused.
/// </summary>
public static class AttachmentInspector
{
    private sealed record Kind(string Name, string ContentType, string[] Extensions);

    private static readonly Kind Pdf = new("PDF-fil", "application/pdf", [".pdf"]);
    private static readonly Kind Png = new("PNG-billede", "image/png", [".png"]);
    private static readonly Kind Jpeg = new("JPEG-billede", "image/jpeg", [".jpg", ".jpeg"]);
    private static readonly Kind Docx = new("Word-dokument", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    private static readonly Kind Doc = new("Word-dokument (gammelt format)", "application/msword", [".doc"]);
    private static readonly Kind[] All = [Pdf, Png, Jpeg, Docx, Doc];

    public static InspectionResult Inspect(string fileName, ReadOnlySpan<byte> content, AttachmentPolicy policy)
    {
        var name = SafeName(fileName);
        InspectionResult Refuse(string why) => new(name, null, null, why);

        if (content.Length == 0) return Refuse($"Filen '{name}' er tom.");
        if (content.Length > policy.MaxBytesPerFile)
            return Refuse($"Filen '{name}' er for stor ({Mb(content.Length)} MB); højst {Mb(policy.MaxBytesPerFile)} MB pr. fil.");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var expected = All.FirstOrDefault(k => k.Extensions.Contains(extension));
        if (expected is null)
            return Refuse($"Filen '{name}' har en filtype, der ikke kan modtages. Send PDF, PNG, JPEG eller Word (.doc/.docx).");
        var actual = Detect(content);
        if (actual != expected)
            return Refuse($"Filen '{name}' er ikke en {expected.Name}: indholdet passer ikke til filtypen.");
        return new(name, actual.ContentType, actual.Name, null);
    }

    /// <summary>The limits on the whole set of files: how many, and how much in all.</summary>
    public static string? CheckSet(IReadOnlyList<(string Name, long Length)> files, AttachmentPolicy policy)
    {
        if (files.Count > policy.MaxFiles) return $"Du kan højst vedhæfte {policy.MaxFiles} filer (du valgte {files.Count}).";
        var total = files.Sum(f => f.Length);
        if (total > policy.MaxTotalBytes) return $"Filerne fylder i alt {Mb(total)} MB; højst {Mb(policy.MaxTotalBytes)} MB i alt.";
        return null;
    }

    /// <summary>Strips any path, control characters and characters file systems refuse; keeps at most 150 characters with the extension.</summary>
    public static string SafeName(string? fileName)
    {
        var raw = (fileName ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..];
        var clean = new string(raw.Where(c => !char.IsControl(c) && c is not (':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray()).Trim().TrimStart('.');
        if (clean.Length == 0) clean = "bilag";
        if (clean.Length > 150)
        {
            var ext = Path.GetExtension(clean);
            clean = clean[..(150 - ext.Length)] + ext;
        }
        return clean;
    }

    private static Kind? Detect(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("%PDF-"u8)) return Pdf;
        if (c.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (c.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (c.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return Doc;
        if (c.StartsWith("PK\x03\x04"u8) && IsWordPackage(c)) return Docx;
        return null;
    }

    /// <summary>A DOCX is a ZIP package holding <c>word/document.xml</c>; any other ZIP is refused.</summary>
    private static bool IsWordPackage(ReadOnlySpan<byte> c)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(c.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.GetCultureInfo("da-DK"));
}
