using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>The application with a private archive folder and a file writer a test can make fail or corrupt.</summary>
public sealed class ArchiveApp : TilsynApp
{
    public string ArchiveFolder { get; } = Path.Combine(Path.GetTempPath(), "tilsyn-archive-tests", Guid.NewGuid().ToString("N"));

    public TestArchiveWriter Writer { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Archive:Folder"] = ArchiveFolder };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IArchiveFileWriter>();
            services.AddSingleton<IArchiveFileWriter>(Writer);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ArchiveFolder)) Directory.Delete(ArchiveFolder, recursive: true);
    }
}

/// <summary>Writes as the real writer does, unless told to fail after some files or to corrupt what it writes.</summary>
public sealed class TestArchiveWriter : IArchiveFileWriter
{
    private readonly ArchiveFileWriter real = new();
    private int written;

    /// <summary>Throw an IOException when this many files have been written (null: never).</summary>
    public int? FailAfter { get; set; }

    /// <summary>Write every PDF with one byte changed, as a failing disk might.</summary>
    public bool CorruptPdfs { get; set; }

    public void Reset() { FailAfter = null; CorruptPdfs = false; written = 0; }

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        if (FailAfter is { } n && written >= n) throw new IOException("Disk full (test)");
        written++;
        if (CorruptPdfs && path.EndsWith(".pdf", StringComparison.Ordinal))
        {
            var copy = content.ToArray();
            copy[copy.Length / 2] ^= 0x01;
            content = copy;
        }
        await real.WriteAsync(path, content, ct);
    }
}
