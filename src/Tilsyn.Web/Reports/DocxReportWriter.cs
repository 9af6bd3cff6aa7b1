using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Tilsyn.Web.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as a Word document (Open XML). Styles carry Word's built-in
/// names (Title, heading 1, heading 2 with outline levels, List Bullet, caption, toc 1/2), so Word's
/// navigation pane and its own table of contents work; the contents is a real TOC field that Word
/// updates when the document is opened (w:updateFields). A4, "Side N af M" in the footer (not on the cover).
/// </summary>
internal static class DocxReportWriter
{
    // A4 with 2 cm margins, in twentieths of a point; 1 twip = 635 EMU.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134;
    private const long TextWidthEmu = (PageWidth - 2 * Margin) * 635L;
    private const long MaxImageHeightEmu = (PageHeight - 2 * Margin - 2000) * 635L;
    private const int BulletNumberingId = 1;

    public static byte[] Render(ReportDocument report)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = BulletNumbering();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings();
            if (report.TableOfContents) settings.Settings.Append(new UpdateFieldsOnOpen { Val = true });
            settings.Settings.Append(new Compatibility(new CompatibilitySetting
            { Name = CompatSettingNameValues.CompatibilityMode, Val = "15", Uri = "http://schemas.microsoft.com/office/word" }));

            var writer = new BodyWriter(main);
            writer.Write(report);
            main.Document = new Document(writer.Body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private sealed class BodyWriter(MainDocumentPart main)
    {
        public Body Body { get; } = new();
        private bool pageBreakBeforeNext;
        private uint drawingId;

        public void Write(ReportDocument report)
        {
            if (report.Cover)
            {
                Body.Append(Paragraph(report.Title, "Title", spacingBefore: 4800));
                Body.Append(Paragraph(report.Subtitle, "Subtitle"));
                foreach (var line in report.CoverLines) Body.Append(Paragraph(line));
                pageBreakBeforeNext = true;
            }
            else
            {
                Body.Append(Paragraph(report.Title, "Title"));
                Body.Append(Paragraph(report.Subtitle, "Subtitle"));
            }

            if (report.TableOfContents)
            {
                Body.Append(Paragraph("Indhold", "TOCHeading"));
                Body.Append(TocField());
                pageBreakBeforeNext = true;
            }

            foreach (var s in report.Sections)
            {
                Body.Append(Paragraph(s.Heading, s.HeadingLevel == 1 ? "Heading1" : "Heading2"));
                foreach (var p in s.Paragraphs) Body.Append(Paragraph(p));
                foreach (var b in s.Bullets) Body.Append(Paragraph(b, "ListBullet"));
                foreach (var image in s.Images)
                {
                    Body.Append(Image(image));
                    Body.Append(Paragraph(image.Caption, "Caption"));
                }
                if (s.HasTable)
                {
                    Body.Append(Table(s.TableHeader!, s.TableRows!));
                    Body.Append(Paragraph(""));
                }
            }
            Body.Append(SectionProperties(report.Cover));
        }

        private Paragraph Paragraph(string text, string? style = null, int? spacingBefore = null)
        {
            var p = new Paragraph();
            var properties = new ParagraphProperties();
            if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
            if (pageBreakBeforeNext) properties.Append(new PageBreakBefore());
            if (spacingBefore is { } before) properties.Append(new SpacingBetweenLines { Before = before.ToString() });
            pageBreakBeforeNext = false;
            if (properties.HasChildren) p.Append(properties);
            AppendText(p, text);
            return p;
        }

        /// <summary>Text as runs; line breaks in it become w:br.</summary>
        private static void AppendText(OpenXmlCompositeElement parent, string text, bool bold = false)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var run = new Run();
            if (bold) run.Append(new RunProperties(new Bold()));
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) run.Append(new Break());
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            parent.Append(run);
        }

        /// <summary>A complex TOC field for headings 1–2, with hyperlinks; its shown result is a placeholder until Word updates it.</summary>
        private static Paragraph TocField() => new(
            new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
            new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("Indholdsfortegnelsen dannes, når dokumentet åbnes i Word. Ellers: højreklik her og vælg \"Opdater felt\".")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

        /// <summary>The PNG as an inline picture, scaled to the text width (lower if very tall), aspect ratio kept.</summary>
        private Paragraph Image(ReportImage image)
        {
            var part = main.AddImagePart(ImagePartType.Png);
            using (var data = new MemoryStream(image.Png, writable: false)) part.FeedData(data);
            var relationshipId = main.GetIdOfPart(part);
            var (pw, ph) = Png.Size(image.Png);
            var cx = TextWidthEmu;
            var cy = cx * ph / pw;
            if (cy > MaxImageHeightEmu)
            {
                cy = MaxImageHeightEmu;
                cx = cy * pw / ph;
            }
            var id = ++drawingId;
            var inline = new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.DocProperties { Id = id, Name = $"Figur {id}", Description = image.Caption },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = id, Name = $"figur{id}.png" },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };

