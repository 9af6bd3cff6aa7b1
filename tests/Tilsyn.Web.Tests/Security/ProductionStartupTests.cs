using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tilsyn.Web.Tests.Security;

/// <summary>Issue 12, point 4: in Production the host needs PublicBaseUrl and real AllowedHosts, and every cookie is Secure.</summary>
public sealed class ProductionStartupTests
{
    private sealed class ProductionApp(Dictionary<string, string?> settings) : TilsynApp
    {
        protected override IDictionary<string, string?> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    public static TheoryData<string?, string?, string> Refused => new()
    {
        { null, "localhost", "PublicBaseUrl is not set" },
        { "tilsyn.kommune.dk", "localhost", "PublicBaseUrl 'tilsyn.kommune.dk' is not an absolute http(s) address" },
        { "https://tilsyn.kommune.dk", "*", "AllowedHosts is '*'" },
        { "https://tilsyn.kommune.dk", "localhost;*", "AllowedHosts is '*'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Production_refuses_to_start_without_a_public_base_url_or_with_any_host_allowed(string? publicBaseUrl, string? allowedHosts, string message)
    {
        await using var app = new ProductionApp(new() { ["PublicBaseUrl"] = publicBaseUrl, ["AllowedHosts"] = allowedHosts });

        var refusal = Record.Exception(() => app.CreateClient());

        Assert.NotNull(refusal);
        var all = string.Join(" | ", Chain(refusal).Select(e => e.Message));
        Assert.Contains("Tilsyn does not start in Production", all);
        Assert.Contains(message, all);
    }

    [Fact]
    public async Task Production_with_its_settings_starts_answers_only_its_hosts_and_sends_only_secure_cookies()
    {
        await using var app = new ProductionApp(new() { ["PublicBaseUrl"] = "https://localhost", ["AllowedHosts"] = "localhost" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

        var form = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        AssertSecure(form);
        var login = await client.LoginAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        AssertSecure(login);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Tilsyn.Auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var otherHost = new HttpRequestMessage(HttpMethod.Get, "/klage");
        otherHost.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(otherHost)).StatusCode);
    }

    private static void AssertSecure(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException a) foreach (var inner in a.InnerExceptions) yield return inner;
    }
}
