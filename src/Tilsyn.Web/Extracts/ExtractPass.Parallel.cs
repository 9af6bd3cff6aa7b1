using System.Threading.Channels;
using nietras.SeparatedValues;
using Tilsyn.Extracts;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Extracts;

public sealed partial class ExtractPass
{
    private const int BatchRows = 4096;

    /// <summary>A block of rows copied out of Sep's buffer: the mapped fields of each row and its line number.</summary>
    private sealed class RowBatch(int columns)
    {
        public readonly string?[] Values = new string?[BatchRows * columns];
        public readonly long[] Lines = new long[BatchRows];
        public int Count;
    }

    /// <summary>
    /// When no row-by-row callback is needed, the reader copies rows into batches and two workers
    /// validate and fold them into cubes of their own, merged at the end. The channel is bounded, so
    /// memory stays bounded; the first errors are merged by line so the report reads as before.
    /// </summary>
    private static async Task RunParallelAsync(ExtractPass pass, SepReader reader, (int Col, int At)[] mapped, int columnCount,
        OrganisationLookup org, DateOnly from, DateOnly to, Func<int, string, int?> deadlineDays, CountingStream counting, long length, IProgress<double>? progress)
    {
        var workers = int.TryParse(Environment.GetEnvironmentVariable("TILSYN_EXTRACT_WORKERS"), out var w) && w > 0 ? w : Math.Min(2, Environment.ProcessorCount);
        var work = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var free = new System.Collections.Concurrent.ConcurrentBag<RowBatch>();
        var parts = Enumerable.Range(0, workers).Select(_ => new ExtractPass()).ToArray();

        var tasks = parts.Select(part => Task.Run(async () =>
        {
            var errors = new List<RowError>();
            var firstWithLines = new List<RowError>();
            await foreach (var batch in work.Reader.ReadAllAsync())
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    var offset = r * columnCount;
                    errors.Clear();
                    var parsed = ExtractRowValidator.Validate(batch.Lines[r], c => batch.Values[offset + (int)c], org, from, to, errors);
                    if (parsed is { } ok)
                    {
                        part.Valid++;
                        part.Cube.Add(ok, deadlineDays(ok.AdministrationId, ok.CaseType));
                    }
                    else
                    {
                        part.Invalid++;
                        foreach (var e in errors)
                        {
                            part.ErrorsByKind[e.Kind] = part.ErrorsByKind.GetValueOrDefault(e.Kind) + 1;
                            if (firstWithLines.Count < ImportReport.ShownErrors) firstWithLines.Add(e);
                        }
                    }
                }
                free.Add(batch);
            }
            part.firstErrors = firstWithLines;
        })).ToArray();

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        RowBatch Next() => free.TryTake(out var b) ? b : new RowBatch(columnCount);
        var current = Next();
        current.Count = 0;
        try
        {
            foreach (var row in reader)
            {
                pass.Read++;
                var offset = current.Count * columnCount;
                foreach (var (col, at) in mapped)
                {
                    if (at >= row.ColCount) { current.Values[offset + col] = null; continue; }
                    var span = row[at].Span;
                    string text;
                    if (col is (int)ExtractColumn.CaseId or (int)ExtractColumn.Opened or (int)ExtractColumn.Decided or (int)ExtractColumn.Closed)
                        text = span.ToString();
                    else if (!lookup.TryGetValue(span, out text!))
                    {
                        text = span.ToString();
                        if (names.Count < 100_000) names[text] = text;
                    }
                    current.Values[offset + col] = text;
                }
                current.Lines[current.Count++] = row.LineNumberFrom;
                if (current.Count == BatchRows)
                {
                    await work.Writer.WriteAsync(current);
                    current = Next();
                    current.Count = 0;
                    if (length > 0) progress?.Report((double)counting.BytesRead / length);
                }
            }
            if (current.Count > 0) await work.Writer.WriteAsync(current);
        }
        finally
        {
            work.Writer.Complete();
            await Task.WhenAll(tasks);
        }

        foreach (var part in parts)
        {
            pass.Valid += part.Valid;
            pass.Invalid += part.Invalid;
            pass.Cube.Merge(part.Cube);
            foreach (var (k, v) in part.ErrorsByKind) pass.ErrorsByKind[k] = pass.ErrorsByKind.GetValueOrDefault(k) + v;
        }
        pass.FirstErrors.AddRange(parts.SelectMany(p => p.firstErrors).OrderBy(e => e.Line).Take(ImportReport.ShownErrors).Select(e => e.ToString()));
    }

    private List<RowError> firstErrors = [];
}
