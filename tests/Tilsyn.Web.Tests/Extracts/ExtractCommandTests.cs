using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Extracts;

public sealed class ExtractCommandTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task The_command_line_import_prints_progress_and_the_report()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "sagsnr;forvaltning;enhed;sagstype;oprettet;afgjort\n1;KFF;Pas og kørekort;Pas;02-01-2025;05-01-2025\n2;KFF;Pas og kørekort;Pas;03-01-2025;\n");
        var output = new StringWriter();

        var code = await ExtractCommand.RunAsync(app.Services, [ExtractCommand.Name, file, "--source", "KFF-CLI", "--from", "2025-01-01", "--to", "2025-03-31"], output);

        Assert.Equal(0, code);
        Assert.Contains("100 % læst", output.ToString());
        Assert.Contains("2 rækker importeret.", output.ToString());
        Assert.True(await app.WithDbAsync(db => db.Extracts.AnyAsync(x => x.Source == "KFF-CLI")));
        File.Delete(file);
    }

    [Fact]
    public async Task Wrong_arguments_explain_the_usage()
    {
        var output = new StringWriter();
        Assert.Equal(2, await ExtractCommand.RunAsync(app.Services, [ExtractCommand.Name, "--source", "x"], output));
        Assert.StartsWith("Brug: import-extract", output.ToString());
    }
}
