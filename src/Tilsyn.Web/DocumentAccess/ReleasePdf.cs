using System.Globalization;
using Tilsyn.Calendar;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Tilsyn.Complaints;
using Tilsyn.DocumentAccess;
using Tilsyn.Web.Letters;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.DocumentAccess;

/// <summary>
/// One document as it is released: title and text already redacted (<see cref="Redactions.Apply"/>),
/// so the removed words never reach the renderer; a file released whole; or a withheld document,
/// listed by number, kind and date only (its title could itself reveal what is withheld).
/// </summary>
public sealed record ReleasedDocument(string CaseNumber, int Sequence, DocumentKind Kind, DateTimeOffset CreatedAt, DocumentForm Form,
    bool Withheld, bool Redacted, ExemptionGround? Ground, string ShownTitle, string? ShownText, byte[]? File);

/// <summary>
/// The documents released under an <i>aktindsigt</i> as one PDF (PDFsharp, like the letters): a list
/// of every chosen document (released, released with redactions, withheld, each with its rule), then
/// each released text on its own pages, each released PDF's pages copied in, each image on a page.
/// Redacted passages are not drawn over: the text given here no longer contains them.
/// </summary>
public static class ReleasePdf
{
    private const double Margin = 70, PageWidth = 595, PageHeight = 842;
    private static readonly CultureInfo Danish = DanishTime.Culture;

