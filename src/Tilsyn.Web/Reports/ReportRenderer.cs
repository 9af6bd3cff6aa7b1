namespace Tilsyn.Web.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as editable Word (Open XML: real heading styles so Word can
/// build a table of contents, real tables, inline images) and as PDF (PDFsharp: page numbers, contents
/// with page numbers, bookmarks).
/// </summary>
public static class ReportRenderer
{
    public static byte[] ToDocx(ReportDocument report) => DocxReportWriter.Render(report);

    public static byte[] ToPdf(ReportDocument report) => PdfReportWriter.Render(report);

    public static byte[] Render(ReportDocument report, ReportFormat format) => format switch
    {
        ReportFormat.Pdf => ToPdf(report),
        ReportFormat.Docx => ToDocx(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
