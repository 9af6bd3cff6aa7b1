using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Letters;

/// <summary>What goes on a letter.</summary>
public sealed record LetterDocument(
    IReadOnlyList<string> SenderLines, string RecipientName, IReadOnlyList<string> RecipientAddressLines,
    DateOnly Date, string CaseNumber, string Title, string Body);

/// <summary>
/// Renders a letter as an A4 PDF (PDFsharp): sender and recipient blocks, date and case number,
/// the title, the body wrapped to the page, and "Side N af M" on every page.
/// </summary>
public static class LetterPdf
{
    private const double Margin = 70; // ~25 mm
    private static readonly CultureInfo Danish = Tilsyn.Calendar.DanishTime.Culture;

    public static byte[] Render(LetterDocument letter)
    {
        DejaVuFontResolver.EnsureRegistered();
        var body = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular);
        var bold = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold);
        var title = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
        var small = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);

        using var doc = new PdfDocument();
        doc.Info.Title = letter.Title;
        doc.Info.Author = letter.SenderLines.FirstOrDefault() ?? "";
        doc.Info.Subject = $"Sag {letter.CaseNumber}";

        // Lay out first (so the page count is known), then draw.
        var pages = new List<List<(string Text, XFont Font, double Y)>>();
        const double width = 595 - 2 * Margin, bottom = 842 - Margin - 20;
        var current = new List<(string, XFont, double)>();
        pages.Add(current);
        var y = Margin;
        void Line(string text, XFont font, double height)
        {
            if (y + height > bottom)
            {
                current = [];
                pages.Add(current);
                y = Margin;
            }
            current.Add((text, font, y));
            y += height;
        }

        using var measure = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
        foreach (var s in letter.SenderLines) Line(s, bold, 14);
        y += 24;
        Line(letter.RecipientName, body, 14);
        foreach (var a in letter.RecipientAddressLines) Line(a, body, 14);
        y += 24;
        Line($"{letter.Date.ToString("d. MMMM yyyy", Danish)}    Sagsnr. {letter.CaseNumber}", body, 14);
        y += 18;
        foreach (var l in Wrap(measure, letter.Title, title, width)) Line(l, title, 20);
        y += 8;
        foreach (var paragraph in letter.Body.Replace("\r\n", "\n").Split('\n'))
        {
            if (paragraph.Trim().Length == 0) { y += 8; continue; }
            foreach (var l in Wrap(measure, paragraph, body, width)) Line(l, body, 14.5);
        }

        for (var i = 0; i < pages.Count; i++)
        {
            var page = doc.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            using var gfx = XGraphics.FromPdfPage(page);
            foreach (var (text, font, top) in pages[i])
                gfx.DrawString(text, font, XBrushes.Black, new XRect(Margin, top, width, 20), XStringFormats.TopLeft);
            gfx.DrawString($"Side {i + 1} af {pages.Count}", small, XBrushes.Gray, new XRect(Margin, 842 - Margin + 10, width, 12), XStringFormats.TopRight);
            gfx.DrawString($"Sag {letter.CaseNumber}", small, XBrushes.Gray, new XRect(Margin, 842 - Margin + 10, width, 12), XStringFormats.TopLeft);
        }
        using var ms = new MemoryStream();
        doc.Save(ms, false);
        return ms.ToArray();
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is broken by characters.</summary>
    internal static IEnumerable<string> Wrap(XGraphics measure, string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (measure.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
            if (line.Length > 0) yield return line;
            line = word;
            while (measure.MeasureString(line, font).Width > width && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && measure.MeasureString(line[..cut], font).Width > width) cut--;
                yield return line[..cut];
                line = line[cut..];
            }
        }
        if (line.Length > 0) yield return line;
    }
}
