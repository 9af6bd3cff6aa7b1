namespace Tilsyn.Web.Reports;

/// <summary>
/// One heading with its content, drawn in this order: paragraphs, bullets, images (each with its caption), table.
/// </summary>
/// <param name="Heading">The section's heading; it goes into the table of contents and the PDF bookmarks.</param>
/// <param name="Paragraphs">Plain paragraphs, word-wrapped.</param>
/// <param name="TableHeader">The table's header row; a table is drawn only when both header and rows are given.</param>
/// <param name="TableRows">The table's rows; cells beyond the header's columns are ignored, missing cells are empty.</param>
public sealed record ReportSection(
    string Heading, IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string>? TableHeader = null, IReadOnlyList<IReadOnlyList<string>>? TableRows = null)
{
    /// <summary>1 = chapter, 2 = sub-section. Other values are clamped to 1..2.</summary>
    public int Level { get; init; } = 1;

    /// <summary>Bullet points after the paragraphs.</summary>
    public IReadOnlyList<string> Bullets { get; init; } = [];

    /// <summary>Images (PNG) after the bullets, scaled to the text width, each with a caption underneath.</summary>
    public IReadOnlyList<ReportImage> Images { get; init; } = [];

    internal int HeadingLevel => Math.Clamp(Level, 1, 2);

    internal bool HasTable => TableHeader is { Count: > 0 } && TableRows is not null;

    internal bool HasContent => Paragraphs.Count > 0 || Bullets.Count > 0 || Images.Count > 0 || HasTable;
}

/// <summary>A PNG image with the caption shown underneath it.</summary>
public sealed record ReportImage(byte[] Png, string Caption);

/// <summary>
/// A report: a title and subtitle, then sections. For a longer report (the annual report) a cover page
/// and a table of contents can be switched on.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Put title, subtitle and <see cref="CoverLines"/> on a page of their own, without page number.</summary>
    public bool Cover { get; init; }

    /// <summary>Extra lines on the cover page, e.g. the year and "Offentliggjort 12-03-2026".</summary>
    public IReadOnlyList<string> CoverLines { get; init; } = [];

    /// <summary>Add a table of contents ("Indhold") listing level-1 and level-2 headings.</summary>
    public bool TableOfContents { get; init; }
}

/// <summary>Pixel size of a PNG, read from its IHDR chunk.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new ArgumentException("The image is not a PNG.", nameof(png));
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        if (width <= 0 || height <= 0) throw new ArgumentException("The PNG has no size.", nameof(png));
        return (width, height);
    }
}
