using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Extracts;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Extracts;

public sealed class ExtractImportTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 12, 31);

    private async Task<ImportReport> ImportAsync(string csv, string source, ErrorPolicy policy = ErrorPolicy.RejectFile, bool bom = false)
    {
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<ExtractImporter>();
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return await importer.ImportAsync(new MemoryStream(bytes), new ImportRequest(source, From, To, policy, new ColumnMap(), "udtraek.csv", "Test"), null, CancellationToken.None);
    }

    private const string Header = "source_system;case_id;administration;unit;kle;case_type;opened;decided;closed;status";

    [Fact]
    public async Task A_clean_file_builds_the_cube()
    {
        var csv = $"""
            {Header}
            SBSYS;1;BUF;Nørrebro Park Skole;17.03.01;Visitation;03-02-2025;13-02-2025;;Afgjort
            SBSYS;2;BUF;Nørrebro Park Skole;17.03.01;Visitation;2025-02-10;2025-03-12;2025-03-20;Lukket
            SBSYS;3;BUF;Nørrebro Park Skole;17.03.01;Visitation;2025-03-01;;;Åben
            """;
        var report = await ImportAsync(csv, "clean");
        Assert.True(report.Imported, report.Message + string.Join(" ", report.FirstErrors));
        Assert.Equal(3, report.RowsValid);
        var cells = await app.WithDbAsync(db => db.KpiCells.Where(c => c.KleGroup == "17.03").ToListAsync());
        var cell = Assert.Single(cells);
        Assert.Equal(3, cell.Opened);
        Assert.Equal(2, cell.Decided);
        Assert.Equal(20, cell.MedianDays); // 10 and 30 days -> 20
    }

    [Fact]
    public async Task A_file_with_every_kind_of_bad_row_is_rejected_whole_with_each_error_named()
    {
        var before = await app.WithDbAsync(db => db.KpiCells.CountAsync());
        var csv = $"""
            {Header}
            SBSYS;1;BUF;Nørrebro Park Skole;17.03;Visitation;03-02-2025;;;Åben
            SBSYS;2;BUF;Nørrebro Park Skole;17.03;Visitation;31-02-2025;;;bad date
            SBSYS;3;BUF;Nørrebro Park Skole;17.03;Visitation;10-02-2025;01-02-2025;;decision before opening
            SBSYS;4;XYZ;Nørrebro Park Skole;17.03;Visitation;10-02-2025;;;unknown administration
            SBSYS;5;BUF;Ukendt Skole;17.03;Visitation;10-02-2025;;;unknown unit
            SBSYS;6;BUF;Nørrebro Park Skole;17.3;Visitation;10-02-2025;;;bad KLE
            SBSYS;7;BUF;Nørrebro Park Skole;17.03;Visitation;10-02-2024;;;outside period
            SBSYS;;BUF;Nørrebro Park Skole;17.03;Visitation;10-02-2025;;;missing case id
            SBSYS;9;BUF;Nørrebro Park Skole;17.03;Visitation;10-02-2025;;01-01-2025;closed before opening
            """;
        var report = await ImportAsync(csv, "bad");

        Assert.False(report.Imported);
        Assert.Equal(8, report.RowsInvalid);
        foreach (var kind in new[] { RowErrorKind.BadDate, RowErrorKind.DecisionBeforeOpening, RowErrorKind.UnknownAdministration, RowErrorKind.UnknownUnit,
                     RowErrorKind.BadKle, RowErrorKind.OutsidePeriod, RowErrorKind.MissingValue, RowErrorKind.ClosedBeforeOpening })
            Assert.Equal(1, report.ErrorsByKind[kind]);
        Assert.Contains("Linje 3, kolonne Opened: '31-02-2025' er ikke en dato (dd-MM-åååå eller åååå-MM-dd).", report.FirstErrors);
        Assert.Contains(report.FirstErrors, e => e.StartsWith("Linje 6, kolonne Unit: ukendt enhed 'Ukendt Skole'", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.KpiCells.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Extracts.AnyAsync(x => x.Source == "bad")));
    }

    [Fact]
    public async Task With_quarantine_the_valid_rows_are_imported_and_the_bad_ones_kept_with_their_errors()
    {
        var csv = $"""
            {Header}
            SBSYS;1;BUF;Nørrebro Park Skole;17.21;Kørsel;03-02-2025;;;Åben
            SBSYS;2;BUF;Nørrebro Park Skole;17.21;Kørsel;31-02-2025;;;bad date
            """;
        var report = await ImportAsync(csv, "quarantine", ErrorPolicy.QuarantineBadRows);
        Assert.True(report.Imported);
        var extract = await app.WithDbAsync(db => db.Extracts.SingleAsync(x => x.Source == "quarantine"));
        Assert.Equal(1, extract.RowsImported);
        Assert.Equal(1, extract.RowsQuarantined);
        var q = await app.WithDbAsync(db => db.Set<QuarantinedRow>().SingleAsync(r => r.ExtractId == extract.Id));
        Assert.Equal(3, q.Line);
        Assert.Contains("31-02-2025", q.Errors);
    }

    [Fact]
    public async Task Importing_the_same_source_and_period_again_replaces_it()
    {
        var one = $"{Header}\nSBSYS;1;SOF;Herberget Nørrebro;27.36;Bolig;03-02-2025;;;Åben\n";
        var two = $"{Header}\nSBSYS;1;SOF;Herberget Nørrebro;27.36;Bolig;03-02-2025;;;Åben\nSBSYS;2;SOF;Herberget Nørrebro;27.36;Bolig;04-02-2025;;;Åben\n";
        await ImportAsync(one, "replace");
        await ImportAsync(one, "replace");
        Assert.Equal(1, await app.WithDbAsync(db => db.Extracts.CountAsync(x => x.Source == "replace")));
        Assert.Equal(1, await app.WithDbAsync(db => db.KpiCells.Where(c => c.KleGroup == "27.36").SumAsync(c => c.Opened)));
        await ImportAsync(two, "replace");
        Assert.Equal(2, await app.WithDbAsync(db => db.KpiCells.Where(c => c.KleGroup == "27.36").SumAsync(c => c.Opened)));
    }

    [Fact]
    public async Task A_file_with_BOM_CRLF_quoted_fields_commas_and_danish_unit_names_is_read()
    {
        var csv = "case_id,forvaltning,enhed,kle,sagstype,oprettet,afgjort\r\n"
                + "\"A,1\",BUF,\"Vuggestuen Mælkebøtten\",28.09.04,\"Plads, venteliste\",01-04-2025,15-04-2025\r\n"
                + "A2,BUF,Børnehuset Solsikken,,\"Plads, venteliste\",2025-04-02,\r\n";
        var report = await ImportAsync(csv, "bom", bom: true);
        Assert.True(report.Imported, string.Join(" | ", report.FirstErrors));
        Assert.Equal(2, report.RowsValid);
        var cells = await app.WithDbAsync(db => db.KpiCells.Where(c => c.CaseType == "Plads, venteliste").ToListAsync());
        Assert.Equal(2, cells.Sum(c => c.Opened));
        Assert.Contains(cells, c => c.KleGroup == "28.09" && c.MedianDays == 14);
    }

    [Fact]
    public async Task A_header_without_the_required_columns_is_refused_naming_them()
    {
        var report = await ImportAsync("sagsnr;forvaltning\n1;BUF\n", "header");
        Assert.False(report.Imported);
        Assert.Contains(report.FirstErrors, e => e.Contains("kolonnen Unit mangler"));
    }
}
