using Tilsyn.Extracts;
using Tilsyn.Statistics;

namespace Tilsyn.Tests.Extracts;

public sealed class ExtractRowValidatorTests
{
    private static readonly OrganisationLookup Org = new(
        [(1, "BUF", "Børne- og Ungdomsforvaltningen"), (2, "SOF", "Socialforvaltningen")],
        [(10, 1, "Vuggestuen Mælkebøtten"), (11, 1, "Nørrebro Park Skole"), (20, 2, "Herberget Nørrebro")]);

    private static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 12, 31);

    private static (ExtractRow? Row, List<RowError> Errors) Validate(params (ExtractColumn Col, string Value)[] fields)
    {
        var values = new Dictionary<ExtractColumn, string>
        {
            [ExtractColumn.CaseId] = "S-1", [ExtractColumn.Administration] = "BUF", [ExtractColumn.Unit] = "Vuggestuen Mælkebøtten",
            [ExtractColumn.Kle] = "28.09.04", [ExtractColumn.CaseType] = "Pladsanvisning", [ExtractColumn.Opened] = "03-02-2025",
        };
        foreach (var (c, v) in fields) values[c] = v;
        var errors = new List<RowError>();
        var row = ExtractRowValidator.Validate(7, c => values.GetValueOrDefault(c), Org, From, To, errors);
        return (row, errors);
    }

    [Fact]
    public void A_good_row_is_read_with_danish_and_iso_dates_and_the_kle_group()
    {
        var (row, errors) = Validate((ExtractColumn.Decided, "2025-02-20"), (ExtractColumn.Unit, " vuggestuen mælkebøtten "));
        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2025, 2, 3), row!.Value.Opened);
        Assert.Equal(new DateOnly(2025, 2, 20), row.Value.Decided);
        Assert.Equal("28.09", row.Value.KleGroup);
        Assert.Equal(10, row.Value.UnitId);
    }

    [Theory]
    [InlineData(ExtractColumn.Opened, "31-02-2025", RowErrorKind.BadDate, "Opened")]
    [InlineData(ExtractColumn.Opened, "", RowErrorKind.MissingValue, "Opened")]
    [InlineData(ExtractColumn.Decided, "01-01-2025", RowErrorKind.DecisionBeforeOpening, "Decided")]
    [InlineData(ExtractColumn.Closed, "2025-01-15", RowErrorKind.ClosedBeforeOpening, "Closed")]
    [InlineData(ExtractColumn.Administration, "XYZ", RowErrorKind.UnknownAdministration, "Administration")]
    [InlineData(ExtractColumn.Unit, "Herberget Nørrebro", RowErrorKind.UnknownUnit, "Unit")]
    [InlineData(ExtractColumn.Kle, "28.9", RowErrorKind.BadKle, "Kle")]
    [InlineData(ExtractColumn.Opened, "2024-12-31", RowErrorKind.OutsidePeriod, "Opened")]
    [InlineData(ExtractColumn.CaseId, " ", RowErrorKind.MissingValue, "CaseId")]
    public void Each_kind_of_bad_row_is_named_by_line_and_column(ExtractColumn column, string value, RowErrorKind kind, string columnName)
    {
        var (row, errors) = Validate((column, value));
        Assert.Null(row);
        var e = Assert.Single(errors);
        Assert.Equal(kind, e.Kind);
        Assert.StartsWith($"Linje 7, kolonne {columnName}:", e.ToString());
    }

    [Theory]
    [InlineData(ExtractColumn.Opened, RowErrorKind.BadDate)]
    [InlineData(ExtractColumn.Administration, RowErrorKind.UnknownAdministration)]
    [InlineData(ExtractColumn.Unit, RowErrorKind.UnknownUnit)]
    [InlineData(ExtractColumn.Kle, RowErrorKind.BadKle)]
    [InlineData(ExtractColumn.CaseType, RowErrorKind.TooLong)]
    public void A_cell_of_two_megabytes_is_quoted_with_its_first_200_characters_and_its_length(ExtractColumn column, RowErrorKind kind)
    {
        var (row, errors) = Validate((column, new string('9', 2 * 1024 * 1024)));
        Assert.Null(row);
        var e = Assert.Single(errors);
        Assert.Equal(kind, e.Kind);
        Assert.Contains($"'{new string('9', 200)}…' (2 097 152 tegn)", e.Message);
        Assert.True(e.ToString().Length < 400, e.ToString().Length.ToString());
    }

    [Fact]
    public void A_case_type_of_100_characters_is_taken_and_one_of_101_is_refused_with_the_limit()
    {
        Assert.Empty(Validate((ExtractColumn.CaseType, new string('x', 100))).Errors);
        var e = Assert.Single(Validate((ExtractColumn.CaseType, new string('x', 101))).Errors);
        Assert.Equal($"sagstypen '{new string('x', 101)[..100]}x' er længere end 100 tegn.", e.Message);
    }

    [Fact]
    public void Texts_longer_than_any_name_are_not_remembered()
    {
        var org = new OrganisationLookup([(1, "BUF", "Børne- og Ungdomsforvaltningen")], [(10, 1, "Vuggestuen Mælkebøtten")]);
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(org.Administration(new string((char)('a' + i), 1_000_000)));
            Assert.Null(org.Unit(1, new string((char)('a' + i), 1_000_000)));
            Assert.False(org.KleGroup(new string((char)('a' + i), 1_000_000)).Ok);
        }
        Assert.Equal(0, org.Remembered);
        Assert.Equal(1, org.Administration("BUF"));
        Assert.Equal(1, org.Remembered);
    }

    [Fact]
    public void Every_error_of_a_row_is_reported()
    {
        var (_, errors) = Validate((ExtractColumn.Administration, "XYZ"), (ExtractColumn.Opened, "x"), (ExtractColumn.Kle, "abc"));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Headers_are_found_by_alias_or_override_and_missing_ones_are_named()
    {
        var (index, errors) = new ColumnMap().Resolve(["\uFEFFSagsnr", "Forvaltning", "Enhed", "Sagstype", "Oprettet", "Afgjort"]);
        Assert.Empty(errors);
        Assert.Equal(4, index[ExtractColumn.Opened]);
        Assert.Equal(5, index[ExtractColumn.Decided]);

        var (map, mapErrors) = ColumnMap.Parse("Opened=Dato for oprettelse\nCaseId = Id");
        Assert.Empty(mapErrors);
        var (_, missing) = map!.Resolve(["Id", "Forvaltning", "Enhed", "Sagstype", "Oprettet"]);
        Assert.Equal("Linje 1: kolonnen Opened mangler (ledte efter: dato for oprettelse).", Assert.Single(missing));

        Assert.Single(ColumnMap.Parse("Åbnet: Dato").Errors);
    }
}

