using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.Reports;

/// <summary>A simple report: a title, paragraphs and tables, each under its own heading.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string>? TableHeader = null, IReadOnlyList<IReadOnlyList<string>>? TableRows = null);

public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<ReportSection> Sections);

/// <summary>
/// Renders a <see cref="ReportDocument"/> as editable Word (Open XML: real heading styles so Word can
/// build a table of contents, real tables) and as PDF (PDFsharp, page numbers).
/// </summary>
public static class ReportRenderer
{
    public static byte[] ToDocx(ReportDocument report)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                HeadingStyle("Title", "Title", 40),
                HeadingStyle("Heading1", "heading 1", 32, outline: 0),
                HeadingStyle("Heading2", "heading 2", 26, outline: 1));
            var body = new Body();
            body.Append(Paragraph(report.Title, "Title"), Paragraph(report.Subtitle));
            foreach (var s in report.Sections)
            {
                body.Append(Paragraph(s.Heading, "Heading1"));
                foreach (var p in s.Paragraphs) body.Append(Paragraph(p));
                if (s.TableHeader is { } header && s.TableRows is { } rows)
                {
                    var table = new Table(new TableProperties(
                        new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
                            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 }),
                        new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
                    table.Append(Row(header, bold: true));
                    foreach (var r in rows) table.Append(Row(r, bold: false));
                    body.Append(table, Paragraph(""));
                }
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();

        static Style HeadingStyle(string id, string name, int halfPoints, int? outline = null)
        {
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString() }))
            { Type = StyleValues.Paragraph, StyleId = id };
            if (outline is { } level) style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
            return style;
        }

        static Paragraph Paragraph(string text, string? style = null)
        {
            var p = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            if (style is not null) p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            return p;
        }

        static TableRow Row(IReadOnlyList<string> cells, bool bold) =>
            new(cells.Select(c => new TableCell(new Paragraph(bold ? new Run(new RunProperties(new Bold()), new Text(c)) : new Run(new Text(c))))));
    }

    public static byte[] ToPdf(ReportDocument report)
    {
        DejaVuFontResolver.EnsureRegistered();
        var title = new XFont(DejaVuFontResolver.Family, 18, XFontStyleEx.Bold);
        var h1 = new XFont(DejaVuFontResolver.Family, 13, XFontStyleEx.Bold);
        var body = new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Regular);
        var bold = new XFont(DejaVuFontResolver.Family, 10, XFontStyleEx.Bold);
        var small = new XFont(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular);
        const double margin = 60, width = 595 - 2 * margin, bottom = 842 - margin;
        using var doc = new PdfDocument();
        doc.Info.Title = report.Title;
        PdfPage? page = null;
        XGraphics? gfx = null;
        double y = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = doc.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            gfx = XGraphics.FromPdfPage(page);
            y = margin;
        }
        void Line(string text, XFont font, double height, double x = margin, double w = width)
        {
            if (y + height > bottom) NewPage();
            gfx!.DrawString(text, font, XBrushes.Black, new XRect(x, y, w, height), XStringFormats.TopLeft);
            y += height;
        }
        NewPage();
        Line(report.Title, title, 28);
        Line(report.Subtitle, body, 22);
        foreach (var s in report.Sections)
        {
            y += 8;
            Line(s.Heading, h1, 20);
            foreach (var p in s.Paragraphs)
                foreach (var l in LetterPdf.Wrap(gfx!, p, body, width)) Line(l, body, 13);
            if (s.TableHeader is { } header && s.TableRows is { } rows)
            {
                var col = width / header.Count;
                void TableRow(IReadOnlyList<string> cells, XFont font)
                {
                    if (y + 16 > bottom) NewPage();
                    for (var i = 0; i < cells.Count; i++)
                    {
                        gfx!.DrawRectangle(XPens.Gray, margin + i * col, y, col, 16);
                        gfx.DrawString(cells[i], font, XBrushes.Black, new XRect(margin + i * col + 3, y + 2, col - 6, 14), XStringFormats.TopLeft);
                    }
                    y += 16;
                }
                TableRow(header, bold);
                foreach (var r in rows) TableRow(r, body);
            }
        }
        gfx?.Dispose();
        for (var i = 0; i < doc.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(doc.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawString($"Side {i + 1} af {doc.PageCount}", small, XBrushes.Gray, new XRect(margin, 842 - margin + 12, width, 12), XStringFormats.TopRight);
        }
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }
}
