// Benchmark: Tilsyn's extract import + KPI cube against DuckDB on the same synthetic extract.
// Usage: bench/run.sh [rows]   (default 10,000,000). The last line is the result.
// Also: bench/run.sh publish [rows] (PublishBench) and bench/run.sh web [--postgres] (WebBench, the load check).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Tilsyn.Extracts;
using Tilsyn.Web.Extracts;

if (args.Length > 0 && args[0] == "web")
{
    Environment.ExitCode = await WebBench.RunAsync(args[1..]);
    return;
}
var publish = args.Length > 0 && args[0] == "publish";
var rest = publish ? args[1..] : args;
var rows = rest.Length > 0 ? long.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000_000L;
var inv = CultureInfo.InvariantCulture;
var org = Synthetic.Organisation();
var file = Path.Combine(Path.GetTempPath(), $"tilsyn-bench-{rows}.csv");
if (!File.Exists(file) || new FileInfo(file).Length == 0)
{
    var g = Stopwatch.StartNew();
    Synthetic.Write(file, rows, org);
    Console.WriteLine($"generated {rows:N0} rows ({new FileInfo(file).Length / 1024 / 1024:N0} MiB) in {g.Elapsed.TotalSeconds:0.0} s: {file}");
}
else Console.WriteLine($"reusing {file} ({new FileInfo(file).Length / 1024 / 1024:N0} MiB)");
if (publish)
{
    await PublishBench.RunAsync(file, org);
    return;
}

// --- Tilsyn: the product's own pass (parse, validate, cube) and the cube's medians and p90s.
GC.Collect();
var lookup = new OrganisationLookup(org.Admins.Select(a => (a.Id, a.Code, a.Code)), org.Units.Select(u => (u.Id, u.AdminId, u.Name)));
using var allocListener = Environment.GetEnvironmentVariable("ALLOC") is null ? null : new AllocListener();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes();
Console.WriteLine($"before the pass: working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB");
var sw = Stopwatch.StartNew();
ExtractPass pass;
await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
    pass = await ExtractPass.RunAsync(stream, new ColumnMap(), lookup, Synthetic.From, Synthetic.To, (_, _) => null, null, null);
var unitNames = org.Units.ToDictionary(u => u.Id, u => u.Name);
var adminCodes = org.Admins.ToDictionary(a => a.Id, a => a.Code);
var tilsyn = new Dictionary<(string, string, string, string, int, int), (long Opened, long Decided, double? Median, double? P90)>();
foreach (var (k, s) in pass.Cube.Cells)
    tilsyn[(adminCodes[k.AdministrationId], unitNames[k.UnitId], k.KleGroup, k.CaseType, k.Quarter.Year, k.Quarter.Number)] = (s.Opened, s.Decided, s.Days.Median, s.Days.Quantile(0.9));
var tilsynSeconds = sw.Elapsed.TotalSeconds;
// ALLOC=1 bench/run.sh: what the pass allocated, by type (sampled by the runtime every ~100 KB).
foreach (var (t, n) in AllocListener.ByType.OrderByDescending(kv => kv.Value).Take(12)) Console.WriteLine($"  allocated ~{n * 100 / 1024} MiB of {t}");
Console.WriteLine($"after the pass: working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:0} MiB, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:0} MiB");
var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
Console.WriteLine($"tilsyn: {pass.Read:N0} rows read, {pass.Valid:N0} valid, {pass.Cube.Cells.Count:N0} cells in {tilsynSeconds:0.00} s (CPU {cpuSeconds:0.00} s on {Environment.ProcessorCount} cores); peak working set {peakMiB:0} MiB, {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:N0} MiB allocated");
if (pass.Invalid > 0) Console.WriteLine($"  invalid rows: {pass.Invalid:N0}: {string.Join("; ", pass.FirstErrors.Take(3))}");

// --- DuckDB with its defaults (all cores): the same aggregates from the same file.
sw.Restart();
var duck = new Dictionary<(string, string, string, string, int, int), (long Opened, long Decided, double? Median, double? P90)>();
using (var conn = new DuckDBConnection("DataSource=:memory:"))
{
    conn.Open();
    using var cmd = conn.CreateCommand();
    cmd.CommandText = $"""
        CREATE TABLE t AS SELECT administration, unit,
            CASE WHEN kle IS NULL OR kle = '' THEN '' WHEN length(kle) >= 5 THEN left(kle, 5) ELSE kle END AS kle_group,
            case_type, opened, decided
        FROM read_csv('{file.Replace("'", "''")}', header = true, delim = ';',
            columns = {"{"}'case_id': 'VARCHAR', 'administration': 'VARCHAR', 'unit': 'VARCHAR', 'kle': 'VARCHAR', 'case_type': 'VARCHAR',
                       'opened': 'DATE', 'decided': 'DATE', 'closed': 'DATE', 'status': 'VARCHAR'{"}"});
        """;
    cmd.ExecuteNonQuery();
    cmd.CommandText = """
        SELECT administration, unit, kle_group, case_type, year(opened), quarter(opened), count(*) FROM t GROUP BY ALL;
        """;
    using (var r = cmd.ExecuteReader())
        while (r.Read())
            duck[(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Convert.ToInt32(r.GetValue(4), inv), Convert.ToInt32(r.GetValue(5), inv))] = (Convert.ToInt64(r.GetValue(6), inv), 0, null, null);
    cmd.CommandText = """
        SELECT administration, unit, kle_group, case_type, year(decided), quarter(decided), count(*),
               quantile_cont(date_diff('day', opened, decided), 0.5), quantile_cont(date_diff('day', opened, decided), 0.9)
        FROM t WHERE decided IS NOT NULL GROUP BY ALL;
        """;
    using (var r = cmd.ExecuteReader())
        while (r.Read())
        {
            var key = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Convert.ToInt32(r.GetValue(4), inv), Convert.ToInt32(r.GetValue(5), inv));
            var opened = duck.TryGetValue(key, out var o) ? o.Opened : 0;
            duck[key] = (opened, Convert.ToInt64(r.GetValue(6), inv), Convert.ToDouble(r.GetValue(7), inv), Convert.ToDouble(r.GetValue(8), inv));
        }
}
var duckSeconds = sw.Elapsed.TotalSeconds;
Console.WriteLine($"duckdb: {duck.Count:N0} cells in {duckSeconds:0.00} s");

