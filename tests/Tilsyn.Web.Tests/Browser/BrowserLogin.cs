using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>Logging in as a person does: through the Danish login form, by its labels.</summary>
public static class BrowserLogin
{
    /// <summary>Opens the login page and logs in as <paramref name="user"/> (a demo user, demo password unless given).</summary>
    public static async Task LogInAsync(this IPage page, string user, string password = HttpClientExtensions.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.SubmitLoginFormAsync(user, password);
    }

    /// <summary>Fills in and sends the login form the page is showing.</summary>
    public static async Task SubmitLoginFormAsync(this IPage page, string user, string password = HttpClientExtensions.DemoPassword)
    {
        await page.GetByLabel("Brugernavn eller e-mail", new() { Exact = true }).FillAsync(user);
        await page.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Does <paramref name="action"/> (a key press, a click) and waits until the page it leads to has loaded:
    /// the next document committed in the main frame (after any redirects), then its load event. Also when
    /// the new page has the same address as the old one (a form that answers with its own page).
    /// </summary>
    public static async Task AfterNavigationAsync(this IPage page, Func<Task> action)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame) committed.TrySetResult();
        }
        page.FrameNavigated += OnNavigated;
        try
        {
            await action();
            await committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
