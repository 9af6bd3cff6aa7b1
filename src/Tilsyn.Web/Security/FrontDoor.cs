using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Tilsyn.Web.Security;

/// <summary>
/// The front door, wired once: security headers, forwarded headers from known proxies, HTTPS and
/// HSTS (<c>Https:Enabled</c>), secure cookies in Production, the production settings check, rate
/// limits and the receipt cap. <see cref="AddFrontDoor"/> registers; <see cref="UseFrontDoor"/> goes
/// first in the pipeline; <c>UseRateLimiter()</c> goes right after <c>UseRouting()</c>.
/// </summary>
public static class FrontDoor
{
    public static WebApplicationBuilder AddFrontDoor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var production = builder.Environment.IsProduction();

        services.AddTransient<IStartupFilter, ProductionSettingsStartupFilter>();
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddTilsynForwardedHeaders(config);
        services.AddTilsynRateLimits(config);

        if (config.GetValue("Https:Enabled", false))
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = false; // the municipality's other sites under the same domain are not ours to decide
            });
            services.AddHttpsRedirection(o => o.HttpsPort = HttpsPort(config));
        }

        // Cookies: never readable by script where it matters, SameSite at least Lax, and in Production
        // sent only over HTTPS (the login, antiforgery and TempData cookies and any other).
        var secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = secure;
        });
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
        return builder;
    }

    /// <summary>First in the pipeline: everything after it, errors included, gets the headers and the real client address.</summary>
    public static WebApplication UseFrontDoor(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (ForwardedHeadersSetup.Enabled(app.Configuration)) app.UseForwardedHeaders();
        if (app.Configuration.GetValue("Https:Enabled", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy();
        return app;
    }

    /// <summary><c>Https:Port</c>, else the port of an https <c>PublicBaseUrl</c>, else what ASP.NET finds (the server's https address).</summary>
    private static int? HttpsPort(IConfiguration config)
    {
        if (config.GetValue<int?>("Https:Port") is { } port) return port;
        return Uri.TryCreate(config["PublicBaseUrl"], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : null;
    }
}
