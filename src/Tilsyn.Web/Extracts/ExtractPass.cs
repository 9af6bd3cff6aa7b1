using nietras.SeparatedValues;
using Tilsyn.Extracts;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Extracts;

/// <summary>
/// The one streaming pass over an extract file (Sep): validate each row and fold the valid ones
/// into the KPI cube. Used by the import and by the benchmark, so the benchmark measures exactly what
/// the product does. Memory: the cube's cells and at most 100 error texts.
/// </summary>
public sealed partial class ExtractPass
{
    private readonly record struct Parsed(long Line, ExtractRow? Row, List<RowError>? Errors);

    public KpiCube Cube { get; } = new();
    public long Read { get; private set; }
    public long Valid { get; private set; }
    public long Invalid { get; private set; }
    public Dictionary<RowErrorKind, long> ErrorsByKind { get; } = [];
    public List<string> FirstErrors { get; } = [];
    public IReadOnlyList<string> HeaderErrors { get; private set; } = [];

    public static async Task<ExtractPass> RunAsync(Stream file, ColumnMap columns, OrganisationLookup org, DateOnly from, DateOnly to,
        Func<int, string, int?> deadlineDays, Func<long, IReadOnlyList<RowError>, ValueTask>? onInvalid, IProgress<double>? progress,
        ExtractCaseWriter? cases = null)
    {
        var pass = new ExtractPass();
        var counting = new CountingStream(file);
        SepReader reader;
        try
        {
            reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(counting);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            pass.HeaderErrors = [$"Filen kan ikke læses som CSV: {ex.Message}"];
            return pass;
        }
        using var _ = reader;
        var (index, headerErrors) = columns.Resolve(reader.Header.ColNames.ToList());
        if (headerErrors.Count > 0)
        {
            pass.HeaderErrors = headerErrors;
            return pass;
        }
        var mapped = index.Select(kv => (Col: (int)kv.Key, At: kv.Value)).ToArray();
        var columnCount = Enum.GetValues<ExtractColumn>().Length;
        var length = file.CanSeek ? file.Length : 0;
        // Case systems repeat a few hundred distinct names millions of times: keep one string per name.
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = interned.GetAlternateLookup<ReadOnlySpan<char>>();

        if (onInvalid is null && Environment.ProcessorCount > 1)
        {
            await RunParallelAsync(pass, reader, mapped, index, columnCount, org, from, to, deadlineDays, counting, length, progress, cases);
            return pass;
        }
        // Row by row (the quarantine needs each bad row in order): one thread.
        var values = new string?[columnCount];
        var errors = new List<RowError>();
        Parsed Parse(SepReader.Row row)
        {
            foreach (var (col, at) in mapped)
            {
                if (at >= row.ColCount) { values[col] = null; continue; }
                var span = row[at].Span;
                if (col is (int)ExtractColumn.CaseId or (int)ExtractColumn.Opened or (int)ExtractColumn.Decided or (int)ExtractColumn.Closed)
                    values[col] = span.ToString();
                else if (names.TryGetValue(span, out var s)) values[col] = s;
                else
                {
                    var text = span.ToString();
                    if (interned.Count < 100_000) interned[text] = text;
                    values[col] = text;
                }
            }
            errors.Clear();
            var line = row.LineNumberFrom;
            var parsed = ExtractRowValidator.Validate(line, c => values[(int)c], org, from, to, errors);
            return new Parsed(line, parsed, parsed is null ? errors : null);
        }

        var kept = cases?.NewBuilder();
        foreach (var row in reader)
        {
            var p = Parse(row);
            pass.Read++;
            if (p.Row is { } ok)
            {
                pass.Valid++;
                pass.Cube.Add(ok, deadlineDays(ok.AdministrationId, ok.CaseType));
                if (kept is not null) await kept.AddAsync(values[(int)ExtractColumn.CaseId]!.Trim(), ok);
            }
            else
            {
                pass.Invalid++;
                foreach (var e in p.Errors!)
                {
                    pass.ErrorsByKind[e.Kind] = pass.ErrorsByKind.GetValueOrDefault(e.Kind) + 1;
                    if (pass.FirstErrors.Count < ImportReport.ShownErrors) pass.FirstErrors.Add(e.ToString());
                }
                if (onInvalid is not null) await onInvalid(p.Line, p.Errors!);
            }
            if (length > 0 && (pass.Read & 0x3FFF) == 0) progress?.Report((double)counting.BytesRead / length);
        }
        if (kept is not null) await kept.FlushAsync();
        return pass;
    }
}
