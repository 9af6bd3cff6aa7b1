using Microsoft.AspNetCore.Mvc.Testing;

namespace Tilsyn.Web.Tests.Security;

/// <summary>Issue 12, point 4: the security headers are on every response, errors and static files included.</summary>
public sealed class SecurityHeaderTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "GET", "/", HttpStatusCode.Redirect },               // to the login page
        { "GET", "/klage", HttpStatusCode.OK },
        { "GET", "/Account/Login", HttpStatusCode.OK },
        { "GET", "/css/site.css", HttpStatusCode.OK },         // a static file
        { "GET", "/status/findes-ikke", HttpStatusCode.NotFound }, // the error page
        { "POST", "/klage", HttpStatusCode.BadRequest },       // no antiforgery token
        { "GET", "/health", HttpStatusCode.OK },
        { "GET", "/openapi/v1.json", HttpStatusCode.Redirect }, // to the login page (the API description needs a login outside Development)
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string method, string path, HttpStatusCode status)
    {
        var response = await app.NewClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "x" }) : null,
        });

        Assert.Equal(status, response.StatusCode);
        SecurityHeadersAssert.Present(response);
    }

    [Fact]
    public async Task Without_the_HTTPS_setting_there_is_no_redirect_and_no_HSTS()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://tilsyn.test") });
        var response = await client.GetAsync("/klage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync("/klage")).StatusCode);
    }
}

/// <summary>What every response must carry (issue 12, point 4).</summary>
public static class SecurityHeadersAssert
{
    public static void Present(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'none'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"), "no Server header");
    }
}
