using PdfSharp.Fonts;

namespace Tilsyn.Web.Reports;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: this serves DejaVu Sans (regular and bold) from the
/// Debian package <c>fonts-dejavu-core</c>, or from <c>TILSYN_FONT_DIR</c>.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool registered;
    private readonly string folder;

    public DejaVuFontResolver(string? folder = null) =>
        this.folder = folder ?? Environment.GetEnvironmentVariable("TILSYN_FONT_DIR") ?? "/usr/share/fonts/truetype/dejavu";

    /// <summary>PDFsharp allows one global resolver per process; set it once, whoever comes first.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered) return;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver();
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(folder, faceName + ".ttf");
        if (!File.Exists(path))
            throw new FileNotFoundException($"Skrifttypen {path} mangler. Installér Debian-pakken fonts-dejavu-core (eller sæt TILSYN_FONT_DIR).", path);
        return File.ReadAllBytes(path);
    }
}
