using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tilsyn.Web.Tests.Security;

/// <summary>
/// The application with low front-door limits, whose test requests can say which address their
/// connection comes from (header <see cref="ConnectionHeader"/>): the test server has no sockets, so a
/// small middleware in front of the whole pipeline sets the connection's remote address from it,
/// as a TCP connection from that address would.
/// </summary>
public class ClientAddressApp : TilsynApp
{
    public const string ConnectionHeader = "X-Test-Connection-Address";
    public const string KnownProxy = "10.0.0.1";
    public const int ComplaintLimit = 2;
    public const int LoginLimit = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:ComplaintsPerTenMinutes"] = ComplaintLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:LoginsPerMinute"] = LoginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ForwardedHeaders:KnownProxies"] = $"{KnownProxy}, 10.1.0.0/16",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ConnectionAddressFromHeader>());
    }

    /// <summary>A client (own cookies, no redirects followed) whose connection comes from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address, string? forwardedFor = null, string baseAddress = "http://localhost")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Add(ConnectionHeader, address);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private sealed class ConnectionAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ConnectionHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
