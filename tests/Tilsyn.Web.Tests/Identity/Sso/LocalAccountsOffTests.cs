using Microsoft.Playwright;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Tests.Browser;

namespace Tilsyn.Web.Tests.Identity.Sso;

/// <summary>Single sign-on only (<c>Authentication:LocalAccounts=false</c>) and no group mapping.</summary>
[Collection(SsoOnlyCollection.Name)]
public sealed class LocalAccountsOffTests(SsoOnlyFixture sso)
{
    [Fact]
    public async Task The_password_form_is_gone_and_a_posted_password_is_refused()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ind med Testkommunes konto" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByLabel("Adgangskode").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        // The form's POST, with a valid antiforgery token (from the button's form) and a right password.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var response = await page.Context.APIRequest.PostAsync("/Account/Login", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Set("UserName", "sagsbehandler").Set("Password", HttpClientExtensions.DemoPassword).Set("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });
        Assert.Equal(403, response.Status);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        Assert.False(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.Login && e.UserName.Contains("sagsbehandler"))));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_user_without_group_mapping_is_refused_with_the_danish_page()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync("/Cases");
        await page.SignInAtProviderAsync("entra-x", "ny.medarbejder@testkommune.dk", "Ny Medarbejder", "tilsyn-sagsbehandlere");

        await Assertions.Expect(page.GetByText("Spørg din administrator")).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/Account/SsoAfvist", page.Url);
        await Axe.AssertNoViolationsAsync(page);
        Assert.False(await sso.App.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == "NY.MEDARBEJDER@TESTKOMMUNE.DK")));
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.LoginFailed && e.Detail.Contains("ingen bruger i Tilsyn"))));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_known_user_signs_in_through_the_provider_and_returns_to_the_page_asked_for()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync("/Cases");
        await page.SignInAtProviderAsync("entra-sara", "sagsbehandler@tilsyn.example", "Sara Holm", amr: "pwd");

        await Assertions.Expect(page).ToHaveURLAsync(sso.BaseUrl + "/Cases");
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.Login && e.Detail.EndsWith("amr: pwd"))));
        await page.Context.CloseAsync();
    }
}
