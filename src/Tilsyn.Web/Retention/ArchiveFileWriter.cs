namespace Tilsyn.Web.Retention;

/// <summary>Writes one file of an archive package (a seam: tests put a failing or corrupting writer here).</summary>
public interface IArchiveFileWriter
{
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct);
}

/// <summary>Writes the file and flushes it to the disk before the package is verified.</summary>
public sealed class ArchiveFileWriter : IArchiveFileWriter
{
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await file.WriteAsync(content, ct);
        file.Flush(flushToDisk: true);
    }
}