// --- Every cell must agree.
var same = tilsyn.Count == duck.Count;
var mismatches = 0;
foreach (var (k, a) in tilsyn)
{
    if (duck.TryGetValue(k, out var b) && a.Opened == b.Opened && a.Decided == b.Decided && Close(a.Median, b.Median) && Close(a.P90, b.P90)) continue;
    same = false;
    if (mismatches++ < 5) Console.WriteLine($"  differs: {k}: tilsyn {a} duckdb {(duck.TryGetValue(k, out var x) ? x.ToString() : "missing")}");
}
Console.WriteLine(string.Create(inv, $"rows={pass.Read} tilsyn_s={tilsynSeconds:0.00} duckdb_s={duckSeconds:0.00} ratio={tilsynSeconds / duckSeconds:0.00} peak_mib={peakMiB:0} same_results={(same ? "true" : "false")}"));

static bool Close(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-9;

/// <summary>A deterministic, realistically skewed extract: few big units and many small ones, long-tailed processing times, some open cases.</summary>
internal static class Synthetic
{
    public static readonly DateOnly From = new(2023, 1, 1), To = new(2024, 12, 31);
    public sealed record Admin(int Id, string Code);
    public sealed record Unit(int Id, int AdminId, string Name, double Weight);
    public sealed record Org(List<Admin> Admins, List<Unit> Units);

    private static readonly string[] Codes = ["ØKF", "KFF", "SUF", "BUF", "SOF", "TMF", "BIF"];
    private static readonly string[] Kle = ["28.09.04", "28.77.12", "17.03.01", "17.21.00", "27.36.04", "27.42.00", "15.20.02", "05.09.04", "02.34.02", "23.05.00", "29.09.00", "32.18.00", ""];

    public static Org Organisation()
    {
        var rng = new Random(42);
        var admins = Codes.Select((c, i) => new Admin(i + 1, c)).ToList();
        var units = new List<Unit>();
        var id = 1;
        foreach (var a in admins)
        {
            var count = 30 + rng.Next(90);
            for (var r = 1; r <= count; r++) units.Add(new Unit(id++, a.Id, $"{a.Code} enhed {r:D3} – Nørrebro", 1.0 / Math.Pow(r, 1.1) * (0.5 + rng.NextDouble())));
        }
        return new(admins, units);
    }

    public static void Write(string path, long rows, Org org)
    {
        var rng = new Random(20261125);
        var cumulative = new double[org.Units.Count];
        double total = 0;
        for (var i = 0; i < org.Units.Count; i++) cumulative[i] = total += org.Units[i].Weight;
        var codes = org.Admins.ToDictionary(a => a.Id, a => a.Code);
        var types = new[] { "Ansøgning", "Klage", "Visitation", "Tilsyn", "Henvendelse" };
        var span = To.DayNumber - From.DayNumber + 1;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("case_id;administration;unit;kle;case_type;opened;decided;closed;status\n");
        var sb = new StringBuilder(128);
        for (long n = 0; n < rows; n++)
        {
            var pick = rng.NextDouble() * total;
            var u = Array.BinarySearch(cumulative, pick);
            var unit = org.Units[u < 0 ? Math.Min(~u, cumulative.Length - 1) : u];
            var opened = From.AddDays(rng.Next(span));
            var roll = rng.NextDouble();
            var days = roll < 0.70 ? (int)(-Math.Log(1 - rng.NextDouble()) * 20)
                : roll < 0.95 ? (int)(-Math.Log(1 - rng.NextDouble()) * 60)
                : (int)Math.Min(900, Math.Exp(4 + rng.NextDouble() * 2.5));
            DateOnly? decided = rng.NextDouble() < 0.06 ? null : opened.AddDays(days);
            if (decided > To) decided = null; // still open at the extract date
            DateOnly? closed = decided is { } d && rng.NextDouble() < 0.8 ? d.AddDays(rng.Next(10)) : null;
            sb.Clear();
            sb.Append('S').Append(n).Append(';').Append(codes[unit.AdminId]).Append(';').Append(unit.Name).Append(';')
              .Append(Kle[(unit.Id + (int)(n % 3)) % Kle.Length]).Append(';').Append(types[(unit.Id * 7 + (int)(n % 2)) % types.Length]).Append(';')
              .Append(opened.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
              .Append(decided?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
              .Append(closed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
              .Append(decided is null ? "Åben" : "Afgjort").Append('\n');
            w.Write(sb);
        }
    }
}

internal sealed class AllocListener : System.Diagnostics.Tracing.EventListener
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> ByType = new();
    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
    }
    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is not "GCAllocationTick_V4" and not "GCAllocationTick_V3" and not "GCAllocationTick_V2") return;
        var name = e.Payload![e.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
        ByType.AddOrUpdate(name, 1, (_, v) => v + 1);
    }
}
