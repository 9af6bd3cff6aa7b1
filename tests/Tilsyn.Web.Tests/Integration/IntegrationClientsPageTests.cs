using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Tilsyn.Integration;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Tests.Integration;

public sealed partial class IntegrationClientsPageTests(IntegrationFixture f) : IClassFixture<IntegrationFixture>
{
    private const string Page = "/Integration/Klienter";

    [GeneratedRegex("id=\"api-noegle\" readonly size=\"72\" value=\"(tilsyn_[^\"]+)\"")]
    private static partial Regex KeyField();

    private static async Task<string> ShownKeyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var match = KeyField().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the new key is shown");
        return match.Groups[1].Value;
    }

    private HttpClient KeyClient(string key)
    {
        var http = f.AnonymousClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    [Fact]
    public async Task The_head_of_office_registers_a_client_whose_key_works_once_shown_and_stops_when_revoked()
    {
        var lead = f.App.NewClient();
        await lead.LoginOkAsync("kontorchef");

        var key = await ShownKeyAsync(await lead.PostFormAsync(Page, $"{Page}?handler=Create", new()
        {
            ["Name"] = "Borgerservice-robot", ["Scopes"] = IntegrationScopes.CasesWrite, ["WithKey"] = "true",
        }));

        // Only the hash is stored, and the page never shows the key again.
        var client = await f.App.WithDbAsync(db => db.Set<IntegrationClient>().SingleAsync(c => c.Name == "Borgerservice-robot"));
        Assert.NotEqual(key, client.KeyHash);
        Assert.DoesNotContain(key, await lead.GetStringAsync(Page));
        Assert.Equal(HttpStatusCode.Created, (await KeyClient(key).PostAsJsonAsync(IntegrationRequests.Cases, IntegrationRequests.ValidCase("Fra robotten"))).StatusCode);
        // Its grants are the registry's: no status reading.
        Assert.Equal(HttpStatusCode.Forbidden, (await KeyClient(key).GetAsync($"{IntegrationRequests.Cases}/2026-0001")).StatusCode);

        // A new key replaces the old one at once.
        var newKey = await ShownKeyAsync(await lead.PostFormAsync(Page, $"{Page}?handler=IssueKey&id={client.Id}", new() { ["version"] = client.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.NotEqual(key, newKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(key).PostAsJsonAsync(IntegrationRequests.Cases, IntegrationRequests.ValidCase("Gammel nøgle"))).StatusCode);

        var version = await f.App.WithDbAsync(db => db.Set<IntegrationClient>().Where(c => c.Id == client.Id).Select(c => c.Version).SingleAsync());
        var revoked = await lead.PostFormAsync(Page, $"{Page}?handler=Revoke&id={client.Id}", new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(newKey).PostAsJsonAsync(IntegrationRequests.Cases, IntegrationRequests.ValidCase("Efter tilbagekald"))).StatusCode);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Cases.CountAsync(c => c.Subject == "Efter tilbagekald" || c.Subject == "Gammel nøgle")));

        var log = await f.App.WithDbAsync(db => db.AccessLog.Where(l => l.Detail.Contains("Borgerservice-robot")).Select(l => l.Action).ToListAsync());
        Assert.Contains(AccessAction.ApiClientCreated, log);
        Assert.Contains(AccessAction.ApiClientChanged, log);
        Assert.Contains(AccessAction.ApiClientRevoked, log);
        // The key itself is never in the access log.
        Assert.Equal(0, await f.App.WithDbAsync(db => db.AccessLog.CountAsync(l => l.Detail.Contains(ApiKey.Prefix))));
    }

    [Fact]
    public async Task A_client_with_neither_a_client_id_nor_a_key_is_refused_with_a_message()
    {
        var lead = f.App.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var response = await lead.PostFormAsync(Page, $"{Page}?handler=Create", new() { ["Name"] = "Uden adgang", ["Scopes"] = IntegrationScopes.CasesRead });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("klient-id", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Set<IntegrationClient>().CountAsync(c => c.Name == "Uden adgang")));
    }

    [Fact]
    public async Task Only_the_head_of_office_opens_the_page()
    {
        var advisor = f.App.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains("/Account/AccessDenied", (await advisor.GetAsync(Page)).Headers.Location!.OriginalString);
    }
}
