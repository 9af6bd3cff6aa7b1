using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// The application where a test client can say which address it comes from (header
/// <see cref="Header"/>), as clients behind different networks would; the test server otherwise has none.
/// </summary>
public class ClientAddressApp : TilsynApp
{
    public const string Header = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>A client (own cookies, no redirects followed) that comes from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext ctx, RequestDelegate nextStep) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[Header].ToString(), out var address))
                    ctx.Connection.RemoteIpAddress = address;
                return nextStep(ctx);
            });
            next(app);
        };
    }
}
