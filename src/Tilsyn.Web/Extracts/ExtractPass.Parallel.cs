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
        /// <summary>Opened, Decided, Closed per row, parsed by the reader straight from Sep's buffer.</summary>
        public readonly DateField[] Dates = new DateField[BatchRows * 3];
        public readonly bool[] HasCaseId = new bool[BatchRows];
        public readonly long[] Lines = new long[BatchRows];
        public int Count;
    }

    /// <summary>One row of a batch, seen by the validator without copying or boxing.</summary>
    private readonly struct BatchFields(RowBatch batch, int row, int columns) : IExtractFields
    {
        public string? Text(ExtractColumn column) => batch.Values[row * columns + (int)column];
        public DateField Date(ExtractColumn column) => column switch
        {
            ExtractColumn.Opened => batch.Dates[row * 3],
            ExtractColumn.Decided => batch.Dates[row * 3 + 1],
            ExtractColumn.Closed => batch.Dates[row * 3 + 2],
            _ => DateField.Absent,
        };
        public bool HasCaseId => batch.HasCaseId[row];
    }

    /// <summary>
    /// When no row-by-row callback is needed, the reader copies rows into batches and two workers
    /// validate and fold them into cubes of their own, merged at the end. The channel is bounded, so
    /// memory stays bounded; the first errors are merged by line so the report reads as before.
    /// </summary>
    private static async Task RunParallelAsync(ExtractPass pass, SepReader reader, (int Col, int At)[] mapped, Dictionary<ExtractColumn, int> index, int columnCount,
        OrganisationLookup org, DateOnly from, DateOnly to, Func<int, string, int?> deadlineDays, CountingStream counting, long length, IProgress<double>? progress, ExtractCaseWriter? cases)
    {
        var workers = int.TryParse(Environment.GetEnvironmentVariable("TILSYN_EXTRACT_WORKERS"), out var w) && w > 0 ? w : Math.Min(2, Environment.ProcessorCount);
        // One channel per worker, and rows routed by unit: each worker's cube then holds only its units' cells.
        var channels = Enumerable.Range(0, workers).Select(_ => Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(2) { SingleWriter = true, SingleReader = true })).ToArray();
        var free = new System.Collections.Concurrent.ConcurrentBag<RowBatch>();
        var parts = Enumerable.Range(0, workers).Select(_ => new ExtractPass()).ToArray();

        var tasks = parts.Select((part, index) => Task.Run(async () =>
        {
            var work = channels[index];
            var errors = new List<RowError>();
            var firstWithLines = new List<RowError>();
            var kept = cases?.NewBuilder();
            await foreach (var batch in work.Reader.ReadAllAsync())
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    errors.Clear();
                    var parsed = ExtractRowValidator.Validate(batch.Lines[r], new BatchFields(batch, r, columnCount), org, from, to, errors);
                    if (parsed is { } ok)
                    {
                        part.Valid++;
                        part.Cube.Add(ok, deadlineDays(ok.AdministrationId, ok.CaseType));
                        if (kept is not null) await kept.AddAsync(batch.Values[r * columnCount + (int)ExtractColumn.CaseId]!, ok);
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
            if (kept is not null) await kept.FlushAsync();
            part.firstErrors = firstWithLines;
        })).ToArray();

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        RowBatch Next()
        {
            var b = free.TryTake(out var reused) ? reused : new RowBatch(columnCount);
            b.Count = 0;
            return b;
        }
        var currents = Enumerable.Range(0, workers).Select(_ => Next()).ToArray();
        // Only the columns the validator reads are copied.
        mapped = mapped.Where(m => m.Col is not ((int)ExtractColumn.Status or (int)ExtractColumn.SourceSystem)).ToArray();
        try
        {
            // Each row is read into a one-row staging area, then copied to the batch of the worker that owns its unit.
            var stageValues = new string?[columnCount];
            var stageDates = new DateField[3];
            var unitCol = (int)ExtractColumn.Unit;
            var keepIds = cases is not null;
            foreach (var row in reader)
            {
                pass.Read++;
                stageDates[0] = stageDates[1] = stageDates[2] = DateField.Absent;
                var hasCaseId = false;
                foreach (var (col, at) in mapped)
                {
                    if (at >= row.ColCount) { stageValues[col] = null; continue; }
                    var span = row[at].Span;
                    if (col == (int)ExtractColumn.CaseId)
                    {
                        var id = span.Trim();
                        hasCaseId = !id.IsEmpty;
                        // The case ids are copied only when the cases are kept for audits (the benchmark's pass does not keep them).
                        stageValues[col] = keepIds && hasCaseId ? id.ToString() : null;
                        continue;
                    }
                    if (col is (int)ExtractColumn.Opened or (int)ExtractColumn.Decided or (int)ExtractColumn.Closed)
                    {
                        var t = span.Trim();
                        stageDates[col - (int)ExtractColumn.Opened] = t.IsEmpty ? DateField.Absent
                            : ExtractDates.TryParse(t, out var d) ? new DateField(d, null) : new DateField(null, t.ToString());
                        continue;
                    }
                    if (!lookup.TryGetValue(span, out var text))
                    {
                        text = span.ToString();
                        if (names.Count < 100_000) names[text] = text;
                    }
                    stageValues[col] = text;
                }
                // Names are interned, so the same unit is the same string object: route by its identity.
                var target = stageValues[unitCol] is { } unitName ? (int)((uint)System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(unitName) % (uint)workers) : 0;
                var current = currents[target];
                var n = current.Count;
                Array.Copy(stageValues, 0, current.Values, n * columnCount, columnCount);
                current.Dates[n * 3] = stageDates[0];
                current.Dates[n * 3 + 1] = stageDates[1];
                current.Dates[n * 3 + 2] = stageDates[2];
                current.HasCaseId[n] = hasCaseId;
                current.Lines[current.Count++] = row.LineNumberFrom;
                if (current.Count == BatchRows)
                {
                    await channels[target].Writer.WriteAsync(current);
                    currents[target] = Next();
                    if (length > 0) progress?.Report((double)counting.BytesRead / length);
                }
            }
            for (var i = 0; i < workers; i++)
                if (currents[i].Count > 0) await channels[i].Writer.WriteAsync(currents[i]);
        }
        finally
        {
            foreach (var c in channels) c.Writer.Complete();
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
