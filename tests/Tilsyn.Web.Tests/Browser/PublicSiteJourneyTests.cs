using Microsoft.Playwright;
using Tilsyn.Publishing;
using Tilsyn.Web.Tests.Security;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>The demo municipality (published annual reports 2023–2025, FOKUS 2013 and 2015 on the website, 2017 not) in the browser.</summary>
public sealed class PublicSiteBrowserFixture : BrowserFixture<DemoApp>;

/// <summary>
/// Issue 16's acceptance, anonymous: <c>/offentlig</c> lists the published reports, the 2025 report's PDF and
/// Word download byte for byte as frozen at publication, a FOKUS round not put on the website is neither
/// listed nor reachable, every public page passes axe (WCAG 2.1 A/AA), and the open-data CSV opens with æøå and no count from 1 to 4.
/// </summary>
public sealed class PublicSiteJourneyTests(PublicSiteBrowserFixture browser) : IClassFixture<PublicSiteBrowserFixture>
{
    [Fact]
    public async Task A_citizen_reads_the_published_reports_downloads_the_frozen_2025_files_and_never_sees_an_unpublished_FOKUS_round()
    {
        var stored = await browser.App.WithDbAsync(db => db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == 2025 && r.PublishedAt != null)
            .Select(r => new { r.PublishedPdf, r.PublishedDocx }).SingleAsync());
        var page = await browser.NewPageAsync();

        // The complaint form leads to the public site.
        await page.GotoAsync("/klage");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Læs Borgerrådgiverens beretninger og tal" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Borgerrådgiverens beretninger og tal");
        var reports = page.Locator("#beretning-liste");
        foreach (var year in new[] { 2023, 2024, 2025 })
            await Assertions.Expect(reports.GetByRole(AriaRole.Link, new() { Name = $"Beretning {year}", Exact = true })).ToBeVisibleAsync();
        var fokus = page.Locator("#fokus-liste");
        await Assertions.Expect(fokus.GetByRole(AriaRole.Link, new() { Name = "FOKUS 2015", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(fokus.GetByRole(AriaRole.Link, new() { Name = "FOKUS 2017", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tal for hele kommunen" })).ToHaveAttributeAsync("href", "/offentlig/tal");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Åbne data" })).ToHaveAttributeAsync("href", "/offentlig/data/ordbog");
        await Axe.AssertNoViolationsAsync(page);

        // The 2025 report's files, downloaded by the browser, are the stored publication byte for byte.
        var pdf = await page.RunAndWaitForDownloadAsync(() => reports.GetByRole(AriaRole.Link, new() { Name = "PDF (beretning 2025)" }).ClickAsync());
        Assert.Equal("Beretning-2025.pdf", pdf.SuggestedFilename);
        Assert.Equal(stored.PublishedPdf, await File.ReadAllBytesAsync((await pdf.PathAsync())!));
        var docx = await page.RunAndWaitForDownloadAsync(() => reports.GetByRole(AriaRole.Link, new() { Name = "Word (beretning 2025)" }).ClickAsync());
        Assert.Equal("Beretning-2025.docx", docx.SuggestedFilename);
        Assert.Equal(stored.PublishedDocx, await File.ReadAllBytesAsync((await docx.PathAsync())!));

        // And over plain HTTP at the stable URLs, without any login.
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(browser.BaseUrl) })
        {
            Assert.Equal(stored.PublishedPdf, await http.GetByteArrayAsync("/offentlig/beretning/2025.pdf"));
            Assert.Equal(stored.PublishedDocx, await http.GetByteArrayAsync("/offentlig/beretning/2025.docx"));
            foreach (var path in new[] { "/offentlig/fokus/2017", "/offentlig/fokus/2017.pdf", "/offentlig/fokus/2017.docx" })
                Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
        }

        // The report's page, as published.
        await page.AfterNavigationAsync(() => reports.GetByRole(AriaRole.Link, new() { Name = "Beretning 2025", Exact = true }).ClickAsync());
        Assert.EndsWith("/offentlig/beretning/2025", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2025");
        await Axe.AssertNoViolationsAsync(page);

        // A FOKUS report on the website, and the one that is not: 404.
        await page.GotoAsync("/offentlig");
        await page.AfterNavigationAsync(() => page.Locator("#fokus-liste").GetByRole(AriaRole.Link, new() { Name = "FOKUS 2015", Exact = true }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("FOKUS 2015");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("BUF");
        await Axe.AssertNoViolationsAsync(page);
        var unpublished = await page.GotoAsync("/offentlig/fokus/2017");
        Assert.Equal(404, unpublished!.Status);

        // The accessibility statement.
        await page.GotoAsync("/offentlig");
        await page.AfterNavigationAsync(() => page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Tilgængelighedserklæring" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tilgængelighedserklæring");
        await Assertions.Expect(page.Locator("#pdf")).ToContainTextAsync("Word-fil");
        await Axe.AssertNoViolationsAsync(page);

        // The open data: from the front page to the data dictionary, then the complaints CSV as the browser downloads it.
        await page.GotoAsync("/offentlig");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Åbne data" }).ClickAsync());
        await Axe.AssertNoViolationsAsync(page);
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "klager.csv", Exact = true }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // the BOM: Excel reads UTF-8 and shows æøå right
        var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("Børne- og Ungdomsforvaltningen", text, StringComparison.Ordinal);
        var cells = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(line => line.Split(';')).ToList();
        Assert.NotEmpty(cells);
        Assert.Contains("<5", cells); // the demo has small numbers, and they are hidden …
        Assert.DoesNotContain(cells, c => c.Trim('"') is "1" or "2" or "3" or "4"); // … never shown as a count from 1 to 4
        await page.Context.CloseAsync();
    }
}
