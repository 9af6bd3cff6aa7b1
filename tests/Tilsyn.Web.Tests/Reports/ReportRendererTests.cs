using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilsyn.Web.Reports;
using A = DocumentFormat.OpenXml.Drawing;

namespace Tilsyn.Web.Tests.Reports;

public sealed class ReportRendererTests
{
    private const string Foreword = "Forord – årets gang i Borgerrådgiverens kontor";
    private const string Complaints = "Henvendelser og klager";
    private const string PerAdministration = "Klager fordelt på forvaltninger";
    private const string OwnInitiative = "Egen drift-undersøgelser på ældreområdet";

    private static readonly string Filler =
        "Borgerrådgiveren har i året behandlet flere henvendelser end året før, og særligt på ældre- og socialområdet er der sket en stigning. "
        + "Forvaltningerne har generelt været gode til at svare inden for fristen, men der er fortsat udfordringer med partshøring og begrundelse. ";

    /// <summary>The annual report as the advisor would make it: cover, contents, three chapters (one with a sub-section), a long table, charts, bullets.</summary>
    public static ReportDocument AnnualReport()
    {
        var bar = ReportCharts.BarChartPng("Henvendelser pr. år", ["2021", "2022", "2023", "2024", "2025"], [812, 904, 977, 1043, 1128.5], "Antal henvendelser");
        var line = ReportCharts.LineChartPng("Klager pr. 1.000 sager", ["2021", "2022", "2023", "2024", "2025"],
            [("Børn og Unge", [2.1, 2.4, 2.0, 1.8, 1.7]), ("Sociale Forhold og Beskæftigelse", [3.5, 3.1, 3.3, 2.9, 2.6]), ("Teknik og Miljø", [1.2, 1.1, 1.4, 1.5, 1.3])],
            "Klager pr. 1.000 sager");
        var rows = Enumerable.Range(1, 60)
            .Select(i => (IReadOnlyList<string>)[$"Række {i}", i % 7 == 0 ? "Sociale Forhold og Beskæftigelse – Handicap- og psykiatriområdet, Myndighedsafdelingen" : "Børn og Unge", $"{i * 3}", $"{i % 5} afgørelser ændret efter høring"])
            .ToList();
        return new ReportDocument("Borgerrådgiverens beretning 2025", "Årsberetning til Byrådet om borgernes henvendelser og klager",
        [
            new(Foreword, [string.Concat(Enumerable.Repeat(Filler, 3)), "Ærlig talt: søgsmål om åbenlyse fejl på Østergade og Åboulevarden er få."])
            {
                Bullets = ["Flere henvendelser om hjemmehjælp og plejeboliger", "Færre klager over sagsbehandlingstid i Børn og Unge", "En ny egen drift-undersøgelse om tvangsfjernelser blev afsluttet i løbet af året med syv anbefalinger til forvaltningen"],
            },
            new(Complaints, [Filler, Filler]) { Images = [new ReportImage(bar, "Figur 1. Antal henvendelser pr. år, 2021–2025.")] },
            new(PerAdministration, ["Tabellen viser klagerne fordelt på forvaltning og afdeling."], ["Nr.", "Forvaltning", "Klager", "Udfald"], rows) { Level = 2 },
            new(OwnInitiative, [string.Concat(Enumerable.Repeat(Filler, 2))]) { Images = [new ReportImage(line, "Figur 2. Klager pr. 1.000 sager, fordelt på forvaltninger.")] },
        ])
        {
            Cover = true,
            CoverLines = ["2025", "Offentliggjort 12-03-2026"],
            TableOfContents = true,
        };
    }

