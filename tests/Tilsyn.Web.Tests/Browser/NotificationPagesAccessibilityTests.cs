using Microsoft.Playwright;
using Tilsyn.Calendar;
using Tilsyn.Recommendations;
using Tilsyn.Web.Tests.Notifications;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>The notifications pages (issue 15) pass axe (WCAG 2.1 A/AA): the list, marking read, the choices and a refused choice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationPagesAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_contact_reads_a_notification_and_changes_the_choices_on_accessible_pages()
    {
        var app = browser.App;
        var id = await app.WithDbAsync(async db =>
        {
            var bif = await db.Administrations.Where(a => a.Code == "BIF").Select(a => a.Id).SingleAsync();
            var r = new Recommendation(RecommendationSource.AuditorNote, "Direktionsnotat", bif, null, "Følg op.", DanishTime.LocalDate(app.Clock.GetUtcNow()).AddMonths(3), app.Clock.GetUtcNow(), "Test");
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        await app.WithNotifierAsync(async (n, db) => await n.RecommendationCreatedAsync(await db.Recommendations.SingleAsync(r => r.Id == id), default));

        var page = await browser.NewPageAsync();
        await page.LogInAsync("bif");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifikationer") }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifikationer", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ny henstilling til BIF" }).First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Markér som læst") }).First.ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("markeret som læst");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/Notifikationer/Indstillinger");
        await page.GetByRole(AriaRole.Group, new() { Name = "Tidlig varsling for en enhed" }).GetByLabel("Daglig oversigt").CheckAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem valg" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dine valg er gemt.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Tidlig varsling for en enhed" }).GetByLabel("Daglig oversigt")).ToBeCheckedAsync();

        // A refused choice (a tampered form) shows the page again with the message, still accessible.
        await page.EvaluateAsync("() => { document.querySelector('#valg-EarlyWarning-Off').value = 'Sometimes'; document.querySelector('#valg-EarlyWarning-Off').checked = true; }");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem valg" }).ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vælg straks, daglig oversigt eller fra");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
