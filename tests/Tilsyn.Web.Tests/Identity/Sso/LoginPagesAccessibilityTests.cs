using Microsoft.Playwright;
using Tilsyn.Web.Tests.Browser;

namespace Tilsyn.Web.Tests.Identity.Sso;

/// <summary>
/// The login pages with both ways in (the municipality's single sign-on and a local account) pass axe
/// (WCAG 2.1 A/AA) as they first show and after a refused login.
/// </summary>
[Collection(SsoWithGroupsCollection.Name)]
public sealed class LoginPagesAccessibilityTests(SsoWithGroupsFixture sso)
{
    [Fact]
    public async Task The_login_page_with_single_sign_on_and_a_password_form_is_accessible_also_after_a_refused_login()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ind med Testkommunes konto" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Med brugernavn og adgangskode" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.AfterNavigationAsync(() => page.SubmitLoginFormAsync("ingen-saadan-bruger", "forkert-adgangskode"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_refusal_page_of_single_sign_on_is_accessible()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/Account/SsoAfvist");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen adgang til Tilsyn" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
