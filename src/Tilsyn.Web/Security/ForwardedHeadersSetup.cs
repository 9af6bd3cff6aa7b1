using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tilsyn.Web.Security;

/// <summary>
/// The client's real address and scheme behind a reverse proxy: <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c>, either one comma-separated value
/// (<c>ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6</c>) or an array
/// (<c>ForwardedHeaders__KnownProxies__0=10.0.0.5</c>); an entry may be an address or a network
/// (<c>10.0.0.0/24</c>). ASP.NET's defaults (trust loopback) are cleared: with no proxies listed
/// the headers are ignored and every limit counts the connection's own address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Setting = "ForwardedHeaders:KnownProxies";

    public static bool Enabled(IConfiguration config) => Entries(config).Count > 0;

    public static IServiceCollection AddTilsynForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var (proxies, networks) = Parse(Entries(config));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
            // Walk back through the chain while the hop is a listed proxy; the first hop that is not
            // one is the client. An address a client wrote into the header itself is never reached.
            o.ForwardLimit = null;
        });
        return services;
    }

    public static IReadOnlyList<string> Entries(IConfiguration config)
    {
        var section = config.GetSection(Setting);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    public static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) Parse(IEnumerable<string> entries)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) proxies.Add(address);
            else throw new InvalidOperationException(
                $"{Setting.Replace(":", "__", StringComparison.Ordinal)}: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/24).");
        }
        return (proxies, networks);
    }
}
