using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// Issue 15: BUF's caseworker registers a complaint in BUF's own register through the Danish form, by its labels, and
/// finds it in the register; the form (also with its error summary), the case page, the register and the advisor's
/// counts-only overview pass axe (WCAG 2.1 A/AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OwnRegisterJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task BUFs_caseworker_registers_a_complaint_in_the_register_through_accessible_pages()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("buf-klage");
        await page.GotoAsync("/Forvaltning/Klager");
        await Axe.AssertNoViolationsAsync(page);
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Registrér klage" }).ClickAsync());
        await Axe.AssertNoViolationsAsync(page);

        // A date in the future is refused with an error summary.
        await page.GetByLabel("Modtaget den").FillAsync("2099-01-01");
        await page.EvaluateAsync("document.getElementById('Received').removeAttribute('max')");
        await page.GetByLabel("Borgerens navn").FillAsync("Karen Browser");
        await page.GetByLabel("Emne").FillAsync("Ikke hørt før afgørelsen");
        await page.GetByLabel("Klagen", new() { Exact = true }).FillAsync("Vi blev ikke partshørt.");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Registrér klagen" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Modtagelsesdatoen kan ikke ligge efter i dag");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Modtaget den").FillAsync(Tilsyn.Calendar.DanishTime.Today(browser.App.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Registrér klagen" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ikke hørt før afgørelsen");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync("forvaltningens eget klageregister");
        await Axe.AssertNoViolationsAsync(page);
        var number = page.Url[(page.Url.IndexOf("/Cases/", StringComparison.Ordinal) + "/Cases/".Length)..];

        await page.GotoAsync("/Forvaltning/Klager");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync(number);
        await page.Context.CloseAsync();

        var advisor = await browser.NewPageAsync();
        await advisor.LogInAsync("sagsbehandler");
        await advisor.GotoAsync("/Forvaltning/Oversigt");
        await Assertions.Expect(advisor.Locator("#oversigt")).ToContainTextAsync("BUF");
        await Assertions.Expect(advisor.Locator("#oversigt")).Not.ToContainTextAsync(number);
        await Axe.AssertNoViolationsAsync(advisor);
        await advisor.Context.CloseAsync();
    }
}
