using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tilsyn.Complaints.Intake;

/// <summary>
/// What <see cref="AttachmentInspector.Inspect"/> found. <see cref="SafeFileName"/> is set either way,
/// so a page can name the file; <see cref="ContentType"/> and <see cref="KindName"/> only when accepted.
/// </summary>
public sealed record InspectionResult(string SafeFileName, string? ContentType, string? KindName, string? Error)
{
    [MemberNotNullWhen(true, nameof(ContentType), nameof(KindName))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsAccepted => Error is null;

    internal static InspectionResult Accept(string name, FileKind kind) => new(name, kind.ContentType, kind.Name, null);

    internal static InspectionResult Refuse(string name, string error) => new(name, null, null, error);
}

/// <summary>A file type the advisor accepts as an attachment (<i>bilag</i>).</summary>
internal sealed class FileKind(string name, string contentType, params string[] extensions)
{
    public string Name { get; } = name;
    public string ContentType { get; } = contentType;
    public IReadOnlyList<string> Extensions { get; } = extensions;

    public static readonly FileKind Pdf = new("PDF-fil", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("PNG-fil", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG-fil", "image/jpeg", ".jpg", ".jpeg");
    public static readonly FileKind Docx = new("Word-fil (.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Doc = new("Word-fil (.doc)", "application/msword", ".doc");

    public static readonly FileKind[] All = [Pdf, Png, Jpeg, Docx, Doc];
}

/// <summary>
/// Checks one uploaded file before it is stored with a complaint. The type is decided by the
/// content, never by the name or the browser's Content-Type, which the sender controls; the name's
/// extension must then agree, so that the program that opens the file at the administration is
/// the one meant for it (an .exe renamed to .pdf is refused, and so is a harmless PNG named .pdf).
/// </summary>
public static class AttachmentInspector
{
    public const int MaxFileNameLength = 150;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipMagic => "PK\x03\x04"u8;
    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static InspectionResult Inspect(string fileName, ReadOnlySpan<byte> content, AttachmentPolicy policy)
    {
        var name = SafeFileName(fileName);
        if (name.Length == 0)
            return InspectionResult.Refuse(name, "En af filerne har intet filnavn.");
        if (content.IsEmpty)
            return InspectionResult.Refuse(name, $"Filen '{name}' er tom.");
        if (CheckSize(fileName, content.Length, policy) is { } tooLarge)
            return InspectionResult.Refuse(name, tooLarge);

        var extension = Path.GetExtension(name);
        var claimed = FileKind.All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
        if (claimed is null)
            return InspectionResult.Refuse(name,
                $"Filen '{name}' har ikke en tilladt filtype. Du kan vedhæfte PDF, PNG, JPEG og Word (.docx, .doc).");

        // The ZIP is opened only for a name that claims .docx; any other ZIP is refused by its signature alone.
        var zipEntries = claimed == FileKind.Docx && content.StartsWith(ZipMagic) ? ZipEntryNames(content) : null;
        if (KindOf(content, zipEntries) != claimed)
            return InspectionResult.Refuse(name, $"Filen '{name}' er ikke en {claimed.Name}: indholdet passer ikke til filtypen.");

        // A .docx with a VBA project is a .docm renamed: Word's own rule is that only .docm may
        // carry macros, and macros are the usual way malware arrives in Word files.
        if (zipEntries is not null && zipEntries.Contains("word/vbaProject.bin"))
            return InspectionResult.Refuse(name, $"Filen '{name}' indeholder makroer. Gem dokumentet uden makroer, og prøv igen.");

        return InspectionResult.Accept(name, claimed);
    }

    /// <summary>
    /// Checks one file's size against the per-file limit, so an upload can be refused by its declared
    /// length before it is read. Returns null when the size is fine, otherwise a Danish message naming the file.
    /// </summary>
    public static string? CheckSize(string? fileName, long length, AttachmentPolicy policy) =>
        length > policy.MaxFileBytes
            ? $"Filen '{SafeFileName(fileName)}' er for stor ({FormatSize(length)}); højst {FormatSize(policy.MaxFileBytes)} pr. fil."
            : null;

    /// <summary>
    /// Checks the number of files and their total size. Each file's own size is checked by <see cref="Inspect"/>.
    /// Returns null when the set is fine, otherwise a Danish message.
    /// </summary>
    public static string? CheckSet(IReadOnlyList<(string Name, long Length)> files, AttachmentPolicy policy)
    {
        if (files.Count > policy.MaxFiles)
            return $"Du kan højst vedhæfte {policy.MaxFiles} filer; du har valgt {files.Count}.";
        var total = files.Sum(f => f.Length);
        if (total > policy.MaxTotalBytes)
            return $"Filerne fylder tilsammen {FormatSize(total)}; højst {FormatSize(policy.MaxTotalBytes)} i alt.";
        return null;
    }

    /// <summary>
    /// The name without any folder (browsers on Windows may send <c>C:\fakepath\x.pdf</c>, a hostile client
    /// <c>..\..\x.pdf</c>), without control and formatting characters, and at most
    /// <see cref="MaxFileNameLength"/> characters with the extension kept. It is meant for display and
    /// for the download's Content-Disposition; files are stored under a key of our own, never under this name.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var raw = fileName ?? "";
        var lastSeparator = raw.LastIndexOfAny(['/', '\\']);
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.AsSpan(lastSeparator + 1))
        {
            // Format characters (Cf) include U+202E RIGHT-TO-LEFT OVERRIDE, which makes
            // "faktura\u202Efdp.exe" display as "fakturaexe.pdf".
            if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                builder.Append(c);
        }
        // Windows drops trailing dots and spaces, so "x.pdf." would be saved as "x.pdf": decide on that name.
        var name = builder.ToString().Trim().TrimEnd('.', ' ');
        if (name is "." or "..")
            return "";
        if (name.Length <= MaxFileNameLength)
            return name;

        var extension = Path.GetExtension(name);
        if (extension.Length >= MaxFileNameLength)
            return Cut(name, MaxFileNameLength);
        return Cut(name[..^extension.Length], MaxFileNameLength - extension.Length) + extension;
    }

    private static FileKind? KindOf(ReadOnlySpan<byte> content, HashSet<string>? zipEntries)
    {
        if (content.StartsWith(PdfMagic)) return FileKind.Pdf;
        if (content.StartsWith(PngMagic)) return FileKind.Png;
        if (content.StartsWith(JpegMagic)) return FileKind.Jpeg;
        // Only the signature: Excel and PowerPoint files share the OLE container with .doc, and telling
        // them apart means reading the container's directory. The extension check still applies.
        if (content.StartsWith(OleMagic)) return FileKind.Doc;
        if (zipEntries is not null && zipEntries.Contains("word/document.xml")) return FileKind.Docx;
        return null;
    }

    /// <summary>
    /// The entry names from the ZIP's central directory. Nothing is decompressed, so a ZIP bomb costs nothing here.
    /// Part names in a Word package are case-insensitive (ECMA-376 part 2, § 6.2.2.3).
    /// </summary>
    private static HashSet<string>? ZipEntryNames(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return null; // not a readable ZIP, so not a Word document either
        }
    }

    /// <summary>Cuts to at most <paramref name="length"/> characters without splitting a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }

    private static readonly NumberFormatInfo DanishNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>
    /// Sizes in 1024-based units, as Windows Explorer shows them to the citizen, with a Danish decimal
    /// comma. Rounded up, so a file just over the limit never reads as the limit itself.
    /// </summary>
    internal static string FormatSize(long bytes)
    {
        const long KiB = 1024;
        if (bytes < KiB)
            return $"{bytes} bytes";
        var (value, unit) = bytes < AttachmentPolicy.MiB ? ((double)bytes / KiB, "kB") : ((double)bytes / AttachmentPolicy.MiB, "MB");
        var rounded = Math.Ceiling(value * 10) / 10;
        return $"{rounded.ToString("0.#", DanishNumbers)} {unit}";
    }
}
