using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>The quarterly committee report and the statistics page's period picker pass axe (WCAG 2.1 A/AA), used by their labels.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuarterlyReportAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_contact_picks_a_quarter_of_the_committee_report_and_the_statistics_period_accessibly()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("buf");
        await page.GotoAsync("/Statistics/Kvartal");
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync("2025-Q1");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Vis rapport" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Klager over Børne- og Ungdomsforvaltningen – 1. kvt. 2025");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Sammenfatning" })).ToContainTextAsync("Alle klager");
        await Assertions.Expect(page.Locator("#udvikling svg")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/Statistics");
        await page.GetByLabel("Periode", new() { Exact = true }).SelectOptionAsync("2025-H1");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Vis periode" }).ClickAsync());
        await Assertions.Expect(page.Locator("#periode")).ToContainTextAsync("1. halvår 2025");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