    [Fact]
    public void The_annual_report_pdf_has_a_cover_a_contents_with_the_real_pages_and_numbered_pages()
    {
        var report = AnnualReport();
        var pdf = ReportRenderer.ToPdf(report);
        var pages = PdfPages(pdf);
        var total = pages.Count;
        Assert.True(total >= 6, $"expected at least six pages, got {total}");
        var all = string.Join("\f", pages);
        foreach (var s in report.Sections) Assert.Contains(s.Heading, all);
        Assert.Contains("æøå", "æøå"); // sanity of the test file's encoding
        Assert.Contains("Ærlig talt: søgsmål om åbenlyse fejl på Østergade og Åboulevarden", Flat(all));

        // Cover: title, subtitle, lines; no page number.
        Assert.Contains("Borgerrådgiverens beretning 2025", Flat(pages[0]));
        Assert.Contains("Offentliggjort 12-03-2026", pages[0]);
        Assert.DoesNotContain("Side ", pages[0]);
        // Every other page: "Side N af M".
        for (var i = 2; i <= total; i++) Assert.Contains($"Side {i} af {total}", pages[i - 1]);

        // Contents on page 2: each heading with the page where it starts.
        Assert.Contains("Indhold", pages[1]);
        var contentsLines = pages[1].Split('\n');
        foreach (var s in report.Sections)
        {
            var entry = contentsLines.Select(l => Regex.Match(l, $@"^\s*{Regex.Escape(s.Heading)}\s+(\d+)\s*$")).FirstOrDefault(m => m.Success);
            Assert.True(entry is not null, $"no contents entry for \"{s.Heading}\" in:\n{pages[1]}");
            var page = int.Parse(entry.Groups[1].Value);
            Assert.InRange(page, 3, total);
            Assert.Contains(s.Heading, pages[page - 1]);
            for (var p = 3; p < page; p++) Assert.DoesNotContain(s.Heading, pages[p - 1]);
        }

        // The 60-row table spans pages, with the header row on each of them.
        var tablePages = Enumerable.Range(1, total).Where(p => Regex.IsMatch(pages[p - 1], @"Række \d+\b")).ToList();
        Assert.True(tablePages.Count >= 2, "the table should span pages");
        foreach (var p in tablePages) Assert.Matches(@"Nr\.\s+Forvaltning\s+Klager\s+Udfald", pages[p - 1]);
        Assert.Contains("Række 1 ", all);
        Assert.Contains("Række 60", all);
        Assert.Contains("Figur 1. Antal henvendelser pr. år", all);
        Assert.Contains("Figur 2. Klager pr. 1.000 sager", all);
    }

    [Fact]
    public void A_heading_is_never_left_alone_at_the_bottom_of_a_pdf_page()
    {
        // Sections of growing length put the next heading at every position down the page.
        var sections = Enumerable.Range(1, 40).Select(i => new ReportSection($"Overskrift {i}",
            [$"Start{i} " + string.Concat(Enumerable.Repeat("tekst ", 12 * i % 170))]) { Level = i % 3 == 0 ? 2 : 1 }).ToList();
        var pages = PdfPages(ReportRenderer.ToPdf(new ReportDocument("Test", "Overskrifter", sections)));
        Assert.True(pages.Count > 5);
        for (var i = 1; i <= 40; i++)
        {
            var page = pages.FindIndex(p => Regex.IsMatch(p, $@"\bOverskrift {i}\b"));
            Assert.True(page >= 0, $"Overskrift {i} is missing");
            Assert.Contains($"Start{i} ", pages[page]);
        }
    }

