using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// The administrations' own targets in the browser (issue 15): BUF's contact records a target for a KLE
/// group (first with a field missing), a reasoned "no target", and submits; the advisor sees them.
/// Every page state is checked with axe (WCAG 2.1 A/AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TargetsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task BUFs_contact_records_and_submits_targets_and_the_pages_are_accessible()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("buf");
        await page.GotoAsync("/Targets");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Måltal for Børne- og Ungdomsforvaltningen");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér et måltal eller et fravalg" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Et KLE-område").CheckAsync();
        await page.GetByLabel("KLE-gruppe eller -emne", new() { Exact = true }).FillAsync("28.09");
        await page.GetByLabel("Måltal: højst et antal").CheckAsync();
        await page.GetByLabel("Klager pr. 1.000 sager").CheckAsync();
        await page.GetByLabel("Måltal (højst)").FillAsync("4,5");
        await page.GetByLabel("Besluttet den").FillAsync("2026-09-15");
        await page.GetByLabel("Første år").FillAsync("2026");
        // "Besluttet af" left empty: the browser's own check is bypassed to see the server's answer.
        await page.EvalOnSelectorAsync("form.stack", "f => f.noValidate = true");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem som kladde" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Feltet 'Besluttet af' skal udfyldes.");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Besluttet af (fx Børne- og Ungdomsudvalget)").FillAsync("Børne- og Ungdomsudvalget");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem som kladde" }).ClickAsync());
        await Assertions.Expect(page.Locator("#egne-maltal")).ToContainTextAsync("Højst 4,5 formalitetsklager pr. 1.000 sager");

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér et måltal eller et fravalg" }).ClickAsync();
        await page.GetByLabel("Hele forvaltningen").CheckAsync();
        await page.GetByLabel("Intet måltal (begrundet)").CheckAsync();
        await page.GetByLabel("Begrundelse (ved intet måltal)").FillAsync("Læringen er størst, når den er konkret og praksisnær.");
        await page.GetByLabel("Besluttet den").FillAsync("2026-09-15");
        await page.GetByLabel("Besluttet af (fx Børne- og Ungdomsudvalget)").FillAsync("Børne- og Ungdomsudvalget");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem som kladde" }).ClickAsync());
        await Assertions.Expect(page.Locator("#egne-maltal")).ToContainTextAsync("Intet måltal: Læringen er størst");
        await Axe.AssertNoViolationsAsync(page);

        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Indsend måltal" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("indsendt til Borgerrådgiveren");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        var advisor = await browser.NewPageAsync();
        await advisor.LogInAsync("sagsbehandler");
        await advisor.GotoAsync("/Targets");
        await Assertions.Expect(advisor.Locator("#maltal")).ToContainTextAsync("Intet måltal: Læringen er størst");
        await Axe.AssertNoViolationsAsync(advisor);
        await advisor.Context.CloseAsync();
    }
}
