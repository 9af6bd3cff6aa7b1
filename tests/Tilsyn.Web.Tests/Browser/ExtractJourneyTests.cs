using System.Text;
using Microsoft.Playwright;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ExtractJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_advisor_uploads_an_extract_watches_it_finish_and_sees_the_funnel_plot_and_the_outlier()
    {
        // Complaints in 2025 Q2: 12 against Valby Skole, 1 against Amager Fælled Skole.
        await browser.App.WithDbAsync(async db =>
        {
            var buf = await db.Administrations.SingleAsync(a => a.Code == "BUF");
            var valby = await db.OrgUnits.SingleAsync(u => u.Name == "Valby Skole");
            var amager = await db.OrgUnits.SingleAsync(u => u.Name == "Amager Fælled Skole");
            for (var i = 0; i < 13; i++)
            {
                var at = new DateTimeOffset(2025, 4, 1 + i, 9, 0, 0, TimeSpan.Zero);
                var c = CaseBuilder.ACase().Numbered(2025, 5000 + i).Via(Channel.WebForm).From("Forælder").About("Skole").ReceivedAt(at).FirstAnswerDue(new DateOnly(2025, 5, 1)).For(buf.Id).Build();
                c.Classify(CaseType.Complaint, buf.Id, i < 12 ? valby.Id : amager.Id, "17.03", [ComplaintCategory.Pedagogical], at, Actor.System);
                db.Cases.Add(c);
            }
            return await db.SaveChangesAsync();
        });
        // The extract: 1,000 cases each at Valby, Amager Fælled and Nørrebro Park in the same quarter.
        var csv = new StringBuilder("sagsnr;forvaltning;enhed;kle;sagstype;oprettet;afgjort\r\n");
        var n = 0;
        foreach (var unit in new[] { "Valby Skole", "Amager Fælled Skole", "Nørrebro Park Skole" })
            for (var i = 0; i < 1000; i++)
            {
                var opened = new DateOnly(2025, 4, 1).AddDays(i % 80);
                csv.Append($"S{n++};BUF;{unit};17.03.01;Visitation;{opened:dd-MM-yyyy};{opened.AddDays(5 + i % 30):dd-MM-yyyy}\r\n");
            }
        var file = Path.Combine(Path.GetTempPath(), $"udtraek-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(true));

        var page = await browser.NewPageAsync();
        await page.LogInAsync("sagsbehandler");
        await page.GotoAsync("/Extracts");
        await page.SetInputFilesAsync("#file", file);
        await page.GetByLabel("Kildesystem", new() { Exact = true }).FillAsync("SBSYS-BUF");
        await page.GetByLabel("Periode fra").FillAsync("2025-04-01");
        await page.GetByLabel("Periode til").FillAsync("2025-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importér" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Import af {Path.GetFileName(file)}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#resultat")).ToContainTextAsync("3.000 rækker importeret", new() { Timeout = 30_000 });
        Assert.Equal("100", await page.Locator("#fremdrift").GetAttributeAsync("value"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Se ledelsesinformationen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tragt svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#afvigelser")).ToContainTextAsync("Valby Skole");
        await Assertions.Expect(page.Locator("#afvigelser")).ToContainTextAsync("Over 99,8 %-grænsen");
        File.Delete(file);
    }
}
