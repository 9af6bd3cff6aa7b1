using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// An application of type <typeparamref name="TApp"/> on a real port (Kestrel) and Debian's Chromium
/// (<see cref="Chromium"/>) driven by Playwright.
/// </summary>
public class BrowserFixture<TApp> : IAsyncLifetime where TApp : TilsynApp, new()
{
    public TApp App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    private Chromium? chromium;
    public IBrowser Browser => chromium!.Browser;

    public async Task InitializeAsync()
    {
        var port = TilsynApp.FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        chromium = await Chromium.LaunchAsync();
    }

    public Task<IPage> NewPageAsync() => chromium!.NewPageAsync(BaseUrl);

    public async Task DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}

/// <summary>The application with its test settings (demo data, two-step login not required) in the browser.</summary>
public sealed class BrowserFixture : BrowserFixture<TilsynApp>;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