    [Fact]
    public void A_long_contents_runs_over_pages_and_still_gives_the_right_pages()
    {
        var sections = Enumerable.Range(1, 90).Select(i => new ReportSection($"Kapitel {i}", [string.Concat(Enumerable.Repeat(Filler, i % 4 + 1))]) { Level = i % 2 == 0 ? 2 : 1 }).ToList();
        var pages = PdfPages(ReportRenderer.ToPdf(new ReportDocument("Lang beretning", "Mange kapitler", sections) { Cover = true, TableOfContents = true }));
        var contentsPages = pages.TakeWhile(p => !p.Contains("Kapitel 1\n", StringComparison.Ordinal) || p.Contains("Indhold", StringComparison.Ordinal)).Count();
        var entries = pages.Skip(1).Take(contentsPages - 1)
            .SelectMany(p => p.Split('\n'))
            .Select(l => Regex.Match(l, @"^\s*Kapitel (\d+)\s+(\d+)\s*$")).Where(m => m.Success)
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value));
        Assert.True(contentsPages >= 3, $"the contents should take two pages after the cover, took {contentsPages - 1}");
        Assert.Equal(90, entries.Count);
        foreach (var (chapter, page) in entries)
        {
            Assert.Matches($@"(?m)^\s*Kapitel {chapter}\s*$", pages[page - 1]);
            Assert.DoesNotMatch($@"(?m)^\s*Kapitel {chapter}\s*$", pages[page - 2]);
        }
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_text_area_not_even_a_table_row_taller_than_a_page()
    {
        var huge = "Begyndelsen " + string.Concat(Enumerable.Repeat("meget lang celletekst om sagsforløbet ", 260)) + "Slutningen";
        var rows = new List<IReadOnlyList<string>> { new[] { "1", "Kort" }, new[] { "2", huge }, new[] { "3", "Efter den lange række" } };
        var report = new ReportDocument("Test", "Tabeller", [new("Tabel", [], ["Nr.", "Tekst"], rows), new("Uden ord", ["Et_ord_der_er_alt_for_langt_til_en_linje_" + new string('x', 200)])]);
        var pdf = ReportRenderer.ToPdf(report);
        var pages = PdfPages(pdf);
        Assert.True(pages.Count >= 3);
        var text = Flat(string.Join(" ", pages));
        Assert.Contains("Begyndelsen", text);
        Assert.Contains("Slutningen", text);
        Assert.Contains("Efter den lange række", text);
        foreach (var page in pages.Where(p => p.Contains("celletekst", StringComparison.Ordinal))) Assert.Matches(@"Nr\.\s+Tekst", page);
        AssertInsideTextArea(pdf);
        AssertInsideTextArea(ReportRenderer.ToPdf(AnnualReport()));
    }

    /// <summary>Every word (pdftotext -bbox) lies within the margins (60 pt), or in the footer line under the text.</summary>
    private static void AssertInsideTextArea(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-bbox", file, "-"]) { RedirectStandardOutput = true })!;
            var html = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var words = Regex.Matches(html, @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>");
            Assert.NotEmpty(words);
            foreach (Match w in words)
            {
                double V(int g) => double.Parse(w.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
                var (xMin, yMin, xMax, yMax) = (V(1), V(2), V(3), V(4));
                var footer = yMin >= 842 - 60 + 8 && yMax <= 842 - 20;
                Assert.True(xMin >= 59 && xMax <= 595 - 59 && yMin >= 0 && (yMax <= 842 - 60 + 1 || footer),
                    $"\"{w.Groups[5].Value}\" at ({xMin}, {yMin})–({xMax}, {yMax}) is outside the text area");
            }
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void The_annual_report_docx_has_heading_styles_a_toc_field_a_table_with_header_row_and_pictures()
    {
        var report = AnnualReport();
        var docx = ReportRenderer.ToDocx(report);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var main = word.MainDocumentPart!;
        var body = main.Document.Body!;

        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var paragraphs = body.Elements<Paragraph>().ToList();
        Assert.Equal([Foreword, Complaints, OwnInitiative], paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
        Assert.Equal([PerAdministration], paragraphs.Where(p => Style(p) == "Heading2").Select(p => p.InnerText));
        Assert.Equal("Borgerrådgiverens beretning 2025", paragraphs.Single(p => Style(p) == "Title").InnerText);
        Assert.Equal(3, paragraphs.Count(p => Style(p) == "ListBullet"));
        Assert.Contains(paragraphs, p => p.InnerText == "Offentliggjort 12-03-2026");

        // Styles Word recognises, with outline levels for the navigation pane and the TOC.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.NotNull(styles["ListBullet"].StyleParagraphProperties!.NumberingProperties);
        Assert.Contains("Title", styles.Keys);

        // A real TOC field, refreshed by Word on opening.
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o \"1-2\" \\h \\z \\u", StringComparison.Ordinal));
        Assert.Equal(2, body.Descendants<FieldChar>().Count(c => c.FieldCharType?.Value == FieldCharValues.Begin || c.FieldCharType?.Value == FieldCharValues.End));
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()?.Val?.Value);
        // The cover is a page of its own; the page number is in the footer but not on the cover.
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.PageBreakBefore is not null);
        var section = body.GetFirstChild<SectionProperties>()!;
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var defaultFooter = (FooterPart)main.GetPartById(section.Elements<FooterReference>().Single(f => f.Type?.Value == HeaderFooterValues.Default).Id!.Value!);
        Assert.Contains(defaultFooter.Footer!.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");

        // The table: a header row marked as such, then the 60 rows.
        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(61, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal("Nr.ForvaltningKlagerUdfald", rows[0].InnerText);
        Assert.StartsWith("Række 60", rows[^1].InnerText, StringComparison.Ordinal);

        // Two inline pictures, each a blip pointing at a PNG image part, at most the text width, followed by its caption.
        var drawings = body.Descendants<Drawing>().ToList();
        Assert.Equal(2, drawings.Count);
        foreach (var drawing in drawings)
        {
            var embed = drawing.Descendants<A.Blip>().Single().Embed!.Value!;
            var image = Assert.IsType<ImagePart>(main.GetPartById(embed), exactMatch: false);
            Assert.Equal("image/png", image.ContentType);
            var extent = drawing.Inline!.Extent!;
            Assert.Equal((11906 - 2 * 1134) * 635L, extent.Cx!.Value);
            Assert.Equal(extent.Cx.Value * 640 / 1200, extent.Cy!.Value);
            var caption = drawing.Ancestors<Paragraph>().Single().NextSibling<Paragraph>()!;
            Assert.Equal("Caption", Style(caption));
            Assert.StartsWith("Figur ", caption.InnerText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_plain_report_renders_as_before_without_cover_or_contents()
    {
        var report = new ReportDocument("FOKUS 2033", "Borgerrådgiverens tværgående rapport",
            [new("Sammenligning pr. afsnit", [], ["Forvaltning", "A", "Samlet"], [["BUF", "3", "4"]])]);
        var pages = PdfPages(ReportRenderer.ToPdf(report));
        Assert.Single(pages);
        Assert.Contains("FOKUS 2033", pages[0]);
        Assert.Contains("Side 1 af 1", pages[0]);
        Assert.DoesNotContain("Indhold", pages[0]);

        using var word = WordprocessingDocument.Open(new MemoryStream(ReportRenderer.ToDocx(report)), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Descendants<FieldCode>());
        Assert.Null(word.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>());
        Assert.Null(body.GetFirstChild<SectionProperties>()!.GetFirstChild<TitlePage>());
        Assert.StartsWith("BUF3", Assert.Single(body.Elements<Table>()).Elements<TableRow>().Last().InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_png_images_of_the_report_size()
    {
        var bar = ReportCharts.BarChartPng("Klager", ["Børn og Unge", "Sundhed og Omsorg"], [12, 7.5], "Antal");
        var line = ReportCharts.LineChartPng("Udvikling", ["2024", "2025"], [("Én", [1, 2])], "Antal");
        foreach (var png in new[] { bar, line })
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.Equal((ReportCharts.Width, ReportCharts.Height), Png.Size(png));
        }
        Assert.Throws<ArgumentException>(() => ReportCharts.BarChartPng("x", ["a"], [1, 2], "y"));
    }

    /// <summary>The text of each page, by pdftotext -layout -f N -l N.</summary>
    internal static List<string> PdfPages(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            var count = Run(file, []).Split('\f').Length - 1; // pdftotext ends every page with a form feed
            return [.. Enumerable.Range(1, count).Select(n => Run(file, ["-f", n.ToString(), "-l", n.ToString()]).TrimEnd('\f'))];
        }
        finally { File.Delete(file); }

        static string Run(string file, string[] range)
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", .. range, file, "-"]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            return text;
        }
    }

    /// <summary>Text with line breaks and runs of spaces made single spaces, for phrases that may wrap.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");
}
