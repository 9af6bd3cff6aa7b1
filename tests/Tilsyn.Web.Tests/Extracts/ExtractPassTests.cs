using System.Text;
using Tilsyn.Extracts;
using Tilsyn.Statistics;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Extracts;

/// <summary>
/// The pass cuts the file into blocks and folds them on several workers: whatever the number of
/// workers and wherever the cuts fall, the counts, the cube, the errors and their line numbers must be
/// those of reading the file row by row with the validator.
/// </summary>
public sealed class ExtractPassTests
{
    private static readonly OrganisationLookup Org = new(
        [(1, "BUF", "Børne- og Ungdomsforvaltningen"), (2, "SOF", "Socialforvaltningen")],
        [(10, 1, "Vuggestuen Mælkebøtten"), (11, 1, "Nørrebro Park Skole"), (20, 2, "Herberget Nørrebro")]);

    private static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 12, 31);

    private static int? Deadline(int administration, string caseType) => caseType.StartsWith("Visitation", StringComparison.Ordinal) ? 20 : null;

    private const string Header = "source_system;case_id;administration;unit;kle;case_type;opened;decided;closed;status";

    /// <summary>
    /// A file with quoted fields (some with line breaks and separators inside), bad rows and blank lines here
    /// and there; and what reading it row by row gives. Line breaks: <paramref name="ending"/> ("mixed":
    /// each row's own, LF, CR LF or a lone CR).
    /// </summary>
    private static (byte[] File, Expected Expected) MakeFile(int rows, int seed, string ending = "\r\n")
    {
        var rng = new Random(seed);
        string[] endings = ["\n", "\r\n", "\r"];
        string Ending() => ending == "mixed" ? endings[rng.Next(endings.Length)] : ending;
        var first = Ending();
        var csv = new StringBuilder(Header + first);
        var afterCr = first == "\r";
        var expected = new Expected();
        var line = 2L;
        string[] units = ["Vuggestuen Mælkebøtten", "Nørrebro Park Skole", "\"Nørrebro Park Skole\""];
        string[] types = ["Visitation", "\"Plads; venteliste\"", "\"Klage\r\nover afgørelse\"", "\"Bolig \"\"akut\"\"\""];
        for (var i = 0; i < rows; i++)
        {
            var end = Ending();
            if (rng.Next(25) == 0)
            {
                // A blank line (after a lone CR it must not be a lone LF: the two would be one CR LF).
                if (afterCr && end == "\n") end = "\r";
                csv.Append(end);
                expected.Add(line++, [""]);
                afterCr = end == "\r";
                continue;
            }
            var opened = From.AddDays(rng.Next(365));
            var decided = rng.Next(5) == 0 ? "" : opened.AddDays(rng.Next(400)).ToString("dd-MM-yyyy");
            string[] f = ["SBSYS", $"S{i}", rng.Next(2) == 0 ? "BUF" : "Børne- og Ungdomsforvaltningen", units[rng.Next(units.Length)],
                rng.Next(4) == 0 ? "" : "28.09.04", types[rng.Next(types.Length)], opened.ToString("yyyy-MM-dd"), decided, "", "x"];
            switch (rng.Next(40))
            {
                case 0: f[6] = "31-02-2025"; break;          // bad date
                case 1: f[3] = "Herberget Nørrebro"; break;  // a unit of the other administration
                case 2: f[1] = ""; break;                    // no case id
                case 3: f[7] = "2024-01-01"; break;          // decided before opened
                case 4: f[2] = "XYZ"; f[4] = "9"; break;     // two errors in one row
            }
            var text = string.Join(';', f);
            csv.Append(text).Append(end);
            expected.Add(line, f);
            line += 1 + text.Split("\r\n").Length - 1;
            afterCr = end == "\r";
        }
        return (Encoding.UTF8.GetBytes(csv.ToString()), expected);
    }

    private sealed class Expected
    {
        public long Read, Valid, Invalid;
        public readonly List<RowError> Errors = [];
        public readonly List<long> BadLines = [];
        public readonly KpiCube Cube = new();

        public void Add(long line, string[] fields)
        {
            // The fields as a CSV reader gives them: quotes removed, doubled quotes single.
            var values = fields.Select(v => v.Length > 1 && v[0] == '"' ? v[1..^1].Replace("\"\"", "\"") : v).ToArray();
            var errors = new List<RowError>();
            var row = ExtractRowValidator.Validate(line, c => (int)c < values.Length ? values[(int)c] : null, Org, From, To, errors);
            Read++;
            if (row is { } ok)
            {
                Valid++;
                Cube.Add(ok, Deadline(ok.AdministrationId, ok.CaseType));
                return;
            }
            Invalid++;
            Errors.AddRange(errors);
            BadLines.Add(line);
        }
    }

    private static async Task<ExtractPass> RunAsync(byte[] file, int? workers, int blockSize, Func<long, IReadOnlyList<RowError>, ValueTask>? onInvalid = null, ExtractCaseWriter? cases = null) =>
        await ExtractPass.RunAsync(new MemoryStream(file), new ColumnMap(), Org, From, To, Deadline, onInvalid, null, cases, workers, blockSize);

    private static void AssertSame(Expected expected, ExtractPass pass)
    {
        Assert.Empty(pass.HeaderErrors);
        Assert.Equal((expected.Read, expected.Valid, expected.Invalid), (pass.Read, pass.Valid, pass.Invalid));
        Assert.Equal(expected.Errors.Take(ImportReport.ShownErrors).Select(e => e.ToString()), pass.FirstErrors);
        Assert.Equal(expected.Errors.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => (long)g.Count()), pass.ErrorsByKind);
        Assert.Equal(expected.Cube.Cells.Count, pass.Cube.Cells.Count);
        foreach (var (key, e) in expected.Cube.Cells)
        {
            var a = pass.Cube.Cells[key];
            Assert.Equal((e.Opened, e.Decided, e.WithDeadline, e.WithinDeadline), (a.Opened, a.Decided, a.WithDeadline, a.WithinDeadline));
            Assert.Equal(e.Days.Buckets(), a.Days.Buckets());
        }
    }

    [Theory]
    [InlineData(1, 97)]
    [InlineData(2, 64)]      // blocks smaller than a row: they grow to hold one
    [InlineData(2, 1000)]
    [InlineData(3, 4096)]
    [InlineData(null, RowBlocks.DefaultBlockSize)]
    public async Task Any_number_of_workers_and_any_block_size_give_what_reading_row_by_row_gives(int? workers, int blockSize)
    {
        var (file, expected) = MakeFile(5_000, seed: 11);
        Assert.True(expected.Invalid > 200 && expected.Valid > 3_000, $"{expected.Invalid} bad, {expected.Valid} good");
        AssertSame(expected, await RunAsync(file, workers, blockSize));
    }

    [Theory]
    [InlineData("\n", 2, 97)]
    [InlineData("\r", 1, 64)]
    [InlineData("\r", 2, 1)]
    [InlineData("\r", 4, 333)]
    [InlineData("mixed", 1, 1)]
    [InlineData("mixed", 2, 50)]
    [InlineData("mixed", 3, 4096)]
    [InlineData("mixed", 2, RowBlocks.DefaultBlockSize)]
    public async Task Files_with_lone_CRs_LFs_or_both_and_blank_lines_read_as_row_by_row(string ending, int workers, int blockSize)
    {
        // Blocks that end in a lone CR meet blocks that begin with a blank line in a worker's stream; and Sep
        // itself loses a blank line when one read ends in a CR and the next begins with one.
        var (file, expected) = MakeFile(3_000, seed: 21, ending);
        Assert.True(expected.Invalid > 150, $"{expected.Invalid} bad rows");
        AssertSame(expected, await RunAsync(file, workers, blockSize));
        var lines = new List<long>();
        AssertSame(expected, await RunAsync(file, workers, blockSize, onInvalid: (line, _) =>
        {
            lines.Add(line);
            return ValueTask.CompletedTask;
        }));
        Assert.Equal(expected.BadLines, lines);
    }

    [Fact]
    public async Task The_quarantine_gets_every_bad_row_in_order_with_its_line()
    {
        var (file, expected) = MakeFile(3_000, seed: 12);
        var lines = new List<long>();
        var pass = await RunAsync(file, workers: 4, blockSize: 200, onInvalid: (line, errors) =>
        {
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal(line, e.Line));
            lines.Add(line);
            return ValueTask.CompletedTask;
        });
        AssertSame(expected, pass);
        Assert.Equal(expected.BadLines, lines);
    }

    [Fact]
    public async Task The_valid_rows_are_all_kept_for_audits_by_every_worker()
    {
        // More rows than one chunk per worker holds, so full chunks are stored while the workers read.
        var (file, expected) = MakeFile(2 * CaseChunkBuilder.ChunkRows + 40_000, seed: 13);
        var chunks = new List<int>();
        var writer = new ExtractCaseWriter((no, payload, rows) =>
        {
            Assert.NotEmpty(payload);
            lock (chunks) chunks.Add(rows);
            return ValueTask.CompletedTask;
        });
        var pass = await RunAsync(file, workers: 2, blockSize: RowBlocks.DefaultBlockSize, cases: writer);
        Assert.Equal(expected.Valid, pass.Valid);
        Assert.Equal(expected.Valid, writer.Rows);
        Assert.Equal(expected.Valid, chunks.Sum());
        Assert.Contains(chunks, n => n == CaseChunkBuilder.ChunkRows);
    }

    [Theory]
    [InlineData(1, 97)]
    [InlineData(3, 61)]
    [InlineData(4, 4096)]
    [InlineData(2, RowBlocks.DefaultBlockSize)]
    public async Task A_windows_1252_file_gives_what_the_same_file_in_utf8_gives_with_any_workers_and_blocks(int workers, int blockSize)
    {
        var (utf8, expected) = MakeFile(3000, seed: 11, ending: "mixed");
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Encoding.UTF8.GetString(utf8));
        Assert.NotEqual(utf8.Length, ansi.Length);

        var pass = await RunAsync(ansi, workers, blockSize);

        AssertSame(expected, pass);
        Assert.Equal(ExtractCharset.Windows1252, pass.Charset);
        Assert.Equal(ExtractCharset.Utf8, (await RunAsync(utf8, workers, blockSize)).Charset);
    }

    [Fact]
    public async Task A_file_that_changes_character_set_part_way_ends_the_pass_with_the_line()
    {
        var (utf8, _) = MakeFile(400, seed: 5, ending: "\n");
        var text = Encoding.UTF8.GetString(utf8);
        var lines = text.Split('\n').Length; // the row added below is on the last line
        var file = utf8.Concat(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("SBSYS;x;BUF;Vuggestuen Mælkebøtten;;Visitation;2025-02-03;;;x\n")).ToArray();

        var refused = await Assert.ThrowsAsync<Tilsyn.Common.DomainException>(() => RunAsync(file, workers: 2, blockSize: 256));

        Assert.StartsWith($"Linje {lines}: filen er ikke gyldig UTF-8.", refused.Message);
    }

    [Fact]
    public async Task A_utf16_or_utf32_file_with_a_byte_order_mark_is_read()
    {
        var csv = $"{Header}\r\nSBSYS;1;BUF;Vuggestuen Mælkebøtten;28.09.04;Visitation;03-02-2025;13-02-2025;;Afgjort\r\nSBSYS;2;BUF;Ukendt;28.09.04;Visitation;03-02-2025;;;Åben\r\n";
        foreach (var encoding in new Encoding[] { Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32, new UTF32Encoding(bigEndian: true, byteOrderMark: true) })
        {
            var file = encoding.GetPreamble().Concat(encoding.GetBytes(csv)).ToArray();
            var pass = await RunAsync(file, workers: 2, blockSize: 64);
            Assert.Empty(pass.HeaderErrors);
            Assert.Equal((2, 1, 1), (pass.Read, pass.Valid, pass.Invalid));
            Assert.StartsWith("Linje 3, kolonne Unit: ukendt enhed 'Ukendt'", Assert.Single(pass.FirstErrors));
            Assert.Equal(10, pass.Cube.Cells[new CellKey(1, 10, "28.09", "Visitation", new Quarter(2025, 1))].Days.Median);
        }
    }

    /// <summary>A file that cannot be read to its end (a disk or network error part-way).</summary>
    private sealed class FailingStream(byte[] data, int failAt) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position >= failAt ? throw new IOException("læsefejl") : base.Read(buffer, offset, Math.Min(count, 4096));
        public override int Read(Span<byte> buffer)
        {
            var bytes = new byte[Math.Min(buffer.Length, 4096)];
            var n = Read(bytes, 0, bytes.Length);
            bytes.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));
    }

    [Fact]
    public async Task A_read_error_ends_the_pass_with_that_error_and_nothing_of_the_pass_runs_after_it()
    {
        var (file, _) = MakeFile(4_000, seed: 15);
        var ended = false;
        var callsAfter = 0;
        var storedAfter = 0;
        var writer = new ExtractCaseWriter((_, _, _) =>
        {
            if (Volatile.Read(ref ended)) Interlocked.Increment(ref storedAfter);
            return ValueTask.CompletedTask;
        });
        var error = await Assert.ThrowsAsync<IOException>(() => ExtractPass.RunAsync(new FailingStream(file, file.Length / 2), new ColumnMap(), Org, From, To, Deadline,
            (_, _) =>
            {
                if (Volatile.Read(ref ended)) Interlocked.Increment(ref callsAfter);
                Thread.Sleep(5); // the worker lags behind the reader, as a database write would make it
                return ValueTask.CompletedTask;
            }, null, writer, workers: 1, blockSize: 1024));
        Volatile.Write(ref ended, true);
        Assert.Equal("læsefejl", error.Message);
        await Task.Delay(300); // a worker left running would still be calling back now
        Assert.Equal((0, 0), (callsAfter, storedAfter));
    }

    [Fact]
    public async Task A_failing_worker_ends_the_pass_with_its_error_instead_of_hanging()
    {
        var (file, _) = MakeFile(20_000, seed: 14);
        var calls = 0;
        var run = ExtractPass.RunAsync(new MemoryStream(file), new ColumnMap(), Org, From, To,
            (_, _) => Interlocked.Increment(ref calls) > 3 ? throw new InvalidOperationException("frist-registret kunne ikke læses") : null,
            null, null, workers: 2, blockSize: 512);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("frist-registret kunne ikke læses", error.Message);
    }
}
