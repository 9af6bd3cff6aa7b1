using Tilsyn.Extracts;
using Tilsyn.Statistics;

namespace Tilsyn.Tests.Extracts;

/// <summary>
/// The folder's fast path must accept exactly the rows the validator accepts, read them the same
/// way, and count them into the same cube as <see cref="KpiCube.Add(in ExtractRow, int?)"/> does.
/// </summary>
public sealed class ExtractFolderTests
{
    // "Nørrebro Park Skole" is a unit in both administrations: the unit depends on the administration too.
    private static readonly OrganisationLookup Org = new(
        [(1, "BUF", "Børne- og Ungdomsforvaltningen"), (2, "SOF", "Socialforvaltningen")],
        [(10, 1, "Vuggestuen Mælkebøtten"), (11, 1, "Nørrebro Park Skole"), (20, 2, "Herberget Nørrebro"), (21, 2, "Nørrebro Park Skole")]);

    private static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 12, 31);

    private static int? Deadline(int administration, string caseType) =>
        administration == 1 && caseType == "Visitation" ? 30 : administration == 2 && caseType == "Bolig" ? 10 : null;

    private static ExtractFolder NewFolder() => new(Org, From, To, Deadline);

    private sealed record Fields(string CaseId, string Administration, string Unit, string Kle, string CaseType, string Opened, string Decided, string Closed)
    {
        public string? Get(ExtractColumn c) => c switch
        {
            ExtractColumn.CaseId => CaseId, ExtractColumn.Administration => Administration, ExtractColumn.Unit => Unit, ExtractColumn.Kle => Kle,
            ExtractColumn.CaseType => CaseType, ExtractColumn.Opened => Opened, ExtractColumn.Decided => Decided, ExtractColumn.Closed => Closed, _ => null,
        };

        public bool TryFold(ExtractFolder folder, out ExtractRow row)
        {
            var spans = new RowSpans
            {
                CaseId = CaseId, Administration = Administration, Unit = Unit, Kle = Kle, CaseType = CaseType, Opened = Opened, Decided = Decided, Closed = Closed,
            };
            return folder.TryFold(spans, out row);
        }
    }

    private static readonly string[] CaseIds = ["S-1", "S-2", "", " ", " 7 "];
    private static readonly string[] Administrations = ["BUF", "buf", " BUF ", "Børne- og Ungdomsforvaltningen", "SOF", "Socialforvaltningen", "XYZ", "", " "];
    private static readonly string[] Units = ["Vuggestuen Mælkebøtten", " vuggestuen mælkebøtten ", "Nørrebro Park Skole", "NØRREBRO PARK SKOLE", "Herberget Nørrebro", "Ukendt Skole", "", "  ", new string('U', 300)];
    private static readonly string[] Kles = ["28.09.04", "17.03", "17", " 28.09.04 ", "27.36.04", "", " ", "28.9", "abc", "28.09.04.01"];
    private static readonly string[] CaseTypes = ["Visitation", " Visitation ", "visitation", "Bolig", "Plads, venteliste", "", " ", new string('T', 100), new string('T', 101)];
    // Opening dates: both layouts, the rarer ones (one-digit, dots, slashes, ISO timestamp), impossible dates, outside the period, blank.
    private static readonly string[] Openings = ["03-02-2025", "2025-02-03", "3-2-2025", "03.02.2025", "03/02/2025", "2025-06-30T10:00:00", " 2025-07-01 ",
        "31-02-2025", "2025-13-01", "x", "", " ", "2024-12-31", "2026-01-01", "01-01-2025", "31-12-2025"];

    /// <summary>A decision or closing date relative to the opening: blank, before, the same day, short, long (the sparse tail), years later, or bad text.</summary>
    private static string Later(Random rng, string opened)
    {
        var choice = rng.Next(14);
        if (choice < 3) return choice == 0 ? "" : choice == 1 ? " " : "2025-02-30";
        if (!ExtractDates.TryParse(opened, out var o)) o = new DateOnly(2025, 3, 1);
        var days = choice switch { 3 => -1, 4 => 0, 5 => rng.Next(1, 30), 6 => rng.Next(30, 128), 7 => 127, 8 => 128, 9 => rng.Next(128, 900), 10 => rng.Next(1500, 2500), _ => rng.Next(0, 60) };
        var d = o.AddDays(days);
        return rng.Next(2) == 0 ? d.ToString("yyyy-MM-dd") : d.ToString("dd-MM-yyyy");
    }

    /// <summary>Random rows: each field mostly one of the first (good) values of its list, else any of them.</summary>
    private static IEnumerable<Fields> RandomRows(int seed, int count)
    {
        var rng = new Random(seed);
        string Pick(string[] items, int good) => items[rng.Next(rng.NextDouble() < 0.85 ? good : items.Length)];
        for (var i = 0; i < count; i++)
        {
            var opened = Pick(Openings, 7);
            yield return new Fields(Pick(CaseIds, 2), Pick(Administrations, 6), Pick(Units, 5), Pick(Kles, 7), Pick(CaseTypes, 5), opened, Later(rng, opened), Later(rng, opened));
        }
    }

    private static (ExtractRow? Row, List<RowError> Errors) Validate(Fields f)
    {
        var errors = new List<RowError>();
        return (ExtractRowValidator.Validate(2, f.Get, Org, From, To, errors), errors);
    }

    [Fact]
    public void A_clean_row_is_counted_on_the_fast_path_exactly_as_the_validator_reads_it()
    {
        var folder = NewFolder();
        var fields = new Fields(" S-1 ", " buf ", " vuggestuen mælkebøtten ", " 28.09.04 ", " Visitation ", "03-02-2025", "2025-02-13", "");
        Assert.True(fields.TryFold(folder, out var row));
        Assert.Equal(new ExtractRow(1, 10, "28.09", "Visitation", new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 13), null), row);
        Assert.Equal(Validate(fields).Row, row);

        var cube = new KpiCube();
        folder.AddTo(cube);
        var decided = cube.Cells[new CellKey(1, 10, "28.09", "Visitation", new Quarter(2025, 1))];
        Assert.Equal((1, 1, 1, 1), (decided.Opened, decided.Decided, decided.WithDeadline, decided.WithinDeadline)); // 10 days, deadline 30
        Assert.Equal(10, decided.Days.Median);
    }

    [Theory]
    [InlineData(ExtractColumn.CaseId, " ")]
    [InlineData(ExtractColumn.Administration, "XYZ")]
    [InlineData(ExtractColumn.Unit, "Herberget Nørrebro")] // a unit of the other administration
    [InlineData(ExtractColumn.Kle, "28.9")]
    [InlineData(ExtractColumn.CaseType, " ")]
    [InlineData(ExtractColumn.Opened, "31-02-2025")]
    [InlineData(ExtractColumn.Opened, "2024-12-31")]
    [InlineData(ExtractColumn.Decided, "2025-02-02")]
    [InlineData(ExtractColumn.Closed, "x")]
    public void A_row_with_anything_wrong_is_left_to_the_validator_and_not_counted(ExtractColumn column, string value)
    {
        var good = new Fields("S-1", "BUF", "Vuggestuen Mælkebøtten", "28.09.04", "Visitation", "03-02-2025", "2025-02-13", "2025-02-20");
        var bad = column switch
        {
            ExtractColumn.CaseId => good with { CaseId = value }, ExtractColumn.Administration => good with { Administration = value },
            ExtractColumn.Unit => good with { Unit = value }, ExtractColumn.Kle => good with { Kle = value }, ExtractColumn.CaseType => good with { CaseType = value },
            ExtractColumn.Opened => good with { Opened = value }, ExtractColumn.Decided => good with { Decided = value }, _ => good with { Closed = value },
        };
        var folder = NewFolder();
        Assert.False(bad.TryFold(folder, out _));
        Assert.Null(Validate(bad).Row);
        var cube = new KpiCube();
        folder.AddTo(cube);
        Assert.Empty(cube.Cells);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void On_random_rows_the_fast_path_accepts_only_what_the_validator_accepts_and_the_cube_is_the_same(int seed)
    {
        var rows = RandomRows(seed, 20_000).ToList();
        var folder = NewFolder();
        var reference = new KpiCube();
        int fast = 0, rejected = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var (expected, errors) = Validate(rows[i]);
            // Every other valid row is counted as the validator read it (the path a row takes when the fast check declines it).
            if (i % 2 == 0 && expected is { } slow) folder.Fold(slow);
            else if (rows[i].TryFold(folder, out var row))
            {
                fast++;
                Assert.Empty(errors);
                Assert.Equal(expected, row);
            }
            else
            {
                Assert.Null(expected);
                rejected++;
            }
            if (expected is { } valid) reference.Add(valid, Deadline(valid.AdministrationId, valid.CaseType));
        }
        // Both outcomes occur often, so the comparison means something.
        Assert.True(fast > 1000 && rejected > 1000, $"fast {fast}, rejected {rejected}");

        var cube = new KpiCube();
        folder.AddTo(cube);
        AssertSameCube(reference, cube);
    }

    [Fact]
    public void Parts_folded_apart_and_merged_give_the_cube_of_the_whole()
    {
        var rows = RandomRows(4, 30_000).ToList();
        var parts = new[] { NewFolder(), NewFolder(), NewFolder() };
        var reference = new KpiCube();
        for (var i = 0; i < rows.Count; i++)
        {
            // Parts see the names in different orders, so their internal numbers differ.
            var part = parts[(i * 7 + i / 1000) % parts.Length];
            var (expected, _) = Validate(rows[i]);
            if (!rows[i].TryFold(part, out _) && expected is { } ok) part.Fold(ok); // (not reached for these rows: every valid one is fast)
            if (expected is { } valid) reference.Add(valid, Deadline(valid.AdministrationId, valid.CaseType));
        }
        parts[0].Merge(parts[1]);
        parts[0].Merge(parts[2]);
        var cube = new KpiCube();
        parts[0].AddTo(cube);
        AssertSameCube(reference, cube);
        // Decisions years after the period (outside the quarter slots) are there too.
        Assert.Contains(cube.Cells.Keys, k => k.Quarter.Year >= 2029);
    }

    [Fact]
    public void More_than_65535_cases_with_the_same_processing_time_in_one_cell_are_all_counted_also_when_merged()
    {
        // The day counts below 128 days are 16-bit: 70,000 cases of 7 days in one cell pass 65,535 once;
        // merging a part with 40,000 more passes it again while adding.
        var row = new ExtractRow(1, 10, "28.09", "Visitation", new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 10), null);
        var longRow = row with { Decided = new DateOnly(2025, 12, 31) }; // 331 days: the long tail
        var (one, two) = (NewFolder(), NewFolder());
        for (var i = 0; i < 70_000; i++) one.Fold(row);
        for (var i = 0; i < 40_000; i++) two.Fold(row);
        for (var i = 0; i < 3; i++) two.Fold(longRow);
        var alone = new KpiCube();
        one.AddTo(alone);
        Assert.Equal([(7, 70_000L)], alone.Cells[new CellKey(1, 10, "28.09", "Visitation", new Quarter(2025, 1))].Days.Buckets());

        one.Merge(two);
        var cube = new KpiCube();
        one.AddTo(cube);
        var q1 = cube.Cells[new CellKey(1, 10, "28.09", "Visitation", new Quarter(2025, 1))];
        Assert.Equal((110_003L, 110_000L), (q1.Opened, q1.Decided));
        Assert.Equal([(7, 110_000L)], q1.Days.Buckets());
        Assert.Equal(110_000, q1.WithinDeadline); // deadline 30 days
        Assert.Equal([(331, 3L)], cube.Cells[new CellKey(1, 10, "28.09", "Visitation", new Quarter(2025, 4))].Days.Buckets());
    }

    [Fact]
    public void A_file_of_all_different_unknown_names_does_not_fill_memory_with_remembered_answers()
    {
        var org = new OrganisationLookup([(1, "BUF", "Børne- og Ungdomsforvaltningen")], [(10, 1, "Vuggestuen Mælkebøtten")]);
        var folder = new ExtractFolder(org, From, To, Deadline);
        var errors = new List<RowError>();
        for (var i = 0; i < 400_000; i++)
        {
            var fields = new Fields($"S-{i}", $"Forvaltning {i}", $"Enhed {i}", "28.09.04", "Visitation", "03-02-2025", "", "");
            Assert.False(fields.TryFold(folder, out _));
            errors.Clear();
            Assert.Null(ExtractRowValidator.Validate(i, fields.Get, org, From, To, errors));
            Assert.Equal(RowErrorKind.UnknownAdministration, Assert.Single(errors).Kind);
        }
        Assert.InRange(org.Remembered, 100_000, 300_000);
    }

    private static void AssertSameCube(KpiCube expected, KpiCube actual)
    {
        Assert.Equal(expected.Cells.Count, actual.Cells.Count);
        foreach (var (key, e) in expected.Cells)
        {
            Assert.True(actual.Cells.TryGetValue(key, out var a), $"missing cell {key}");
            Assert.Equal((e.Opened, e.Decided, e.WithDeadline, e.WithinDeadline), (a.Opened, a.Decided, a.WithDeadline, a.WithinDeadline));
            Assert.Equal(e.Days.Buckets().ToList(), a.Days.Buckets().ToList());
            Assert.Equal((e.Days.Count, e.Days.Sum), (a.Days.Count, a.Days.Sum));
        }
    }
}
