using Microsoft.Playwright;
using Tilsyn.Complaints;
using Tilsyn.Recommendations;
using Tilsyn.Remedies;
using Tilsyn.Web.Tests.Remedies;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>Issue 15's remedy and "did it help?" sections pass axe (WCAG 2.1 A/AA): on the case page, the recommendation page and the statistics page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RemediesAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_remedies_the_compliance_table_and_the_before_after_comparison_are_accessible()
    {
        var app = browser.App;
        var buf = await RemedyTestData.AdminIdAsync(app, "BUF");
        var now = app.Clock.GetUtcNow();
        var c = RemedyTestData.Concluded(buf, Outcome.Criticism, now.AddDays(-40));
        var done = c.AskForRemedy(RemedyKind.Apology, null, Tilsyn.Calendar.DanishTime.LocalDate(now.AddDays(-30)), now.AddDays(-40), RemedyTestData.Advisor);
        c.RecordRemedyCarriedOut(done, Tilsyn.Calendar.DanishTime.LocalDate(now.AddDays(-35)), now, RemedyTestData.Advisor);
        c.AskForRemedy(RemedyKind.PracticeChange, "Ny skabelon for partshøring", Tilsyn.Calendar.DanishTime.LocalDate(now.AddDays(10)), now.AddDays(-40), RemedyTestData.Advisor);
        var number = await RemedyTestData.StoreAsync(app, c);
        var recId = await app.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.Where(u => u.AdministrationId == buf && u.Name == "Pladsanvisningen").Select(u => u.Id).SingleAsync();
            var r = new Recommendation(RecommendationSource.CaseAudit, "Sagsaudit 2026", buf, unit, "Partshør altid.", Tilsyn.Calendar.DanishTime.LocalDate(now.AddDays(-100)), now.AddDays(-200), "Sara Holm", ComplaintCategory.Hearing);
            r.Close("Fulgt.", now.AddDays(-60), "Sara Holm");
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

        var page = await browser.NewPageAsync();
        await page.LogInAsync("sagsbehandler");
        await page.GotoAsync($"/Cases/{number}");
        await Assertions.Expect(page.Locator("#afhjaelpninger")).ToContainTextAsync("Ny skabelon for partshøring");
        await Axe.AssertNoViolationsAsync(page, "#afhjaelpning");
        await page.GotoAsync($"/Recommendations/Details?id={recId}");
        await Assertions.Expect(page.Locator("#vurdering")).ToHaveTextAsync("ingen klar ændring");
        await Axe.AssertNoViolationsAsync(page, "#virkede-det");
        await page.GotoAsync("/Statistics");
        await Assertions.Expect(page.Locator("#efterlevelse")).ToContainTextAsync("BUF");
        await Axe.AssertNoViolationsAsync(page, "#afhjaelpning");
        await page.Context.CloseAsync();
    }
}
