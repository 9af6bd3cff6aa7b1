using System.Text;
using System.Threading.Channels;
using nietras.SeparatedValues;
using Tilsyn.Extracts;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Extracts;

/// <summary>
/// The one streaming pass over an extract file: validate each row and fold the valid ones into the
/// KPI cube. Used by the import and by the benchmark, so the benchmark measures exactly what the
/// product does.
/// <para>
/// The file is cut into blocks of whole rows (<see cref="RowBlocks"/>) and each worker parses its
/// blocks with its own Sep reader and folds them with its own <see cref="ExtractFolder"/>; the parts
/// are summed at the end. With a row-by-row callback (the quarantine, which must see the bad rows in
/// order) there is one worker. Memory: the cube's cells, a few blocks of the file, and at most 100
/// error texts.
/// </para>
/// </summary>
public sealed class ExtractPass
{
    public KpiCube Cube { get; } = new();
    public long Read { get; private set; }
    public long Valid { get; private set; }
    public long Invalid { get; private set; }
    public Dictionary<RowErrorKind, long> ErrorsByKind { get; } = [];
    public List<string> FirstErrors { get; } = [];
    public IReadOnlyList<string> HeaderErrors { get; private set; } = [];
    /// <summary>The character set the file was read in (Undecided: it was all ASCII).</summary>
    public ExtractCharset Charset { get; private set; }

