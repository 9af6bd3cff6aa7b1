using System.Globalization;
using Tilsyn.Extracts;

namespace Tilsyn.Web.Extracts;

/// <summary>
/// The command-line import: <c>import-extract FILE --source NAME --from yyyy-MM-dd --to yyyy-MM-dd
/// [--policy reject|quarantine] [--columns "Opened=Oprettet;CaseId=Id"]</c>. Prints progress and the report;
/// exit code 0 when imported, 1 when not, 2 on wrong arguments.
/// </summary>
public static class ExtractCommand
{
    public const string Name = "import-extract";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        string? Option(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var file = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        var source = Option("--source");
        if (file is null || source is null
            || !DateOnly.TryParseExact(Option("--from") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(Option("--to") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            await output.WriteLineAsync($"Brug: {Name} FIL --source NAVN --from åååå-MM-dd --to åååå-MM-dd [--policy reject|quarantine] [--columns \"Opened=Oprettet;CaseId=Id\"]");
            return 2;
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"Filen {file} findes ikke.");
            return 2;
        }
        var policy = (Option("--policy") ?? "reject").StartsWith("q", StringComparison.OrdinalIgnoreCase) ? ErrorPolicy.QuarantineBadRows : ErrorPolicy.RejectFile;
        var (map, mapErrors) = ColumnMap.Parse((Option("--columns") ?? "").Replace(';', '\n'));
        if (map is null)
        {
            foreach (var e in mapErrors) await output.WriteLineAsync(e);
            return 2;
        }

        await DatabaseSetup.MigrateAsync(services);
        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<ExtractImporter>();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var last = -1;
        var progress = new SyncProgress(p =>
        {
            var pct = (int)(p * 100);
            if (pct / 5 != last / 5) { last = pct; output.Write($"\r{pct,3} % læst"); }
        });
        var report = await importer.ImportAsync(stream, new ImportRequest(source, from, to, policy, map, Path.GetFileName(file), Environment.UserName, Option("--columns")?.Replace(';', '\n')), progress, CancellationToken.None);
        await output.WriteLineAsync();
        await output.WriteLineAsync(report.Message);
        foreach (var (kind, count) in report.ErrorsByKind) await output.WriteLineAsync($"  {kind}: {count}");
        foreach (var e in report.FirstErrors.Take(20)) await output.WriteLineAsync($"  {e}");
        return report.Imported ? 0 : 1;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
