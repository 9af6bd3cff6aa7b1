using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginJourneyTests(BrowserFixture browser)
{
    private static async Task LoginFromTheStartPageAsync(IPage page, string user)
    {
        await page.GotoAsync("/");
        // Not logged in: the app sends the browser to its Danish login page.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log ind" })).ToBeVisibleAsync();
        await page.SubmitLoginFormAsync(user);
    }

    [Fact]
    public async Task The_advisor_logs_in_through_the_login_page_and_sees_the_caseworkers_start_page()
    {
        var page = await browser.NewPageAsync();
        await LoginFromTheStartPageAsync(page, "sagsbehandler");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Sara Holm").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "BUF" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administration_contact_sees_only_its_own_portal_and_is_refused_another_administration()
    {
        var page = await browser.NewPageAsync();
        await LoginFromTheStartPageAsync(page, "buf");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forvaltningsportal – BUF" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Min forvaltning" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Børne- og Ungdomsforvaltningen (BUF)" })).ToBeVisibleAsync();

        var other = await page.GotoAsync("/Organisation/Administration/SOF");
        Assert.Equal(404, other!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Siden findes ikke" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
