using Tilsyn.Complaints.Intake;

namespace Tilsyn.Web.Reports;

/// <summary>The file formats a report is downloaded in: PDF to read and print, Word to edit.</summary>
public enum ReportFormat
{
    Pdf = 1,
    Docx = 2,
}

public static class ReportFormats
{
    /// <summary>The file kind (content type and extension) of a format, from the one list of file kinds.</summary>
    public static FileKind Kind(this ReportFormat format) => format switch
    {
        ReportFormat.Pdf => FileKind.Pdf,
        ReportFormat.Docx => FileKind.Docx,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The file name of a download: <paramref name="name"/> with the format's extension.</summary>
    public static string FileName(this ReportFormat format, string name) => name + format.Kind().Extensions[0];

    /// <summary>The download of <paramref name="bytes"/> in this format, named <paramref name="name"/> plus the extension.</summary>
    public static FileContentResult Download(this ReportFormat format, byte[] bytes, string name) =>
        new(bytes, format.Kind().ContentType) { FileDownloadName = format.FileName(name) };
}
