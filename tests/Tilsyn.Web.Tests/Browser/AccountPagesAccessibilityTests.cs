using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// The pages of an installation with local accounts only and no citizens' login pass axe (WCAG 2.1 A/AA):
/// the login page, and the citizens' login page that says the login is not switched on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_local_login_page_is_accessible_before_and_after_a_refused_login()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Axe.AssertNoViolationsAsync(page);
        await page.AfterNavigationAsync(() => page.SubmitLoginFormAsync("ingen-saadan-bruger", "forkert-adgangskode"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_citizens_login_page_without_a_configured_broker_says_so_accessibly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/borger/login");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Login for borgere er ikke slået til");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