            // Kept with its caption; element order as the schema wants it (keepNext, pageBreakBefore, jc).
            var properties = new ParagraphProperties(new KeepNext());
            if (pageBreakBeforeNext) properties.Append(new PageBreakBefore());
            pageBreakBeforeNext = false;
            properties.Append(new Justification { Val = JustificationValues.Center });
            return new Paragraph(properties, new Run(new Drawing(inline)));
        }

        /// <summary>A Word table across the text width; the header row repeats on every page (w:tblHeader).</summary>
        private static Table Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var columns = header.Count;
            var columnWidth = (PageWidth - 2 * Margin) / columns;
            BorderType Line<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4, Color = "999999" };
            var table = new Table(
                new TableProperties(
                    new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                    new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                        Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())),
                new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = columnWidth.ToString() })));
            table.Append(Row(header, columns, isHeader: true));
            foreach (var r in rows) table.Append(Row(r, columns, isHeader: false));
            return table;

            static TableRow Row(IReadOnlyList<string> cells, int columns, bool isHeader)
            {
                var row = new TableRow();
                if (isHeader) row.Append(new TableRowProperties(new TableHeader()));
                for (var c = 0; c < columns; c++)
                {
                    var cell = new TableCell();
                    if (isHeader) cell.Append(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E6EDF2" }));
                    var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }));
                    AppendText(p, c < cells.Count ? cells[c] ?? "" : "", bold: isHeader);
                    cell.Append(p);
                    row.Append(cell);
                }
                return row;
            }
        }

        /// <summary>A4, the footer with page numbers; with a cover, the first page gets an empty footer.</summary>
        private SectionProperties SectionProperties(bool cover)
        {
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Right }),
                new Run(new Text("Side ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                new Run(new Text(" af ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));
            var section = new SectionProperties(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            if (cover)
            {
                var first = main.AddNewPart<FooterPart>();
                first.Footer = new Footer(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" })));
                section.Append(new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) });
            }
            section.Append(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 });
            if (cover) section.Append(new TitlePage());
            return section;
        }
    }

    private static Numbering BulletNumbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });

    /// <summary>Paragraph styles with Word's built-in names, so Word treats them as its own.</summary>
    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = Tilsyn.Calendar.DanishTime.Culture.Name })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(
            Paragraph("Normal", "Normal", isDefault: true),
            Paragraph("Title", "Title", runProperties: [new Bold(), new Color { Val = "00436E" }, new FontSize { Val = "48" }],
                paragraphProperties: [new SpacingBetweenLines { After = "240" }]),
            Paragraph("Subtitle", "Subtitle", runProperties: [new Color { Val = "404040" }, new FontSize { Val = "28" }],
                paragraphProperties: [new SpacingBetweenLines { After = "240" }]),
            Paragraph("Heading1", "heading 1", next: "Normal", runProperties: [new Bold(), new Color { Val = "00436E" }, new FontSize { Val = "32" }],
                paragraphProperties: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }]),
            Paragraph("Heading2", "heading 2", next: "Normal", runProperties: [new Bold(), new FontSize { Val = "26" }],
                paragraphProperties: [new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }]),
            Paragraph("ListBullet", "List Bullet",
                paragraphProperties: [new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId }),
                    new SpacingBetweenLines { After = "60" }, new Indentation { Left = "720", Hanging = "360" }]),
            Paragraph("Caption", "caption", runProperties: [new Color { Val = "595959" }, new FontSize { Val = "18" }],
                paragraphProperties: [new SpacingBetweenLines { After = "240" }]),
            Paragraph("TOCHeading", "TOC Heading", basedOn: "Heading1", next: "Normal",
                paragraphProperties: [new OutlineLevel { Val = 9 }]),
            Paragraph("TOC1", "toc 1", next: "Normal", paragraphProperties: [new SpacingBetweenLines { After = "100" }]),
            Paragraph("TOC2", "toc 2", next: "Normal", paragraphProperties: [new SpacingBetweenLines { After = "100" }, new Indentation { Left = "220" }]),
            Paragraph("Footer", "footer", runProperties: [new Color { Val = "808080" }, new FontSize { Val = "16" }],
                paragraphProperties: [new SpacingBetweenLines { After = "0" }]));
        return styles;

        // Children must keep the schema's order: w:pPr (keepNext, keepLines, numPr, spacing, ind, outlineLvl), w:rPr (b, color, sz).
        static Style Paragraph(string id, string name, bool isDefault = false, string? basedOn = "Normal", string? next = null,
            OpenXmlElement[]? paragraphProperties = null, OpenXmlElement[]? runProperties = null)
        {
            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (isDefault) style.Default = true;
            if (!isDefault && basedOn is not null) style.Append(new BasedOn { Val = basedOn });
            if (next is not null) style.Append(new NextParagraphStyle { Val = next });
            style.Append(new PrimaryStyle());
            if (paragraphProperties is { Length: > 0 }) style.Append(new StyleParagraphProperties(paragraphProperties));
            if (runProperties is { Length: > 0 }) style.Append(new StyleRunProperties(runProperties));
            return style;
        }
    }
}
