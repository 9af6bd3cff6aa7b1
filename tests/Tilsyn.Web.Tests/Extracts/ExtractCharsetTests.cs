using System.Text;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using Tilsyn.Extracts;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Tests.Extracts;

/// <summary>
/// Files as municipalities really have them: saved by Danish Excel as "CSV (semikolonsepareret)"
/// (Windows-1252, ';', CR LF), cells of megabytes; and the CSV the product writes back.
/// </summary>
public sealed class ExtractCharsetTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly DateOnly From = new(2025, 1, 1), To = new(2025, 12, 31);

    /// <summary>What Danish Excel writes: Danish headers (one with ø), Danish letters in the units, ';', CR LF, Windows-1252.</summary>
    private static byte[] ExcelFile(int rows = 2)
    {
        var csv = new StringBuilder("Sagsnr;Forvaltning;Enhed;KLE;Sagstype;Oprettet;Afgørelsesdato\r\n");
        for (var i = 0; i < rows; i++)
            csv.Append($"{i + 1};BUF;{(i % 2 == 0 ? "Vuggestuen Mælkebøtten" : "Børnehuset Solsikken")};28.09.04;Pladsanvisning;03-02-2025;{(i % 3 == 0 ? "" : "13-02-2025")}\r\n");
        return Windows1252.GetBytes(csv.ToString());
    }

    private async Task<ImportReport> ImportAsync(byte[] file, string source, ErrorPolicy policy = ErrorPolicy.RejectFile)
    {
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<ExtractImporter>();
        return await importer.ImportAsync(new MemoryStream(file), new ImportRequest(source, From, To, policy, new ColumnMap(), "udtraek.csv", "Test"), null, CancellationToken.None);
    }

    private Task<int> UnitIdAsync(string name) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_danish_excel_file_in_windows_1252_is_read_with_the_danish_letters_right_and_the_report_says_so()
    {
        var report = await ImportAsync(ExcelFile(), "Excel-ANSI");

        Assert.True(report.Imported, report.Message + string.Join(" ", report.FirstErrors));
        Assert.Equal("2 rækker importeret. Filen var gemt som Windows-1252 (ANSI) og er læst som sådan.", report.Message);
        var unit = await UnitIdAsync("Vuggestuen Mælkebøtten");
        var cell = await app.WithDbAsync(db => db.KpiCells.SingleAsync(c => c.UnitId == unit && c.CaseType == "Pladsanvisning" && c.ExtractId == report.ExtractId));
        Assert.Equal(1, cell.Opened);
        Assert.Equal(0, cell.Decided); // row 1 has no decision; "Afgørelsesdato" was found as the Decided column
        var other = await UnitIdAsync("Børnehuset Solsikken");
        Assert.Equal(1, await app.WithDbAsync(db => db.KpiCells.Where(c => c.UnitId == other && c.ExtractId == report.ExtractId).SumAsync(c => c.Decided)));
    }

    [Fact]
    public async Task A_utf8_file_says_nothing_about_the_character_set()
    {
        var report = await ImportAsync(Encoding.UTF8.GetBytes(Windows1252.GetString(ExcelFile())), "Excel-UTF8");
        Assert.Equal("2 rækker importeret.", report.Message);
    }

    [Fact]
    public async Task A_large_windows_1252_file_is_read_in_blocks_and_counts_every_row()
    {
        var file = ExcelFile(40_000); // about 3 MB: several blocks, each converted
        Assert.True(file.Length > 3 * RowBlocks.DefaultBlockSize / 2);
        var report = await ImportAsync(file, "Excel-ANSI-stor");
        Assert.True(report.Imported, report.Message);
        Assert.Equal((40_000, 40_000), (report.RowsRead, report.RowsValid));
        Assert.EndsWith("Filen var gemt som Windows-1252 (ANSI) og er læst som sådan.", report.Message);
    }

    [Fact]
    public async Task A_file_that_turns_from_utf8_to_windows_1252_late_is_refused_with_the_line_and_nothing_is_imported()
    {
        // UTF-8 for more than a block (about 2 MB), then one row saved as Windows-1252.
        var utf8 = Encoding.UTF8.GetBytes(Windows1252.GetString(ExcelFile(30_000)));
        var file = utf8.Concat(Windows1252.GetBytes("30001;BUF;Vuggestuen Mælkebøtten;28.09.04;Pladsanvisning;03-02-2025;\r\n")).ToArray();

        var report = await ImportAsync(file, "Blandet", ErrorPolicy.QuarantineBadRows);

        Assert.False(report.Imported);
        Assert.StartsWith("Linje 30002: filen er ikke gyldig UTF-8.", report.Message);
        Assert.Contains("CSV UTF-8 (kommasepareret)", report.Message);
        Assert.False(await app.WithDbAsync(db => db.Extracts.AnyAsync(x => x.Source == "Blandet")));
    }

    [Fact]
    public async Task A_two_megabyte_cell_is_quoted_short_in_the_report_and_in_the_quarantine()
    {
        var huge = new string('X', 2 * 1024 * 1024);
        var file = Encoding.UTF8.GetBytes($"sagsnr;forvaltning;enhed;sagstype;oprettet\r\n1;BUF;{huge};Pladsanvisning;03-02-2025\r\n2;BUF;Vuggestuen Mælkebøtten;Pladsanvisning;03-02-2025\r\n");

        var refused = await ImportAsync(file, "Stor-celle");
        Assert.False(refused.Imported);
        var error = Assert.Single(refused.FirstErrors);
        Assert.Equal($"Linje 2, kolonne Unit: ukendt enhed '{huge[..200]}…' (2 097 152 tegn) i BUF.", error);

        var quarantined = await ImportAsync(file, "Stor-celle", ErrorPolicy.QuarantineBadRows);
        Assert.True(quarantined.Imported);
        var kept = await app.WithDbAsync(db => db.Set<QuarantinedRow>().Where(r => r.ExtractId == quarantined.ExtractId).Select(r => r.Errors).SingleAsync());
        Assert.Equal(error, kept);
    }

    [Fact]
    public async Task The_upload_page_reads_an_excel_file_and_says_it_was_windows_1252()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var response = await advisor.PostFilesAsync("/Extracts", "/Extracts",
            new Dictionary<string, string> { ["source"] = "Excel-upload", ["from"] = "2025-01-01", ["to"] = "2025-12-31", ["policy"] = "RejectFile", ["columns"] = "" },
            new UploadFile("file", "udtraek.csv", ExcelFile()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = "";
        for (var i = 0; i < 100 && !page.Contains("id=\"resultat\""); i++)
        {
            await Task.Delay(100);
            page = WebUtility.HtmlDecode(await advisor.GetStringAsync(response.Headers.Location!.OriginalString));
        }
        Assert.Contains("2 rækker importeret. Filen var gemt som Windows-1252 (ANSI) og er læst som sådan.", page);
        Assert.DoesNotContain("M�lkeb�tten", page);
    }

    [Fact]
    public async Task The_command_line_reads_an_excel_file_and_says_it_was_windows_1252()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cli-ansi-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, ExcelFile());
        var output = new StringWriter();

        var code = await ExtractCommand.RunAsync(app.Services, [ExtractCommand.Name, file, "--source", "Excel-CLI", "--from", "2025-01-01", "--to", "2025-12-31"], output);

        File.Delete(file);
        Assert.Equal(0, code);
        Assert.Contains("2 rækker importeret. Filen var gemt som Windows-1252 (ANSI) og er læst som sådan.", output.ToString());
    }

    [Fact]
    public void A_csv_export_writes_formula_like_text_with_an_apostrophe_and_numbers_as_numbers()
    {
        var table = new ExportTable("Test", ["Enhed", "Antal", "Andel"],
        [
            ["=HYPERLINK(\"http://x\";\"klik\")", -3, -0.5],
            ["+45 12 34 56 78", 7L, 1.25],
            ["-1+2", 0, null],
            ["@SUM(A1)", 1, 0.0],
            ["\tTab", 1, 0.0],
            ["\rCR", 1, 0.0],
            ["Vuggestuen Mælkebøtten", 1, 0.0],
        ]);

        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(Encoding.UTF8.GetString(table.ToCsv()).TrimStart('\uFEFF'));
        var rows = reader.Enumerate(r => (Unit: r["Enhed"].ToString(), Count: r["Antal"].ToString(), Share: r["Andel"].ToString())).ToList();

        Assert.Equal(["'=HYPERLINK(\"http://x\";\"klik\")", "'+45 12 34 56 78", "'-1+2", "'@SUM(A1)", "'\tTab", "'\rCR", "Vuggestuen Mælkebøtten"], rows.Select(r => r.Unit));
        Assert.Equal(("-3", "-0,5"), (rows[0].Count, rows[0].Share));
        Assert.Equal(("7", "1,25"), (rows[1].Count, rows[1].Share));
    }
}