    /// <summary>Workers: <c>TILSYN_EXTRACT_WORKERS</c> if set, else one per core up to four.</summary>
    private static int WorkerCount() =>
        int.TryParse(Environment.GetEnvironmentVariable("TILSYN_EXTRACT_WORKERS"), out var w) && w > 0 ? w : Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <param name="onInvalid">Called for each bad row, in order (then one worker reads the file).</param>
    /// <param name="cases">Where the valid rows are kept for audits, if they are.</param>
    /// <param name="workers">How many workers (default: <see cref="WorkerCount"/>).</param>
    /// <param name="blockSize">Bytes per block (tests use tiny blocks to cut the file in many places).</param>
    public static async Task<ExtractPass> RunAsync(Stream file, ColumnMap columns, OrganisationLookup org, DateOnly from, DateOnly to,
        Func<int, string, int?> deadlineDays, Func<long, IReadOnlyList<RowError>, ValueTask>? onInvalid, IProgress<double>? progress,
        ExtractCaseWriter? cases = null, int? workers = null, int blockSize = RowBlocks.DefaultBlockSize)
    {
        var pass = new ExtractPass();
        var length = file.CanSeek ? file.Length - file.Position : 0;
        var start = file.CanSeek ? file.Position : 0;
        var blocks = new RowBlocks(Utf8(file), blockSize);

        // The header: its own block, read by Sep (which finds the separator and skips a BOM).
        var headerBlock = await blocks.NextAsync(oneRow: true);
        pass.Charset = blocks.Charset;
        Sep separator;
        Positions at;
        try
        {
            using var header = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true })
                .From(headerBlock is null ? new MemoryStream() : new MemoryStream(headerBlock.Buffer, 0, headerBlock.Length, writable: false));
            var (index, headerErrors) = columns.Resolve(header.Header.ColNames.ToList());
            if (headerErrors.Count > 0)
            {
                pass.HeaderErrors = headerErrors;
                return pass;
            }
            separator = header.Spec.Sep;
            at = new Positions(index);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            pass.HeaderErrors = [$"Filen kan ikke læses som CSV: {ex.Message}"];
            return pass;
        }

        workers = onInvalid is null ? workers ?? WorkerCount() : 1;
        var channel = Channel.CreateBounded<RowBlock>(new BoundedChannelOptions(workers.Value * 2) { SingleWriter = true, SingleReader = workers == 1 });
        using var failed = new CancellationTokenSource();
        var parts = Enumerable.Range(0, workers.Value).Select(_ => new Worker(at, separator, new ExtractFolder(org, from, to, deadlineDays), org, from, to,
            cases?.NewBuilder(), onInvalid)).ToArray();
        // Each worker is a thread of its own that reads its blocks as one stream (one Sep reader, no set-up per block).
        var tasks = parts.Select(part => Task.Factory.StartNew(() =>
        {
            try
            {
                part.Run(new BlockStream(channel.Reader, blocks, failed.Token), failed.Token);
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested) { } // another worker failed; its error is the one thrown
            catch
            {
                failed.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Exception? readError = null;
        try
        {
            while (await blocks.NextAsync(ct: failed.Token) is { } block)
            {
                await channel.Writer.WriteAsync(block, failed.Token);
                if (length > 0) progress?.Report((double)(file.Position - start) / length);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested) { }
        catch (Exception ex)
        {
            // The file could not be read to its end: stop the workers (they must not take what was read for the whole file).
            readError = ex;
            await failed.CancelAsync();
        }
        finally
        {
            channel.Writer.TryComplete();
        }
        // The workers are always awaited, so nothing of the pass runs after it has ended.
        try
        {
            await Task.WhenAll(tasks);
        }
        catch when (readError is not null) { }
        if (readError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readError);

        var first = new List<RowError>();
        foreach (var part in parts)
        {
            pass.Read += part.Rows;
            pass.Valid += part.Valid;
            pass.Invalid += part.Invalid;
            if (part != parts[0]) parts[0].Folder.Merge(part.Folder);
            foreach (var (k, v) in part.ErrorsByKind) pass.ErrorsByKind[k] = pass.ErrorsByKind.GetValueOrDefault(k) + v;
            first.AddRange(part.FirstErrors);
        }
        parts[0].Folder.AddTo(pass.Cube);
        pass.Charset = blocks.Charset;
        pass.FirstErrors.AddRange(first.OrderBy(e => e.Line).Take(ImportReport.ShownErrors).Select(e => e.ToString()));
        return pass;
    }

    /// <summary>
    /// The blocks are cut on bytes, so the text must be UTF-8: a UTF-16 or UTF-32 file (known by its BOM)
    /// is converted as it is read. Only a seekable stream is looked at (the import always has a file).
    /// </summary>
    private static Stream Utf8(Stream file)
    {
        if (!file.CanSeek) return file;
        Span<byte> bom = stackalloc byte[4];
        var start = file.Position;
        var n = file.ReadAtLeast(bom, 4, throwOnEndOfStream: false);
        file.Position = start;
        Encoding? encoding = bom[..n] switch
        {
            [0xFF, 0xFE, 0x00, 0x00] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            [0x00, 0x00, 0xFE, 0xFF] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        return encoding is null ? file : Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Where each column is in a row (-1: not in the file), and the last position a row must reach for the fast path.</summary>
    private sealed class Positions
    {
        public readonly int[] Of = new int[Enum.GetValues<ExtractColumn>().Length];
        public readonly int Last;

        public Positions(Dictionary<ExtractColumn, int> index)
        {
            Array.Fill(Of, -1);
            foreach (var (col, pos) in index) Of[(int)col] = pos;
            Last = index.Count == 0 ? 0 : index.Values.Max();
        }
    }

    /// <summary>One worker: parses its blocks and folds the rows; counts and the first errors of its own.</summary>
    private sealed class Worker(Positions at, Sep separator, ExtractFolder folder, OrganisationLookup org, DateOnly from, DateOnly to, CaseChunkBuilder? kept,
        Func<long, IReadOnlyList<RowError>, ValueTask>? onInvalid)
    {
        public ExtractFolder Folder => folder;
        public long Rows, Valid, Invalid;
        public readonly Dictionary<RowErrorKind, long> ErrorsByKind = [];
        public readonly List<RowError> FirstErrors = [];
        private readonly List<RowError> errors = [];
        private readonly string?[] values = new string?[at.Of.Length];

        // The worker runs on a thread of its own, so the few waits for the database (kept cases, quarantined rows) block it.
        public void Run(BlockStream blocks, CancellationToken stop)
        {
            using var reader = separator.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(blocks);
            long lineInStream = 1;
            foreach (var row in reader)
            {
                stop.ThrowIfCancellationRequested(); // another worker or the reader failed
                var line = blocks.FileLine(lineInStream);
                lineInStream = row.LineNumberToExcl; // Sep's LineNumberFrom is off for a reader's first row; where the previous row ended is not
                Rows++;
                if (row.ColCount > at.Last)
                {
                    var spans = new RowSpans
                    {
                        CaseId = Span(row, ExtractColumn.CaseId), Administration = Span(row, ExtractColumn.Administration), Unit = Span(row, ExtractColumn.Unit),
                        Kle = Span(row, ExtractColumn.Kle), CaseType = Span(row, ExtractColumn.CaseType),
                        Opened = Span(row, ExtractColumn.Opened), Decided = Span(row, ExtractColumn.Decided), Closed = Span(row, ExtractColumn.Closed),
                    };
                    if (folder.TryFold(spans, out var ok))
                    {
                        Valid++;
                        if (kept is not null) Keep(spans.CaseId.Trim().ToString(), ok);
                        continue;
                    }
                }
                Validate(row, line);
            }
            kept?.FlushAsync().AsTask().GetAwaiter().GetResult();
        }

        private void Keep(string caseId, in ExtractRow row)
        {
            if (kept!.Add(caseId, row)) kept.FlushFullAsync().AsTask().GetAwaiter().GetResult();
        }

        private ReadOnlySpan<char> Span(SepReader.Row row, ExtractColumn column) => at.Of[(int)column] is >= 0 and var p ? row[p].Span : default;

        /// <summary>The slow path: the validator reads the row's text and names every error.</summary>
        private void Validate(SepReader.Row row, long line)
        {
            for (var c = 0; c < values.Length; c++)
                values[c] = at.Of[c] is >= 0 and var p && p < row.ColCount ? row[p].ToString() : null;
            errors.Clear();
            var parsed = ExtractRowValidator.Validate(line, new TextFields(field ??= Field), org, from, to, errors);
            if (parsed is { } ok)
            {
                Valid++;
                folder.Fold(ok);
                if (kept is not null) Keep(values[(int)ExtractColumn.CaseId]!.Trim(), ok);
                return;
            }
            Invalid++;
            foreach (var e in errors)
            {
                ErrorsByKind[e.Kind] = ErrorsByKind.GetValueOrDefault(e.Kind) + 1;
                if (FirstErrors.Count < ImportReport.ShownErrors) FirstErrors.Add(e);
            }
            onInvalid?.Invoke(line, errors.ToList()).AsTask().GetAwaiter().GetResult();
        }

        private Func<ExtractColumn, string?>? field;
        private string? Field(ExtractColumn column) => values[(int)column];
    }
}
