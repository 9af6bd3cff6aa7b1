using Microsoft.Playwright;
using Tilsyn.Web.Tests.Browser;

namespace Tilsyn.Web.Tests.Security;

/// <summary>
/// Issue 12, point 4, in a real browser on a real port: no page breaks under the Content-Security-Policy
/// (Chromium reports every blocked style, script or image as a console error) and Kestrel names no server.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    private static readonly string[] StaffPages =
    [
        "/", "/Cases", "/Evaluations", "/Recommendations", "/Statistics", "/CaseAudits", "/AnnualReports", "/Library",
        "/Extracts", "/Organisation", "/Organisation/Kle", "/Users", "/Letters", "/Adgangslog",
    ];

    [Fact]
    public async Task No_page_breaks_under_the_content_security_policy()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        // A blocked style, script or image is a console error ("Refused to …"); so is any failed load (the site has no favicon).
        page.Console += (_, message) => { if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{page.Url}: {message.Text} {message.Location}"); };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");

        foreach (var path in new[] { "/klage", "/Account/Login", "/status/findes-ikke" })
        {
            await page.GotoAsync(path);
            await AssertStyledAsync(page);
        }
        errors.RemoveAll(e => e.Contains("404", StringComparison.Ordinal)); // the unknown status link answers 404 on purpose

        await page.LogInAsync("kontorchef");
        foreach (var path in StaffPages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await AssertStyledAsync(page);
        }

        // The annual report's charts are data: PNGs (the statistics' inline SVG: ChartMarkupTests).
        await page.GotoAsync("/AnnualReports");
        await page.GetByLabel("År", new() { Exact = true }).FillAsync("2021");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret eller åbn" }).ClickAsync();
        await page.GotoAsync("/AnnualReports/View?year=2021");
        var images = page.Locator("img[src^='data:image/png']");
        Assert.True(await images.CountAsync() > 0, "the draft report has charts");
        Assert.True(await images.First.EvaluateAsync<int>("i => i.naturalWidth") > 0, "a data: chart is shown");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Kestrel_names_no_server_and_sends_the_security_headers()
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        foreach (var path in new[] { "/klage", "/css/site.css", "/status/findes-ikke" })
        {
            var response = await client.GetAsync(path);
            SecurityHeadersAssert.Present(response);
        }
    }

    /// <summary>The site's stylesheet is applied (the blue bar at the top), so the policy let it in.</summary>
    private static async Task AssertStyledAsync(IPage page) =>
        Assert.Equal("rgb(0, 67, 110)", await page.Locator("header.top").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
}
