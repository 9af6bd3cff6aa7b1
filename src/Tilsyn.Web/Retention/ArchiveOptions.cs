namespace Tilsyn.Web.Retention;

/// <summary>Settings of the archive export (section <c>Archive</c>).</summary>
public sealed class ArchiveOptions
{
    /// <summary>
    /// Where packages are written, one folder per delivery (<c>Archive:Folder</c>); default
    /// <c>./data/archive</c>, beside the SQLite file and the data-protection keys. The packages hold
    /// personal data in clear (the archive needs it): give only the service account and the archive's
    /// pick-up access.
    /// </summary>
    public string Folder { get; set; } = DefaultFolder;

    public static string DefaultFolder => Path.Combine(Environment.CurrentDirectory, "data", "archive");
}
