using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// The application where a test client can say which address its connection comes from (header
/// <see cref="Header"/>), as clients behind different networks would: the test server has no sockets,
/// so a small middleware in front of the whole pipeline (before the forwarded-headers middleware) sets
/// the connection's remote address from it, as a TCP connection from that address would.
/// </summary>
public class ClientAddressApp : TilsynApp
{
    public const string Header = "X-Test-Connection-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ConnectionAddressFromHeader>());
    }

    /// <summary>
    /// A client (own cookies, no redirects followed) whose connection comes from <paramref name="address"/>,
    /// optionally sending <c>X-Forwarded-For: <paramref name="forwardedFor"/></c>.
    /// </summary>
    public HttpClient ClientFrom(string address, string? forwardedFor = null, string baseAddress = "http://localhost")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
        client.DefaultRequestHeaders.Add(Header, address);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private sealed class ConnectionAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextStep) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextStep(context);
            });
            next(app);
        };
    }
}
