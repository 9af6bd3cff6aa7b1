using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// A citizen who uses only the keyboard (issue 16, acceptance): Tab, Shift+Tab, Enter, the arrow keys and typing into
/// whatever has the focus; no clicks and no filling in of fields by the test. The tab order follows the form, every
/// focused element shows its focus, the error summary takes the focus and its links move it to the field, and nothing
/// on the page times out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardComplaintTests(BrowserFixture browser)
{
    /// <summary>The form's stops in the order a sighted person reads it (ids; the help text's link as "a:text").</summary>
    private static readonly string[] FormOrder =
        ["Name", "Email", "Phone", "Address", "Cpr", "a:Mine sager", "Type", "AdministrationId", "Subject", "Description", "Files", "button:Send til Borgerrådgiveren"];

    /// <summary>The focused element as "id", "a:text" or "button:text", and whether its focus shows (an outline or a box shadow).</summary>
    private const string Focused = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return { name: '', shows: false, inForm: false };
          const s = getComputedStyle(e);
          const shows = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
          const name = e.id ? e.id : e.tagName.toLowerCase() + ':' + e.textContent.trim();
          return { name, shows, inForm: !!e.closest('form.stack') };
        }
        """;

    private sealed class FocusState
    {
        public string Name { get; set; } = "";
        public bool Shows { get; set; }
        public bool InForm { get; set; }
    }

    private static async Task<FocusState> FocusedAsync(IPage page) => await page.EvaluateAsync<FocusState>(Focused);

    [Fact]
    public async Task A_citizen_sends_a_complaint_with_the_keyboard_alone_and_corrects_it_through_the_error_summary()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/klage");
        // Nothing on the page times out: no refresh, no script (the policy forbids it), a session-long antiforgery cookie.
        Assert.Equal(0, await page.Locator("meta[http-equiv='refresh' i]").CountAsync());
        Assert.False((await response!.AllHeadersAsync()).ContainsKey("refresh"));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        var antiforgery = (await page.Context.CookiesAsync()).Single(c => c.Name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Equal(-1, antiforgery.Expires); // a session cookie: the form's token does not run out while the citizen writes
        // The style sheet has a focus style of its own.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => [...s.cssRules].some(r => (r.selectorText || '').includes(':focus-visible')))"));

        // The first Tab reaches the skip link; Enter on it jumps past the menu to the content.
        await page.Keyboard.PressAsync("Tab");
        var skip = await FocusedAsync(page);
        Assert.Equal("a:Spring til indhold", skip.Name);
        Assert.True(skip.Shows, "the skip link shows no focus");
        await page.Keyboard.PressAsync("Enter");

        // Tab through the form, typing into the fields as they get the focus: no name, an e-mail address that is not one.
        var order = new List<string>();
        var typed = new Dictionary<string, string>
        {
            ["Email"] = "maria-ved-borger.example",
            ["Subject"] = "Plads opsagt uden partshøring",
            ["Description"] = "Vores søns plads i vuggestuen blev opsagt, uden at vi fik lov at udtale os først.",
        };
        for (var i = 0; i < 40 && order.LastOrDefault() != FormOrder[^1]; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (!focused.InForm) continue; // the introduction's links, before the form
            Assert.True(focused.Shows, $"{focused.Name} shows no focus");
            order.Add(focused.Name);
            if (typed.TryGetValue(focused.Name, out var text)) await page.Keyboard.TypeAsync(text);
            if (focused.Name == "AdministrationId")
            {
                // The arrow keys choose in a list box.
                await page.Keyboard.PressAsync("ArrowDown");
                Assert.NotEqual("", await page.EvalOnSelectorAsync<string>("#AdministrationId", "e => e.value"));
            }
        }
        Assert.Equal(FormOrder, order);
        // Shift+Tab goes back the same way.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("Files", (await FocusedAsync(page)).Name);
        await page.Keyboard.PressAsync("Tab");

        // Enter on the button sends it; the summary takes the focus and names both problems.
        await page.AfterNavigationAsync(() => page.Keyboard.PressAsync("Enter"));
        var summary = page.Locator("#fejl");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#Email")).ToHaveAttributeAsync("aria-invalid", "true");
        // What was written is kept.
        await Assertions.Expect(page.Locator("#Description")).ToHaveValueAsync(typed["Description"]);

        // Tab to the summary's first link, Enter: the focus is in the name field.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#Name", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.True((await FocusedAsync(page)).Shows, "the summary's link shows no focus");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Maria Nielsen");

        // Shift+Tab back to the summary's last link (the e-mail's), Enter: the focus is in the e-mail field; correct it.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("#Email", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Email")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("maria@borger.example");

        // Enter in a field sends the form: the receipt.
        await page.AfterNavigationAsync(() => page.Keyboard.PressAsync("Enter"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tak – vi har modtaget din henvendelse" })).ToBeVisibleAsync();
        Assert.EndsWith("/klage/kvittering", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#sagsnummer")).Not.ToBeEmptyAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
