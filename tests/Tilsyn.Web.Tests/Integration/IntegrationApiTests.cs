using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tilsyn.Integration;
using Tilsyn.Web.AccessLogging;
using static Tilsyn.Web.Tests.Integration.IntegrationRequests;

namespace Tilsyn.Web.Tests.Integration;

public sealed class IntegrationApiTests(IntegrationFixture f) : IClassFixture<IntegrationFixture>
{
    private Task<int> CasesWithSubjectAsync(string subject) => f.App.WithDbAsync(db => db.Cases.CountAsync(c => c.Subject == subject));

    private Task<List<AccessLogEntry>> LogAsync(long afterId) =>
        f.App.WithDbAsync(db => db.AccessLog.Where(l => l.Id > afterId).OrderBy(l => l.Id).ToListAsync());

    private Task<long> LastLogIdAsync() => f.App.WithDbAsync(async db => await db.AccessLog.MaxAsync(l => (long?)l.Id) ?? 0);

    [Fact]
    public async Task A_token_with_the_right_scope_registers_a_case_that_staff_then_find_by_its_number()
    {
        var api = await f.BearerClientAsync("sagssystem");
        var before = await LastLogIdAsync();

        var response = await api.PostAsJsonAsync(Cases, ValidCase("Klage via sagssystemet"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.JsonAsync()).GetProperty("number").GetString()!;
        Assert.Equal($"/api/integration/v1/cases/{number}", response.Headers.Location!.OriginalString);
        var staff = f.App.NewClient();
        await staff.LoginOkAsync("sagsbehandler");
        var page = await staff.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Klage via sagssystemet", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        // Logged as the case's registration, with the client as actor, as the form's registration is.
        var line = Assert.Single(await LogAsync(before), l => l.CaseNumber == number && l.UserName.StartsWith("API-klient"));
        Assert.Equal(AccessAction.Create, line.Action);
        Assert.Equal("API-klient: Sagssystem", line.UserName);

        var status = await api.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var json = await status.JsonAsync();
        Assert.Equal("received", json.GetProperty("status").GetString());
        Assert.Equal("BUF", json.GetProperty("administration").GetProperty("code").GetString());
        Assert.Equal("firstAnswer", json.GetProperty("openDeadlines")[0].GetProperty("kind").GetString());
        // No citizen data in the status.
        var text = json.GetRawText();
        Assert.DoesNotContain("Karen", text);
        Assert.DoesNotContain("1203851234", text);
        Assert.DoesNotContain("karen.integration", text);
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_registers_the_case_once()
    {
        var api = await f.BearerClientAsync("sagssystem");
        var body = ValidCase("Gentaget kald fra platformen");
        HttpRequestMessage Post(object b) => new(HttpMethod.Post, Cases) { Content = JsonContent.Create(b), Headers = { { "Idempotency-Key", "platform-8f2c1" } } };

        var first = await api.SendAsync(Post(body));
        var retry = await api.SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("number").GetString(), (await retry.JsonAsync()).GetProperty("number").GetString());
        Assert.Equal(1, await CasesWithSubjectAsync("Gentaget kald fra platformen"));

        // The same key for another case is refused, not answered with the first case.
        var other = await api.SendAsync(Post(ValidCase("En helt anden sag")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(0, await CasesWithSubjectAsync("En helt anden sag"));
    }

    [Fact]
    public async Task Parallel_retries_with_the_same_idempotency_key_register_the_case_once()
    {
        var apis = new List<HttpClient>();
        for (var i = 0; i < 4; i++) apis.Add(await f.BearerClientAsync("sagssystem"));
        var responses = await Task.WhenAll(apis.Select(api => api.SendAsync(new HttpRequestMessage(HttpMethod.Post, Cases)
        {
            Content = JsonContent.Create(ValidCase("Samtidige kald")),
            Headers = { { "Idempotency-Key", "samtidig-1" } },
        })));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Equal(1, await CasesWithSubjectAsync("Samtidige kald"));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_fields_and_nothing_is_written()
    {
        var api = await f.BearerClientAsync("sagssystem");
        var cases = await f.App.WithDbAsync(db => db.Cases.CountAsync());

        var response = await api.PostAsJsonAsync(Cases, new { name = "Ole", email = "ikke-en-adresse", subject = "", description = "Noget", channel = "letter", cpr = "1234" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("subject", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("cpr", out _), errors.GetRawText());
        Assert.Equal(cases, await f.App.WithDbAsync(db => db.Cases.CountAsync()));

        var unknown = await api.PostAsJsonAsync(Cases, new { name = "Ole", subject = "S", description = "D", channel = "brevdue", administration = "XYZ" });
        var unknownErrors = (await unknown.JsonAsync()).GetProperty("errors");
        Assert.True(unknownErrors.TryGetProperty("channel", out _));
        Assert.True(unknownErrors.TryGetProperty("administration", out _));

        var notJson = await api.PostAsync(Cases, new StringContent("{ikke json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(cases, await f.App.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_a_challenge_for_each_way_in()
    {
        var response = await f.AnonymousClient().PostAsJsonAsync(Cases, ValidCase("Uden token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Contains("Bearer", challenges);
        Assert.Contains("ApiKey", challenges);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await CasesWithSubjectAsync("Uden token"));
    }

    [Fact]
    public async Task A_forged_or_expired_token_is_401()
    {
        var token = await f.TokenAsync("sagssystem");
        var forged = f.AnonymousClient();
        // The signature no longer matches the payload.
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"{Cases}/2026-0001")).StatusCode);

        var expired = f.AnonymousClient();
        expired.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var now = f.App.Clock.GetUtcNow();
        f.App.Clock.AdjustTime(now.AddHours(3)); // past the token's lifetime (an hour) and the clock skew
        try
        {
            var response = await expired.GetAsync($"{Cases}/2026-0001");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("invalid_token"));
        }
        finally
        {
            f.App.Clock.AdjustTime(now);
        }
    }

    [Fact]
    public async Task A_token_without_the_scope_is_403_and_logged_as_refused()
    {
        var reader = await f.BearerClientAsync("kun-laes", IntegrationScopes.CasesRead);
        var before = await LastLogIdAsync();

        var response = await reader.PostAsJsonAsync(Cases, ValidCase("Uden rettighed"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CasesWithSubjectAsync("Uden rettighed"));
        var line = Assert.Single(await LogAsync(before));
        Assert.Equal(AccessAction.Refused, line.Action);
        Assert.Equal("API-klient: Kun læsning", line.UserName);
        Assert.Contains(IntegrationScopes.CasesWrite, line.Detail);
    }

    [Fact]
    public async Task A_scope_in_the_token_that_the_registry_does_not_grant_is_403()
    {
        var api = await f.BearerClientAsync("for-meget");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync(Cases, ValidCase("For meget"))).StatusCode);
        Assert.Equal(0, await CasesWithSubjectAsync("For meget"));
    }

    [Fact]
    public async Task A_scope_granted_by_the_registry_but_not_in_the_token_is_403()
    {
        var api = await f.BearerClientAsync("sagssystem", IntegrationScopes.CasesRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync(Cases, ValidCase("Ikke i tokenet"))).StatusCode);
    }

    [Theory]
    [InlineData("ukendt")]
    [InlineData("opsagt")]
    public async Task An_unregistered_or_revoked_client_is_403_with_a_valid_token(string client)
    {
        var api = await f.BearerClientAsync(client);
        var before = await LastLogIdAsync();

        var response = await api.PostAsJsonAsync(Cases, ValidCase($"Fra {client}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CasesWithSubjectAsync($"Fra {client}"));
        var line = Assert.Single(await LogAsync(before));
        Assert.Equal(AccessAction.Refused, line.Action);
        Assert.Equal($"Ukendt API-klient ({client})", line.UserName);
    }

    [Fact]
    public async Task An_api_key_works_in_either_header_and_a_wrong_key_is_401()
    {
        var viaHeader = f.AnonymousClient();
        viaHeader.DefaultRequestHeaders.Add("X-Api-Key", f.SagssystemKey);
        Assert.Equal(HttpStatusCode.Created, (await viaHeader.PostAsJsonAsync(Cases, ValidCase("Med API-nøgle"))).StatusCode);

        var viaAuthorization = f.AnonymousClient();
        viaAuthorization.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", f.SagssystemKey);
        Assert.Equal(HttpStatusCode.Created, (await viaAuthorization.PostAsJsonAsync(Cases, ValidCase("Med API-nøgle"))).StatusCode);
        Assert.Equal(2, await CasesWithSubjectAsync("Med API-nøgle"));

        var wrong = f.AnonymousClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", f.SagssystemKey[..^1] + (f.SagssystemKey[^1] == 'x' ? 'y' : 'x'));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsJsonAsync(Cases, ValidCase("Forkert nøgle"))).StatusCode);
        Assert.Equal(0, await CasesWithSubjectAsync("Forkert nøgle"));
    }

    [Fact]
    public async Task A_staff_session_cannot_call_the_api_and_a_token_cannot_open_staff_pages()
    {
        var staff = f.App.NewClient();
        await staff.LoginOkAsync("kontorchef");
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync($"{Cases}/2026-0001")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.PostAsJsonAsync(Cases, ValidCase("Med cookie"))).StatusCode);
        Assert.Equal(0, await CasesWithSubjectAsync("Med cookie"));

        var api = await f.BearerClientAsync("sagssystem");
        foreach (var page in new[] { "/Cases", "/Integration/Klienter", "/Adgangslog" })
        {
            var response = await api.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        }
        var keyed = f.AnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", f.SagssystemKey);
        Assert.Contains("/Account/Login", (await keyed.GetAsync("/Cases")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_case_number_is_404_and_every_call_leaves_an_access_log_line()
    {
        var api = await f.BearerClientAsync("sagssystem");
        var before = await LastLogIdAsync();

        var created = await api.PostAsJsonAsync(Cases, ValidCase("Til logning"));
        var number = (await created.JsonAsync()).GetProperty("number").GetString();
        await api.GetAsync($"{Cases}/{number}");
        var missing = await api.GetAsync($"{Cases}/1999-9999");
        await api.PostAsJsonAsync(Cases, new { channel = "letter" });
        await api.GetAsync($"/api/integration/v1/extracts/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var lines = await LogAsync(before);
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Equal("API-klient: Sagssystem", l.UserName));
        Assert.Equal([AccessAction.Create, AccessAction.View, AccessAction.ApiCall, AccessAction.ApiCall, AccessAction.ApiCall], lines.Select(l => l.Action));
        // Personal data never in the log's details.
        Assert.All(lines, l => Assert.DoesNotContain("Karen", l.Detail));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_integration_endpoints_with_their_scopes()
    {
        var staff = f.App.NewClient();
        await staff.LoginOkAsync("sagsbehandler");
        var doc = JsonDocument.Parse(await staff.GetStringAsync("/openapi/v1.json")).RootElement;

        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        var flow = schemes.GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal(f.Idp.Authority + "connect/token", flow.GetProperty("tokenUrl").GetString());
        foreach (var scope in IntegrationScopes.All)
            Assert.True(flow.GetProperty("scopes").TryGetProperty(scope, out _), scope);
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());

        var paths = doc.GetProperty("paths");
        static IEnumerable<string> Scopes(JsonElement operation) =>
            operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).SelectMany(p => p.Value.EnumerateArray()).Select(s => s.GetString()!).Distinct();
        Assert.Equal([IntegrationScopes.CasesWrite], Scopes(paths.GetProperty("/api/integration/v1/cases").GetProperty("post")));
        Assert.Equal([IntegrationScopes.CasesRead], Scopes(paths.GetProperty("/api/integration/v1/cases/{number}").GetProperty("get")));
        Assert.Equal([IntegrationScopes.ExtractsWrite], Scopes(paths.GetProperty("/api/integration/v1/extracts").GetProperty("post")));
        var security = paths.GetProperty("/api/integration/v1/cases").GetProperty("post").GetProperty("security");
        Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("oauth2", out _));
        Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("apiKey", out _));
    }
}

public sealed class OtherAudienceTests(OtherAudienceFixture f) : IClassFixture<OtherAudienceFixture>
{
    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var api = await f.BearerClientAsync("sagssystem");
        var response = await api.PostAsJsonAsync(IntegrationRequests.Cases, IntegrationRequests.ValidCase("Forkert modtager"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Cases.CountAsync(c => c.Subject == "Forkert modtager")));
    }
}
