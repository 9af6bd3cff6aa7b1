using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Tilsyn.Web.Letters;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Retention;

/// <summary>
/// Renders a document for the archive package as PDF/A (PDFsharp's <c>SetPdfA</c>: PDF/A-1a declared in
/// the XMP metadata, sRGB output intent, fonts embedded, tagged structure through <c>UAManager</c>,
/// which PDFsharp requires for PDF/A: without tags it refuses to draw). Used for documents that are
/// text in Tilsyn (the complaint, notes, statements) and for image attachments. A PDF that already
/// exists (a sent letter, a citizen's PDF) is copied as it was journalised: PDFsharp cannot turn an
/// existing PDF into PDF/A.
/// </summary>
public static class ArchivePdf
{
    private const double Margin = 70, PageWidth = 595, PageHeight = 842;

    /// <summary>A text document: a heading, its facts (number, kind, date, by) and the text wrapped over as many pages as it needs.</summary>
    public static byte[] RenderText(string title, string caseNumber, IReadOnlyList<string> facts, string text)
    {
        DejaVuFontResolver.EnsureRegistered();
        var body = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular);
        var heading = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
        var small = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
        const double width = PageWidth - 2 * Margin, bottom = PageHeight - Margin - 20;

        // Lay out first (paragraphs of lines, each line with its page and position), then draw with tags.
        var lines = new List<(int Page, double Y, string Text, XFont Font, int Paragraph, bool Heading)>();
        using (var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards))
        {
            int page = 0, paragraph = 0;
            var y = Margin;
            void Add(string s, XFont font, double height, bool isHeading)
            {
                if (y + height > bottom) { page++; y = Margin; }
                lines.Add((page, y, s, font, paragraph, isHeading));
                y += height;
            }
            foreach (var l in LetterPdf.Wrap(measure, title, heading, width)) Add(l, heading, 20, true);
            paragraph++;
            y += 6;
            foreach (var f in facts)
            {
                foreach (var l in LetterPdf.Wrap(measure, f, small, width)) Add(l, small, 12, false);
                paragraph++;
            }
            y += 12;
            foreach (var p in text.Replace("\r\n", "\n").Split('\n'))
            {
                if (p.Trim().Length == 0) { y += 8; continue; }
                foreach (var l in LetterPdf.Wrap(measure, p, body, width)) Add(l, body, 14.5, false);
                paragraph++;
            }
        }

        using var doc = NewDocument(title, caseNumber);
        var ua = UAManager.ForDocument(doc);
        ua.SetDocumentLanguage("da-DK");
        var pageCount = lines.Count == 0 ? 1 : lines.Max(l => l.Page) + 1;
        for (var i = 0; i < pageCount; i++)
        {
            var page = NewPage(doc);
            using var gfx = XGraphics.FromPdfPage(page);
            // A paragraph cut by a page break becomes two tagged paragraphs, one per page.
            foreach (var group in lines.Where(l => l.Page == i).GroupBy(l => l.Paragraph))
            {
                ua.StructureBuilder.BeginElement(group.First().Heading ? PdfBlockLevelElementTag.Heading1 : PdfBlockLevelElementTag.Paragraph);
                foreach (var l in group)
                    gfx.DrawString(l.Text, l.Font, XBrushes.Black, new XRect(Margin, l.Y, width, 20), XStringFormats.TopLeft);
                ua.StructureBuilder.End();
            }
            Footer(ua, gfx, small, caseNumber, i + 1, pageCount);
        }
        return Save(doc);
    }

    /// <summary>An image attachment (PNG, JPEG) on one page, scaled to fit, with the title as its alternative text.</summary>
    public static byte[] RenderImage(string title, string caseNumber, byte[] image)
    {
        DejaVuFontResolver.EnsureRegistered();
        var heading = new XFont(DejaVuFontResolver.Family, 12, XFontStyleEx.Bold);
        var small = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
        using var stream = new MemoryStream(image, writable: false);
        using var picture = XImage.FromStream(stream);
        using var doc = NewDocument(title, caseNumber);
        var ua = UAManager.ForDocument(doc);
        ua.SetDocumentLanguage("da-DK");
        var page = NewPage(doc);
        using var gfx = XGraphics.FromPdfPage(page);
        const double width = PageWidth - 2 * Margin, top = Margin + 30, height = PageHeight - 2 * Margin - 50;
        ua.StructureBuilder.BeginElement(PdfBlockLevelElementTag.Heading1);
        gfx.DrawString(title, heading, XBrushes.Black, new XRect(Margin, Margin, width, 20), XStringFormats.TopLeft);
        ua.StructureBuilder.End();
        var scale = Math.Min(1, Math.Min(width / picture.PointWidth, height / picture.PointHeight));
        var box = new XRect(Margin, top, picture.PointWidth * scale, picture.PointHeight * scale);
        ua.StructureBuilder.BeginElement(PdfIllustrationElementTag.Figure, title, box);
        gfx.DrawImage(picture, box);
        ua.StructureBuilder.End();
        Footer(ua, gfx, small, caseNumber, 1, 1);
        return Save(doc);
    }

    private static PdfDocument NewDocument(string title, string caseNumber)
    {
        var doc = new PdfDocument();
        doc.SetPdfA();
        doc.Info.Title = title;
        doc.Info.Subject = $"Sag {caseNumber}";
        doc.Info.Author = "Borgerrådgiveren";
        return doc;
    }

    private static PdfPage NewPage(PdfDocument doc)
    {
        var page = doc.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        return page;
    }

    /// <summary>Page number and case number as an artifact (not part of the document's text for a reader).</summary>
    private static void Footer(UAManager ua, XGraphics gfx, XFont small, string caseNumber, int page, int pages)
    {
        const double width = PageWidth - 2 * Margin;
        ua.StructureBuilder.BeginArtifact();
        gfx.DrawString($"Side {page} af {pages}", small, XBrushes.Gray, new XRect(Margin, PageHeight - Margin + 10, width, 12), XStringFormats.TopRight);
        gfx.DrawString($"Sag {caseNumber}", small, XBrushes.Gray, new XRect(Margin, PageHeight - Margin + 10, width, 12), XStringFormats.TopLeft);
        ua.StructureBuilder.End();
    }

    private static byte[] Save(PdfDocument doc)
    {
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }
}
