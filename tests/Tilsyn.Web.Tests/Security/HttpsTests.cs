namespace Tilsyn.Web.Tests.Security;

/// <summary>Issue 12, point 4: with <c>Https__Enabled=true</c> plain HTTP is redirected and HTTPS answers carry HSTS; a known proxy's X-Forwarded-Proto counts.</summary>
public sealed class HttpsTests(HttpsTests.HttpsApp app) : IClassFixture<HttpsTests.HttpsApp>
{
    public sealed class HttpsApp : ClientAddressApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Https:Enabled"] = "true",
            ["PublicBaseUrl"] = "https://tilsyn.test",
            ["ForwardedHeaders:KnownProxies"] = KnownProxy,
        };
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_HSTS()
    {
        var plain = await app.ClientFrom("198.51.100.40", baseAddress: "http://tilsyn.test").GetAsync("/klage?x=1");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://tilsyn.test/klage?x=1", plain.Headers.Location!.OriginalString);
        SecurityHeadersAssert.Present(plain);

        var secure = await app.ClientFrom("198.51.100.40", baseAddress: "https://tilsyn.test").GetAsync("/klage");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_known_proxy_that_terminates_TLS_is_believed_and_anyone_else_saying_https_is_redirected()
    {
        var viaProxy = app.ClientFrom(KnownProxy, "203.0.113.40", baseAddress: "http://tilsyn.test");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var proxied = await viaProxy.GetAsync("/klage");
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"));

        var spoofing = app.ClientFrom("198.51.100.41", baseAddress: "http://tilsyn.test");
        spoofing.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await spoofing.GetAsync("/klage")).StatusCode);
    }

    private const string KnownProxy = ClientAddressApp.KnownProxy;
}
