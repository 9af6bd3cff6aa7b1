using Microsoft.Playwright;
using Tilsyn.Web.Tests.Browser;

namespace Tilsyn.Web.Tests.Identity.Sso;

/// <summary>The application with settings of the test's choosing.</summary>
public sealed class ConfiguredApp(IDictionary<string, string?> settings) : TilsynApp
{
    protected override IDictionary<string, string?> Settings => settings;
}

/// <summary>
/// The test identity provider (<see cref="TestIdentityProvider"/>), the application on a real port
/// pointed at it for staff single sign-on and for the citizens' login, and Debian's Chromium.
/// A derived fixture adds its own settings (group mapping, local accounts off).
/// </summary>
public abstract class SsoBrowserFixture : IAsyncLifetime
{
    public const string StaffClient = "tilsyn";
    public const string CitizenClient = "tilsyn-borger";

    public TestIdentityProvider Idp { get; private set; } = null!;
    public ConfiguredApp App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private Chromium? chromium;
    public IBrowser Browser => chromium!.Browser;

    protected abstract IDictionary<string, string?> ExtraSettings { get; }

    public async Task InitializeAsync()
    {
        Idp = await TestIdentityProvider.StartAsync();
        var port = TilsynApp.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Idp.AddClient(StaffClient, "personale-hemmelighed", BaseUrl);
        Idp.AddClient(CitizenClient, "borger-hemmelighed", BaseUrl, "/borger/signin-oidc", "/borger/signout-callback-oidc");
        var settings = Idp.StaffSettings(StaffClient, "personale-hemmelighed");
        foreach (var (k, v) in Idp.CitizenSettings(CitizenClient, "borger-hemmelighed")) settings[k] = v;
        settings["Authentication:Oidc:DisplayName"] = "Testkommunes";
        foreach (var (k, v) in ExtraSettings) settings[k] = v;
        App = new ConfiguredApp(settings);
        App.UseKestrel(port);
        App.StartServer();

        chromium = await Chromium.LaunchAsync();
    }

    public Task<IPage> NewPageAsync() => chromium!.NewPageAsync(BaseUrl);

    public async Task DisposeAsync()
    {
        if (chromium is not null) await chromium.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        if (Idp is not null) await Idp.DisposeAsync();
    }
}

/// <summary>Single sign-on with a group mapping (new users are created), local accounts still on.</summary>
public sealed class SsoWithGroupsFixture : SsoBrowserFixture
{
    public const string AdvisorGroup = "tilsyn-sagsbehandlere";
    public const string BufGroup = "0B6E5C1A-7D2F-4C11-9E0A-3F5D2B8C4A10"; // an Entra ID group object id

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Authentication:Oidc:GroupClaim"] = "groups",
        [$"Authentication:Oidc:GroupRoles:{AdvisorGroup}"] = "Advisor",
        [$"Authentication:Oidc:GroupRoles:{BufGroup}"] = "AdministrationContact:BUF",
    };
}

/// <summary>Single sign-on only: local accounts off, no group mapping (unknown users are refused).</summary>
public sealed class SsoOnlyFixture : SsoBrowserFixture
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Authentication:LocalAccounts"] = "false",
    };
}

/// <summary>Signing in at the test identity provider as a person does: its form, by its labels.</summary>
public static class TestIdpLogin
{
    public static async Task SignInAtProviderAsync(this IPage page, string subject, string? email = null, string? name = null, string? groups = null, string? cpr = null, string amr = "pwd mfa")
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Testlogin" })).ToBeVisibleAsync();
        await page.GetByLabel("Bruger", new() { Exact = true }).FillAsync(subject);
        if (email is not null) await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        if (name is not null) await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
        if (groups is not null) await page.GetByLabel("Grupper", new() { Exact = true }).FillAsync(groups);
        if (cpr is not null) await page.GetByLabel("CPR", new() { Exact = true }).FillAsync(cpr);
        await page.GetByLabel("AMR", new() { Exact = true }).FillAsync(amr);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind hos testudbyderen" }).ClickAsync();
    }

    /// <summary>From the application's login page, through the municipality's button, to the provider's form.</summary>
    public static async Task StartStaffSsoAsync(this IPage page, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind med Testkommunes konto" }).ClickAsync();
    }
}