public sealed class KpiCubeTests
{
    private static ExtractRow Row(int unit, string opened, string? decided) =>
        new(1, unit, "28.09", "Pladsanvisning", DateOnly.Parse(opened), decided is null ? null : DateOnly.Parse(decided), null);

    [Fact]
    public void Cells_count_openings_by_opened_quarter_and_decisions_by_decided_quarter()
    {
        var cube = new KpiCube();
        // Unit 10, deadline 30 days. Processing days: 10, 20, 40 (decided in Q1, Q1, Q2); one still open.
        cube.Add(Row(10, "2025-01-05", "2025-01-15"), 30);
        cube.Add(Row(10, "2025-01-10", "2025-01-30"), 30);
        cube.Add(Row(10, "2025-03-01", "2025-04-10"), 30);
        cube.Add(Row(10, "2025-03-20", null), 30);

        var q1 = cube.Cells[new CellKey(1, 10, "28.09", "Pladsanvisning", new Quarter(2025, 1))];
        var q2 = cube.Cells[new CellKey(1, 10, "28.09", "Pladsanvisning", new Quarter(2025, 2))];
        Assert.Equal(4, q1.Opened);
        Assert.Equal(2, q1.Decided);
        Assert.Equal(15, q1.Days.Median);        // 10 and 20 -> 15
        Assert.Equal(1.0, q1.OnTimeShare);       // both within 30
        Assert.Equal(0, q2.Opened);
        Assert.Equal(1, q2.Decided);
        Assert.Equal(0.0, q2.OnTimeShare);       // 40 > 30
    }

    [Fact]
    public void Without_a_published_deadline_there_is_no_on_time_share()
    {
        var cube = new KpiCube();
        cube.Add(Row(10, "2025-01-05", "2025-01-15"), null);
        Assert.Null(cube.Cells.Values.Single(c => c.Decided > 0).OnTimeShare);
    }
}