    public static byte[] Render(string requestCaseNumber, DateOnly date, IReadOnlyList<ReleasedDocument> documents)
    {
        DejaVuFontResolver.EnsureRegistered();
        var body = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular);
        var bold = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold);
        var heading = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
        var small = new XFont(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
        const double width = PageWidth - 2 * Margin, bottom = PageHeight - Margin - 20;

        using var doc = new PdfDocument();
        // The metadata names only the request: nothing from the documents themselves.
        doc.Info.Title = $"Aktindsigt – sag {requestCaseNumber}";
        doc.Info.Author = "Borgerrådgiveren";
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);

        // Pages as a list of drawing steps, so "Side N af M" can be written once the count is known.
        var pages = new List<Action<XGraphics>?>();
        var lines = new List<(string Text, XFont Font, double Y)>();
        var y = Margin;
        void Flush()
        {
            if (lines.Count == 0) return;
            var mine = lines.ToList();
            pages.Add(g => { foreach (var (t, f, top) in mine) g.DrawString(t, f, XBrushes.Black, new XRect(Margin, top, width, 20), XStringFormats.TopLeft); });
            lines.Clear();
            y = Margin;
        }
        void Line(string text, XFont font, double height)
        {
            if (y + height > bottom) Flush();
            lines.Add((text, font, y));
            y += height;
        }
        void Paragraphs(string text, XFont font, double height)
        {
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                if (paragraph.Trim().Length == 0) { y += 6; continue; }
                foreach (var l in LetterPdf.Wrap(measure, paragraph, font, width)) Line(l, font, height);
            }
        }

        Paragraphs($"Aktindsigt – sag {requestCaseNumber}", heading, 20);
        Line(date.ToString("d. MMMM yyyy", Danish), body, 16);
        y += 8;
        Line("Dokumentliste", bold, 16);
        foreach (var d in documents)
            Paragraphs($"{DocumentNumber(d)}  {Status(d)}", body, 14.5);
        y += 8;
        Paragraphs($"Overstregede oplysninger er fjernet fra teksten og erstattet af {Redactions.Marker}.", small, 12);
        Flush();

        var imports = new List<(int Index, PdfDocument Source)>();
        try
        {
            foreach (var d in documents.Where(d => !d.Withheld))
            {
                Paragraphs($"{DocumentNumber(d)}: {d.ShownTitle}", heading, 20);
                Line($"{KindName(d.Kind)}, {d.CreatedAt.ToCopenhagen().ToString("d. MMMM yyyy", Danish)}" + (d.Redacted ? $" – delvist undtaget efter {d.Ground!.Value.Rule()}" : ""), small, 16);
                y += 6;
                switch (d.Form)
                {
                    case DocumentForm.Text:
                        Paragraphs(d.ShownText ?? "", body, 14.5);
                        Flush();
                        break;
                    case DocumentForm.PdfFile:
                        Line("Dokumentet er en PDF-fil og følger på de næste sider, som den er.", body, 14.5);
                        Flush();
                        var source = OpenPdf(d);
                        imports.Add((pages.Count, source));
                        for (var i = 0; i < source.PageCount; i++) pages.Add(null);
                        break;
                    case DocumentForm.ImageFile:
                        var top = y;
                        var image = Image(d);
                        var mine = lines.ToList();
                        lines.Clear();
                        pages.Add(g =>
                        {
                            foreach (var (t, f, at) in mine) g.DrawString(t, f, XBrushes.Black, new XRect(Margin, at, width, 20), XStringFormats.TopLeft);
                            var scale = Math.Min(1, Math.Min(width / image.PointWidth, (bottom - top) / image.PointHeight));
                            g.DrawImage(image, Margin, top, image.PointWidth * scale, image.PointHeight * scale);
                        });
                        y = Margin;
                        break;
                    default:
                        throw new DomainException($"{DocumentNumber(d)} kan ikke samles i PDF'en.");
                }
            }

            var importAt = imports.ToDictionary(x => x.Index, x => x.Source);
            var total = pages.Count;
            for (var i = 0; i < pages.Count; i++)
            {
                if (importAt.TryGetValue(i, out var src))
                {
                    for (var p = 0; p < src.PageCount; p++) doc.AddPage(src.Pages[p]);
                    i += src.PageCount - 1;
                    continue;
                }
                var page = doc.AddPage();
                page.Width = XUnit.FromPoint(PageWidth);
                page.Height = XUnit.FromPoint(PageHeight);
                using var gfx = XGraphics.FromPdfPage(page);
                pages[i]!(gfx);
                gfx.DrawString($"Side {i + 1} af {total}", small, XBrushes.Gray, new XRect(Margin, PageHeight - Margin + 10, width, 12), XStringFormats.TopRight);
                gfx.DrawString($"Aktindsigt, sag {requestCaseNumber}", small, XBrushes.Gray, new XRect(Margin, PageHeight - Margin + 10, width, 12), XStringFormats.TopLeft);
            }
            using var ms = new MemoryStream();
            doc.Save(ms, false);
            return ms.ToArray();
        }
        finally
        {
            foreach (var (_, source) in imports) source.Dispose();
        }
    }

    private static string DocumentNumber(ReleasedDocument d) => $"Sag {d.CaseNumber}, dokument {d.Sequence}";

    private static string Status(ReleasedDocument d) =>
        d.Withheld ? $"({KindName(d.Kind)}, {d.CreatedAt.ToCopenhagen().ToString("dd-MM-yyyy", Danish)}): undtaget efter {d.Ground!.Value.Rule()}"
        : d.Redacted ? $"{d.ShownTitle}: udleveret med overstregninger efter {d.Ground!.Value.Rule()}"
        : $"{d.ShownTitle}: udleveret";

    private static string KindName(DocumentKind k) => k switch
    {
        DocumentKind.Incoming => "Indgående",
        DocumentKind.Outgoing => "Udgående brev",
        DocumentKind.Attachment => "Bilag",
        DocumentKind.Note => "Notat",
        DocumentKind.Statement => "Udtalelse",
        _ => k.ToString(),
    };

    private static PdfDocument OpenPdf(ReleasedDocument d)
    {
        try
        {
            return PdfReader.Open(new MemoryStream(d.File!, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception e) when (e is not DomainException)
        {
            throw new DomainException($"{DocumentNumber(d)} er en PDF, som ikke kan læses (fx krypteret eller beskadiget). Undtag den, eller udlever den særskilt.");
        }
    }

    private static XImage Image(ReleasedDocument d)
    {
        try
        {
            return XImage.FromStream(new MemoryStream(d.File!, writable: false));
        }
        catch (Exception e) when (e is not DomainException)
        {
            throw new DomainException($"{DocumentNumber(d)} er et billede, som ikke kan læses. Undtag det, eller udlever det særskilt.");
        }
    }
}
