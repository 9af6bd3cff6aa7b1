using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// Accessibility checks with axe-core (Deque) on the page as the browser shows it: the rules of WCAG
/// 2.0 and 2.1, levels A and AA (what the Danish web accessibility act, <i>webtilgængelighedsloven</i>,
/// requires through EN 301 549). Call it on every state of a page worth checking (empty form, error
/// message, after sending), e.g. <c>await Axe.AssertNoViolationsAsync(page);</c>.
/// </summary>
public static class Axe
{
    /// <summary>The axe tags checked: WCAG 2.0 and 2.1, A and AA.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Runs axe on the page (or only inside <paramref name="include"/>, a CSS selector) and fails with one line
    /// per violation: the rule, its impact, its help text and the selectors of the elements that break it.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page, string? include = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } };
        var result = include is null
            ? await page.RunAxe(options)
            : await page.RunAxe(new AxeRunContext { Include = [new AxeSelector(include)] }, options);
        if (result.Violations.Length == 0) return;
        // A picture of the page as axe saw it, for whoever reads the failure.
        var screenshot = Path.Combine(Path.GetTempPath(), $"axe-{Guid.NewGuid():N}.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.Fail(Describe(page.Url, result.Violations) + $"\n(screenshot: {screenshot})");
    }

    /// <summary>The failure message: the address, then per violation "rule (impact): help – selectors".</summary>
    public static string Describe(string url, IEnumerable<AxeResultItem> violations) =>
        $"axe found WCAG 2.1 A/AA violations on {url}:" + string.Concat(violations.Select(v =>
            $"\n- {v.Id} ({v.Impact ?? "?"}): {v.Help} – " + string.Join(", ", v.Nodes.Select(n => n.Target?.ToString() ?? n.Html))));
}
