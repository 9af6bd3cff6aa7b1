namespace Tilsyn.Web.Security;

/// <summary>
/// In Production the host refuses to start without <c>PublicBaseUrl</c> (the citizens' links would
/// be built from whatever Host header a request carries) and with <c>AllowedHosts</c> = <c>*</c>
/// (any Host header accepted). Runs when the web server starts, so command-line tools
/// (<c>import-extract</c>) that share the settings are not stopped by it.
/// </summary>
public static class ProductionSettingsCheck
{
    /// <summary>What is wrong with the settings for Production, each naming the setting; empty when all is well.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration config)
    {
        var problems = new List<string>();
        var baseUrl = config["PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
            problems.Add("PublicBaseUrl is not set: set it to the address citizens use, e.g. PublicBaseUrl=https://tilsyn.kommune.dk");
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            problems.Add($"PublicBaseUrl '{baseUrl}' is not an absolute http(s) address, e.g. https://tilsyn.kommune.dk");
        var hosts = (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
            problems.Add("AllowedHosts is '*' (or empty): set it to the host names the site answers to, separated by ';', e.g. AllowedHosts=tilsyn.kommune.dk");
        return problems;
    }

    public static string Message(IReadOnlyList<string> problems) =>
        "Tilsyn does not start in Production with these settings:" + string.Concat(problems.Select(p => Environment.NewLine + " - " + p));
}

/// <summary>Runs <see cref="ProductionSettingsCheck"/> as the web server starts (Production only).</summary>
internal sealed class ProductionSettingsStartupFilter(IConfiguration config, IHostEnvironment environment) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        if (environment.IsProduction() && ProductionSettingsCheck.Problems(config) is { Count: > 0 } problems)
            throw new InvalidOperationException(ProductionSettingsCheck.Message(problems));
        return next;
    }
}
