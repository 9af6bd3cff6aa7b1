using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright: the one place the browser tests launch a browser. Nothing
/// downloads a browser (never <c>playwright install</c>): the executable is <c>/usr/bin/chromium</c>,
/// or <c>TILSYN_CHROMIUM</c>. Each test page gets a context of its own (its own cookies), in Danish.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Headless, no sandbox (containers), and nothing that calls home.</summary>
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly IPlaywright playwright;

    public IBrowser Browser { get; }

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("TILSYN_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page in a fresh context (no cookies) whose relative addresses go to <paramref name="baseUrl"/>.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "da-DK" });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
