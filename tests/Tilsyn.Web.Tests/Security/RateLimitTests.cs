using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Security;

/// <summary>Point 3 of issue 12: complaints and login attempts are limited per client address; 429 with a Danish page.</summary>
public sealed class RateLimitTests(ClientAddressApp app) : IClassFixture<ClientAddressApp>
{
    private const string Nobody = "ingen-saadan-bruger";
    private const string WrongPassword = "forkert-adgangskode-123";

    [Fact]
    public async Task A_client_over_the_complaint_limit_gets_429_with_a_Danish_page_and_nothing_more_is_stored()
    {
        var client = app.ClientFrom("198.51.100.7");
        var fields = ComplaintForms.ValidComplaint(email: "graense@borger.example");
        var subject = fields["Form.Subject"] = $"Grænsen {Guid.NewGuid():N}";
        for (var i = 0; i < ClientAddressApp.ComplaintLimit; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await ComplaintForms.SubmitAsync(client, fields)).StatusCode);

        var refused = await ComplaintForms.SubmitAsync(client, fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>For mange forespørgsler</h1>", html);
        Assert.Contains("intet af den er gemt", html);
        Assert.Contains("<main id=\"indhold\">", html); // the site's own layout
        Assert.Contains("default-src 'self'", refused.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(ClientAddressApp.ComplaintLimit, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Subject == subject)));

        // The form still opens for the same client, and another address may still send.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/klage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ComplaintForms.SubmitAsync(app.ClientFrom("198.51.100.8"), fields)).StatusCode);
    }

    [Fact]
    public async Task Login_attempts_over_the_limit_get_429_even_with_the_right_password_and_other_addresses_still_log_in()
    {
        var client = app.ClientFrom("198.51.100.20");
        for (var i = 0; i < ClientAddressApp.LoginLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.LoginAsync(Nobody, WrongPassword)).StatusCode);

        var refused = await client.LoginAsync("sagsbehandler");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Contains("For mange forespørgsler", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode); // the page itself is not limited
        await app.ClientFrom("198.51.100.21").LoginOkAsync("sagsbehandler");
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit()
    {
        await UseUpLoginsAsync(() => app.ClientFrom(ClientAddressApp.KnownProxy, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.ClientFrom(ClientAddressApp.KnownProxy, "203.0.113.10").LoginAsync(Nobody, WrongPassword)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.ClientFrom(ClientAddressApp.KnownProxy, "203.0.113.11").LoginAsync(Nobody, WrongPassword)).StatusCode);
        // A proxy inside a listed network is trusted too.
        await UseUpLoginsAsync(() => app.ClientFrom("10.1.4.2", "203.0.113.12"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.ClientFrom("10.1.4.2", "203.0.113.12").LoginAsync(Nobody, WrongPassword)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.ClientFrom("10.1.4.2", "203.0.113.13").LoginAsync(Nobody, WrongPassword)).StatusCode);
    }

    [Fact]
    public async Task An_address_a_client_writes_into_X_Forwarded_For_itself_is_not_believed()
    {
        // Through the proxy: the client's own entries come first, the proxy appends the address it saw; that one counts.
        var i = 0;
        await UseUpLoginsAsync(() => app.ClientFrom(ClientAddressApp.KnownProxy, $"192.0.2.{++i}, 203.0.113.20"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.ClientFrom(ClientAddressApp.KnownProxy, "192.0.2.99, 203.0.113.20").LoginAsync(Nobody, WrongPassword)).StatusCode);

        // Straight from an address that is not a listed proxy, the header is ignored: rotating it does not help.
        await UseUpLoginsAsync(() => app.ClientFrom("198.51.100.30", $"203.0.113.{50 + ++i}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.ClientFrom("198.51.100.30", "203.0.113.99").LoginAsync(Nobody, WrongPassword)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.ClientFrom("198.51.100.31").LoginAsync(Nobody, WrongPassword)).StatusCode);
    }

    private static async Task UseUpLoginsAsync(Func<HttpClient> client)
    {
        for (var i = 0; i < ClientAddressApp.LoginLimit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client().LoginAsync(Nobody, WrongPassword)).StatusCode);
    }
}
