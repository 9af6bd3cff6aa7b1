namespace Tilsyn.Web.Tests.Security;

/// <summary>
/// The application with low front-door limits and a known proxy, whose test clients say which address
/// their connection comes from (<see cref="Infrastructure.ClientAddressApp"/>).
/// </summary>
public class ClientAddressApp : Infrastructure.ClientAddressApp
{
    public const string KnownProxy = "10.0.0.1";
    public const int ComplaintLimit = 2;
    public const int LoginLimit = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:ComplaintsPerTenMinutes"] = ComplaintLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:LoginsPerMinute"] = LoginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ForwardedHeaders:KnownProxies"] = $"{KnownProxy}, 10.1.0.0/16",
    };
}
