using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tilsyn.Integration;

namespace Tilsyn.Web.Tests.Integration;

/// <summary>
/// The application pointed at the test identity provider for the integration API's tokens. Its clock starts at
/// real time, because the provider issues tokens on real time and the API checks their lifetime on the
/// application's clock (so a test can move past a token's expiry).
/// </summary>
public sealed class IntegrationApp(IDictionary<string, string?> settings) : TilsynApp
{
    protected override DateTimeOffset StartTime { get; } = DateTimeOffset.UtcNow;
    protected override IDictionary<string, string?> Settings => settings;
}

/// <summary>
/// The test identity provider with machine clients, and the application with those clients in its registry:
/// <c>sagssystem</c> (all scopes, and an API key), <c>kun-laes</c> (token and registry: read only),
/// <c>for-meget</c> (token: every scope; registry: read only), <c>ukendt</c> (not registered), <c>opsagt</c> (revoked),
/// <c>platform</c> (extracts, a second client for the job-ownership test).
/// </summary>
public class IntegrationFixture : IAsyncLifetime
{
    public const string Secret = "maskin-hemmelighed";
    public TestIdentityProvider Idp { get; private set; } = null!;
    public IntegrationApp App { get; private set; } = null!;
    public string SagssystemKey { get; private set; } = "";

    protected virtual string Audience => TestIdentityProvider.ApiAudience;

    public async Task InitializeAsync()
    {
        Idp = await TestIdentityProvider.StartAsync();
        string[] all = [.. IntegrationScopes.All];
        Idp.AddMachineClient("sagssystem", Secret, all);
        Idp.AddMachineClient("kun-laes", Secret, IntegrationScopes.CasesRead);
        Idp.AddMachineClient("for-meget", Secret, all);
        Idp.AddMachineClient("ukendt", Secret, all);
        Idp.AddMachineClient("opsagt", Secret, all);
        Idp.AddMachineClient("platform", Secret, all);
        App = new IntegrationApp(new Dictionary<string, string?>
        {
            ["Authentication:Api:Authority"] = Idp.Authority,
            ["Authentication:Api:Audience"] = Audience,
            ["Authentication:Api:RequireHttpsMetadata"] = "false",
            ["Authentication:Api:TokenUrl"] = Idp.Authority + "connect/token",
        });
        App.NewClient().Dispose(); // start (and seed) before any parallel use
        SagssystemKey = await App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var sagssystem = new IntegrationClient("Sagssystem", "sagssystem", all, now, "test");
            var key = sagssystem.IssueKey(now);
            db.AddRange(sagssystem,
                new IntegrationClient("Kun læsning", "kun-laes", [IntegrationScopes.CasesRead], now, "test"),
                new IntegrationClient("For meget i tokenet", "for-meget", [IntegrationScopes.CasesRead], now, "test"),
                new IntegrationClient("Integrationsplatform", "platform", all, now, "test"));
            var revoked = new IntegrationClient("Opsagt", "opsagt", all, now, "test");
            revoked.Revoke(now);
            db.Add(revoked);
            await db.SaveChangesAsync();
            return key;
        });
    }

    public async Task<string> TokenAsync(string client, string? scope = null)
    {
        var (status, token, error) = await Idp.RequestClientCredentialsTokenAsync(client, Secret, scope ?? string.Join(' ', IntegrationScopes.All));
        Assert.True(status == HttpStatusCode.OK, $"token for {client}: {status} {error}");
        return token!;
    }

    /// <summary>A client of the API with a bearer token (no cookies).</summary>
    public async Task<HttpClient> BearerClientAsync(string client, string? scope = null)
    {
        var http = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, scope));
        return http;
    }

    public HttpClient AnonymousClient() =>
        App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Idp is not null) await Idp.DisposeAsync();
    }
}

/// <summary>The same, but the application expects another audience than the provider's tokens carry.</summary>
public sealed class OtherAudienceFixture : IntegrationFixture
{
    protected override string Audience => "et-andet-api";
}

public static class IntegrationRequests
{
    public const string Cases = "/api/integration/v1/cases";

    public static object ValidCase(string subject) => new
    {
        name = "Karen Integration",
        email = "karen.integration@example.org",
        phone = "+45 11 22 33 44",
        address = "Rådhuspladsen 1, 1550 København V",
        cpr = "1203851234",
        administration = "BUF",
        subject,
        description = "Sagssystemet har modtaget en klage over sagsbehandlingstiden.",
        type = "complaint",
        channel = "letter",
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
