using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as an A4 PDF with PDFsharp. The whole document is laid out
/// first as a list of drawing steps per page, without drawing; the table of contents needs the pages
/// the headings land on, so the layout is repeated with the pages found until they no longer change
/// (the contents' own length does not depend on the numbers, so two passes normally settle it).
/// Then the pages are drawn, with "Side N af M" on every page but the cover, bookmarks for the headings
/// and links from the contents to the pages.
/// </summary>
internal static class PdfReportWriter
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 60;
    private const double TextWidth = PageWidth - 2 * Margin, Top = Margin, Bottom = PageHeight - Margin;
    private const double ContentHeight = Bottom - Top;
    private static readonly XColor Accent = XColor.FromArgb(0x00, 0x43, 0x6e);

    public static byte[] Render(ReportDocument report)
    {
        DejaVuFontResolver.EnsureRegistered();
        var fonts = new Fonts();
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);

        Layout layout = LayOut(report, measure, fonts, null);
        if (report.TableOfContents)
        {
            for (var pass = 0; pass < 4; pass++)
            {
                var again = LayOut(report, measure, fonts, layout.HeadingPages);
                var settled = again.HeadingPages.SequenceEqual(layout.HeadingPages);
                layout = again;
                if (settled) break;
            }
        }

        using var doc = new PdfDocument();
        doc.Info.Title = report.Title;
        doc.Info.Subject = report.Subtitle;
        var images = new List<XImage>();
        try
        {
            var total = layout.Pages.Count;
            for (var i = 0; i < total; i++)
            {
                var page = doc.AddPage();
                page.Width = XUnit.FromPoint(PageWidth);
                page.Height = XUnit.FromPoint(PageHeight);
                using var gfx = XGraphics.FromPdfPage(page);
                var canvas = new Canvas(gfx, images);
                foreach (var step in layout.Pages[i]) step(canvas);
                if (report.Cover && i == 0) continue;
                var footer = new XRect(Margin, Bottom + 14, TextWidth, 12);
                gfx.DrawString($"Side {i + 1} af {total}", fonts.Footer, XBrushes.Gray, footer, XStringFormats.TopRight);
                if (measure.MeasureString(report.Title, fonts.Footer).Width < TextWidth - 120)
                    gfx.DrawString(report.Title, fonts.Footer, XBrushes.Gray, footer, XStringFormats.TopLeft);
            }

            foreach (var link in layout.Links)
            {
                var r = link.Area;
                doc.Pages[link.Page - 1].AddDocumentLink(
                    new PdfRectangle(new XPoint(r.Left, PageHeight - r.Bottom), new XPoint(r.Right, PageHeight - r.Top)), link.Target);
            }

            if (layout.ContentsPage is { } contentsPage)
                doc.Outlines.Add("Indhold", doc.Pages[contentsPage - 1], true);
            PdfOutline? chapter = null;
            for (var i = 0; i < report.Sections.Count; i++)
            {
                var s = report.Sections[i];
                var page = doc.Pages[layout.HeadingPages[i] - 1];
                if (s.HeadingLevel == 1 || chapter is null)
                {
                    var outline = doc.Outlines.Add(s.Heading, page, true);
                    if (s.HeadingLevel == 1) chapter = outline;
                }
                else chapter.Outlines.Add(s.Heading, page, true);
            }

            using var ms = new MemoryStream();
            doc.Save(ms, false);
            return ms.ToArray();
        }
        finally
        {
            foreach (var image in images) image.Dispose();
        }
    }

    private sealed class Fonts
    {
        public readonly XFont CoverTitle = new(DejaVuFontResolver.Family, 26, XFontStyleEx.Bold);
        public readonly XFont CoverSubtitle = new(DejaVuFontResolver.Family, 14, XFontStyleEx.Regular);
        public readonly XFont CoverLine = new(DejaVuFontResolver.Family, 11, XFontStyleEx.Regular);
        public readonly XFont Title = new(DejaVuFontResolver.Family, 18, XFontStyleEx.Bold);
        public readonly XFont H1 = new(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
        public readonly XFont H2 = new(DejaVuFontResolver.Family, 11.5, XFontStyleEx.Bold);
        public readonly XFont Body = new(DejaVuFontResolver.Family, 10, XFontStyleEx.Regular);
        public readonly XFont BodyBold = new(DejaVuFontResolver.Family, 10, XFontStyleEx.Bold);
        public readonly XFont Cell = new(DejaVuFontResolver.Family, 9, XFontStyleEx.Regular);
        public readonly XFont CellBold = new(DejaVuFontResolver.Family, 9, XFontStyleEx.Bold);
        public readonly XFont Caption = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
        public readonly XFont Footer = new(DejaVuFontResolver.Family, 8, XFontStyleEx.Regular);
    }

    /// <summary>What a drawing step gets: the page's graphics and the list of images to dispose after saving.</summary>
    private sealed record Canvas(XGraphics Gfx, List<XImage> Images);

    private sealed record Link(int Page, XRect Area, int Target);

    /// <summary>The pages as drawing steps, and where the headings landed (1-based page numbers, one per section).</summary>
    private sealed class Layout(XGraphics measure)
    {
        public readonly List<List<Action<Canvas>>> Pages = [];
        public readonly List<int> HeadingPages = [];
        public readonly List<Link> Links = [];
        public int? ContentsPage;
        public double Y;

        public int Page => Pages.Count;
        public bool AtTop => Y <= Top;

        public void NewPage()
        {
            Pages.Add([]);
            Y = Top;
        }

        /// <summary>Starts a new page unless <paramref name="height"/> fits below; never leaves a page empty.</summary>
        public void Ensure(double height)
        {
            if (!AtTop && Y + height > Bottom) NewPage();
        }

        public void Draw(Action<Canvas> step) => Pages[^1].Add(step);

        public void Text(string text, XFont font, XBrush brush, double x, double width, double height, XStringFormat? format = null)
        {
            var top = Y;
            Draw(c => c.Gfx.DrawString(text, font, brush, new XRect(x, top, width, height), format ?? XStringFormats.TopLeft));
        }

        /// <summary>Word-wraps text (line breaks in it are kept) to the width; an empty text is one empty line.</summary>
        public List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var part in text.Replace("\r\n", "\n").Split('\n'))
            {
                var count = lines.Count;
                lines.AddRange(LetterPdf.Wrap(measure, part, font, width));
                if (lines.Count == count) lines.Add("");
            }
            return lines;
        }

        public double Width(string text, XFont font) => measure.MeasureString(text, font).Width;
    }

    private const double BodyLine = 14, CellLine = 11.5, CellPad = 3, CaptionLine = 11, BulletIndent = 16;

    private static double HeadingLine(int level) => level == 1 ? 19 : 16;
    private static double SpaceBeforeHeading(int level) => level == 1 ? 16 : 10;

    private static Layout LayOut(ReportDocument report, XGraphics measure, Fonts fonts, IReadOnlyList<int>? headingPages)
    {
        var l = new Layout(measure);
        l.NewPage();

        if (report.Cover) Cover(report, l, fonts);
        else
        {
            foreach (var line in l.Wrap(report.Title, fonts.Title, TextWidth))
            {
                l.Text(line, fonts.Title, XBrushes.Black, Margin, TextWidth, 24);
                l.Y += 24;
            }
            foreach (var line in l.Wrap(report.Subtitle, fonts.Body, TextWidth))
            {
                l.Text(line, fonts.Body, XBrushes.Black, Margin, TextWidth, BodyLine);
                l.Y += BodyLine;
            }
            l.Y += 8;
        }

        if (report.TableOfContents)
        {
            if (report.Cover) l.NewPage();
            else l.Y += 8;
            Contents(report, l, fonts, headingPages);
            l.NewPage();
        }
        else if (report.Cover) l.NewPage();

        for (var i = 0; i < report.Sections.Count; i++) Section(report.Sections, i, l, fonts);
        return l;
    }

    private static void Cover(ReportDocument report, Layout l, Fonts fonts)
    {
        var accent = new XSolidBrush(Accent);
        l.Draw(c => c.Gfx.DrawRectangle(accent, 0, 0, PageWidth, 18));
        l.Y = 250;
        l.Draw(c => c.Gfx.DrawRectangle(accent, Margin, 236, 80, 5));
        foreach (var line in l.Wrap(report.Title, fonts.CoverTitle, TextWidth))
        {
            l.Text(line, fonts.CoverTitle, accent, Margin, TextWidth, 34);
            l.Y += 34;
        }
        l.Y += 8;
        foreach (var line in l.Wrap(report.Subtitle, fonts.CoverSubtitle, TextWidth))
        {
            l.Text(line, fonts.CoverSubtitle, XBrushes.Black, Margin, TextWidth, 20);
            l.Y += 20;
        }
        l.Y += 24;
        foreach (var coverLine in report.CoverLines)
            foreach (var line in l.Wrap(coverLine, fonts.CoverLine, TextWidth))
            {
                l.Text(line, fonts.CoverLine, XBrushes.DimGray, Margin, TextWidth, 16);
                l.Y += 16;
            }
    }

    /// <summary>"Indhold": each level-1 and level-2 heading with the page it starts on, linked to that page.</summary>
    private static void Contents(ReportDocument report, Layout l, Fonts fonts, IReadOnlyList<int>? headingPages)
    {
        l.ContentsPage = l.Page;
        l.Ensure(HeadingLine(1) + 40);
        l.Text("Indhold", fonts.H1, new XSolidBrush(Accent), Margin, TextWidth, HeadingLine(1));
        l.Y += HeadingLine(1) + 8;
        const double numberWidth = 40, lineHeight = 15;
        for (var i = 0; i < report.Sections.Count; i++)
        {
            var s = report.Sections[i];
            var font = s.HeadingLevel == 1 ? fonts.BodyBold : fonts.Body;
            var indent = s.HeadingLevel == 1 ? 0 : BulletIndent;
            if (s.HeadingLevel == 1 && i > 0) l.Y += 4;
            var lines = l.Wrap(s.Heading, font, TextWidth - indent - numberWidth);
            l.Ensure(lines.Count * lineHeight);
            var top = l.Y;
            foreach (var line in lines)
            {
                l.Text(line, font, XBrushes.Black, Margin + indent, TextWidth - indent - numberWidth, lineHeight);
                l.Y += lineHeight;
            }
            // The number is unknown in the first pass; its box is fixed, so the layout does not change with it.
            var target = headingPages is not null && i < headingPages.Count ? headingPages[i] : 0;
            l.Y -= lineHeight;
            l.Text(target > 0 ? target.ToString() : "", font, XBrushes.Black, Margin + TextWidth - numberWidth, numberWidth, lineHeight, XStringFormats.TopRight);
            l.Y += lineHeight;
            if (target > 0) l.Links.Add(new Link(l.Page, new XRect(Margin + indent, top, TextWidth - indent, l.Y - top), target));
        }
    }

    private static void Section(IReadOnlyList<ReportSection> sections, int index, Layout l, Fonts fonts)
    {
        var s = sections[index];
        var level = s.HeadingLevel;
        var font = level == 1 ? fonts.H1 : fonts.H2;
        var before = l.AtTop ? 0 : SpaceBeforeHeading(level);
        // Keep the heading with the start of what follows it (and with a sub-heading that follows directly).
        var keep = Math.Min(KeepHeight(sections, index, l, fonts), ContentHeight);
        if (!l.AtTop && l.Y + before + keep > Bottom) l.NewPage();
        else l.Y += before;

        l.HeadingPages.Add(l.Page);
        XBrush brush = level == 1 ? new XSolidBrush(Accent) : XBrushes.Black;
        foreach (var line in l.Wrap(s.Heading, font, TextWidth))
        {
            l.Text(line, font, brush, Margin, TextWidth, HeadingLine(level));
            l.Y += HeadingLine(level);
        }
        l.Y += 4;

        foreach (var p in s.Paragraphs) Paragraph(p, l, fonts);
        if (s.Bullets.Count > 0)
        {
            foreach (var b in s.Bullets) Bullet(b, l, fonts);
            l.Y += 4;
        }
        foreach (var image in s.Images) Image(image, l, fonts);
        if (s.HasTable) Table(s.TableHeader!, s.TableRows!, l, fonts);
    }

    /// <summary>The height of a heading plus the least of what must follow it on the same page.</summary>
    private static double KeepHeight(IReadOnlyList<ReportSection> sections, int index, Layout l, Fonts fonts)
    {
        var s = sections[index];
        var level = s.HeadingLevel;
        var height = l.Wrap(s.Heading, level == 1 ? fonts.H1 : fonts.H2, TextWidth).Count * HeadingLine(level) + 4;
        if (s.Paragraphs.Count > 0)
            return height + Math.Min(2, l.Wrap(s.Paragraphs[0], fonts.Body, TextWidth).Count) * BodyLine;
        if (s.Bullets.Count > 0)
            return height + Math.Min(2, l.Wrap(s.Bullets[0], fonts.Body, TextWidth - BulletIndent).Count) * BodyLine;
        if (s.Images.Count > 0)
            return height + ImageBlock(s.Images[0], l, fonts).Height;
        if (s.HasTable)
        {
            var table = TableLayout.Create(s.TableHeader!, s.TableRows!, l, fonts);
            return height + table.HeaderHeight + (table.Rows.Count > 0 ? table.RowHeight(table.Rows[0]) : 0);
        }
        if (index + 1 < sections.Count && sections[index + 1].HeadingLevel > level)
            return height + SpaceBeforeHeading(sections[index + 1].HeadingLevel) + KeepHeight(sections, index + 1, l, fonts);
        return height;
    }

    private static void Paragraph(string text, Layout l, Fonts fonts)
    {
        var lines = l.Wrap(text, fonts.Body, TextWidth);
        l.Ensure(Math.Min(2, lines.Count) * BodyLine); // no single first line at the bottom of a page
        foreach (var line in lines)
        {
            l.Ensure(BodyLine);
            l.Text(line, fonts.Body, XBrushes.Black, Margin, TextWidth, BodyLine);
            l.Y += BodyLine;
        }
        l.Y += 6;
    }

    private static void Bullet(string text, Layout l, Fonts fonts)
    {
        var lines = l.Wrap(text, fonts.Body, TextWidth - BulletIndent);
        l.Ensure(Math.Min(2, lines.Count) * BodyLine);
        for (var i = 0; i < lines.Count; i++)
        {
            l.Ensure(BodyLine);
            if (i == 0) l.Text("•", fonts.Body, XBrushes.Black, Margin + 4, BulletIndent, BodyLine);
            l.Text(lines[i], fonts.Body, XBrushes.Black, Margin + BulletIndent, TextWidth - BulletIndent, BodyLine);
            l.Y += BodyLine;
        }
        l.Y += 2;
    }

    private sealed record ImageSize(double Width, double ImageHeight, List<string> Caption, double Height);

    /// <summary>The image scaled to the text width (smaller if it would not fit on a page with its caption), aspect ratio kept.</summary>
    private static ImageSize ImageBlock(ReportImage image, Layout l, Fonts fonts)
    {
        var (pw, ph) = Png.Size(image.Png);
        var caption = image.Caption.Length == 0 ? [] : l.Wrap(image.Caption, fonts.Caption, TextWidth);
        var captionHeight = caption.Count * CaptionLine + 4;
        var width = TextWidth;
        var height = width * ph / pw;
        var max = ContentHeight - captionHeight - 10;
        if (height > max)
        {
            height = max;
            width = height * pw / ph;
        }
        return new ImageSize(width, height, caption, height + captionHeight + 10);
    }

    private static void Image(ReportImage image, Layout l, Fonts fonts)
    {
        var block = ImageBlock(image, l, fonts);
        l.Ensure(block.Height);
        var top = l.Y;
        var x = Margin + (TextWidth - block.Width) / 2;
        var png = image.Png;
        l.Draw(c =>
        {
            var img = XImage.FromStream(new MemoryStream(png, writable: false));
            c.Images.Add(img);
            c.Gfx.DrawImage(img, x, top, block.Width, block.ImageHeight);
        });
        l.Y += block.ImageHeight + 4;
        foreach (var line in block.Caption)
        {
            l.Text(line, fonts.Caption, XBrushes.DimGray, Margin, TextWidth, CaptionLine);
            l.Y += CaptionLine;
        }
        l.Y += 10;
    }

    /// <summary>A table with its column widths and every cell wrapped to its column.</summary>
    private sealed class TableLayout
    {
        public required double[] Widths { get; init; }
        public required List<string>[] Header { get; init; }
        public required List<List<string>[]> Rows { get; init; }
        public double HeaderHeight => RowHeight(Header);
        public double RowHeight(List<string>[] row) => row.Max(c => c.Count) * CellLine + 2 * CellPad;

        /// <summary>
        /// Automatic column widths, as a browser does them: each column gets at least its minimum (its longest
        /// word, or the whole text of a short cell, so that short values like "Række 12" do not wrap), and the
        /// rest of the text width is shared in proportion to how much more the column would need to avoid
        /// wrapping altogether. The widths always add up to the text width; if even the minimums do not fit,
        /// they are scaled down and long words are broken.
        /// </summary>
        public static TableLayout Create(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, Layout l, Fonts fonts)
        {
            const double shortCell = TextWidth / 5;
            var columns = header.Count;
            string Cell(IReadOnlyList<string> row, int c) => c < row.Count ? row[c] ?? "" : "";
            var natural = new double[columns];
            var minimum = new double[columns];
            void Measure(IReadOnlyList<string> row, XFont font)
            {
                for (var c = 0; c < columns; c++)
                {
                    var parts = Cell(row, c).Replace("\r\n", "\n").Split('\n');
                    var width = parts.Max(p => l.Width(p, font)) + 2 * CellPad;
                    var longestWord = parts.SelectMany(p => p.Split(' ')).Max(w => l.Width(w, font)) + 2 * CellPad;
                    natural[c] = Math.Max(natural[c], Math.Min(width, TextWidth));
                    minimum[c] = Math.Max(minimum[c], Math.Min(width <= shortCell ? width : longestWord, TextWidth));
                }
            }
            Measure(header, fonts.CellBold);
            foreach (var r in rows) Measure(r, fonts.Cell);
            for (var c = 0; c < columns; c++)
            {
                minimum[c] = Math.Max(minimum[c], 4 * CellPad);
                natural[c] = Math.Max(natural[c], minimum[c]);
            }
            double[] widths;
            if (natural.Sum() <= TextWidth)
                widths = [.. natural.Select(n => n * TextWidth / natural.Sum())];
            else if (minimum.Sum() >= TextWidth)
                widths = [.. minimum.Select(m => m * TextWidth / minimum.Sum())];
            else
            {
                var slack = natural.Zip(minimum, (n, m) => n - m).Sum();
                widths = [.. Enumerable.Range(0, columns).Select(c => minimum[c] + (natural[c] - minimum[c]) * (TextWidth - minimum.Sum()) / slack)];
            }

            List<string>[] Wrap(IReadOnlyList<string> row, XFont font) =>
                [.. Enumerable.Range(0, columns).Select(c => l.Wrap(Cell(row, c), font, Math.Max(1, widths[c] - 2 * CellPad)))];
            return new TableLayout { Widths = widths, Header = Wrap(header, fonts.CellBold), Rows = [.. rows.Select(r => Wrap(r, fonts.Cell))] };
        }
    }

    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xe6, 0xed, 0xf2));
    private static readonly XPen Grid = new(XColor.FromArgb(0x99, 0x99, 0x99), 0.5);

    /// <summary>
    /// Draws the table row by row; a row that does not fit goes to a new page, which starts with the header
    /// row again. A row taller than a whole page is split between pages.
    /// </summary>
    private static void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, Layout l, Fonts fonts)
    {
        var t = TableLayout.Create(header, rows, l, fonts);
        void Row(List<string>[] cells, int from, int count, bool isHeader)
        {
            var top = l.Y;
            var height = count * CellLine + 2 * CellPad;
            var font = isHeader ? fonts.CellBold : fonts.Cell;
            var x = Margin;
            for (var c = 0; c < cells.Length; c++)
            {
                var left = x;
                var width = t.Widths[c];
                var lines = cells[c].Skip(from).Take(count).ToList();
                l.Draw(g =>
                {
                    if (isHeader) g.Gfx.DrawRectangle(HeaderFill, left, top, width, height);
                    g.Gfx.DrawRectangle(Grid, left, top, width, height);
                    for (var i = 0; i < lines.Count; i++)
                        g.Gfx.DrawString(lines[i], font, XBrushes.Black, new XRect(left + CellPad, top + CellPad + i * CellLine, width - 2 * CellPad, CellLine), XStringFormats.TopLeft);
                });
                x += width;
            }
            l.Y += height;
        }
        void HeaderRow() => Row(t.Header, 0, t.Header.Max(c => c.Count), true);

        l.Ensure(t.HeaderHeight + (t.Rows.Count > 0 ? Math.Min(t.RowHeight(t.Rows[0]), ContentHeight - t.HeaderHeight) : 0));
        HeaderRow();
        foreach (var row in t.Rows)
        {
            var total = row.Max(c => c.Count);
            var done = 0;
            var freshPage = false;
            while (done < total)
            {
                var room = (int)Math.Floor((Bottom - l.Y - 2 * CellPad) / CellLine);
                var rest = total - done;
                // Split only a row that cannot fit on a page of its own (under the repeated header).
                var fitsOnFreshPage = t.HeaderHeight + rest * CellLine + 2 * CellPad <= ContentHeight;
                if (!freshPage && room < rest && (fitsOnFreshPage || room < 1))
                {
                    l.NewPage();
                    HeaderRow();
                    freshPage = true;
                    continue;
                }
                freshPage = false;
                var count = Math.Clamp(room, 1, rest); // at least one line, even under a header taller than the page
                Row(row, done, count, false);
                done += count;
            }
        }
        l.Y += 10;
    }
}
