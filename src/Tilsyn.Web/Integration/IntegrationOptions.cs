namespace Tilsyn.Web.Integration;

/// <summary>
/// Settings of the integration API's bearer tokens (section <c>Authentication:Api</c>). Tokens are accepted when an
/// authority (this section's, else staff single sign-on's <c>Authentication:Oidc:Authority</c>) and an audience are
/// set; API keys work in any case.
/// </summary>
public sealed class ApiAuthOptions
{
    public const string Section = "Authentication:Api";

    /// <summary>The token issuer's authority (metadata and signing keys); empty: <c>Authentication:Oidc:Authority</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the access tokens must carry (e.g. <c>api://tilsyn</c>); several separated by spaces or commas.</summary>
    public string? Audience { get; set; }

    /// <summary>Further accepted issuers, space/comma separated (Entra ID v1.0 tokens: <c>https://sts.windows.net/&lt;tenant&gt;/</c>).</summary>
    public string? ValidIssuers { get; set; }

    /// <summary>The token endpoint, for the API description (e.g. <c>https://login.microsoftonline.com/&lt;tenant&gt;/oauth2/v2.0/token</c>).</summary>
    public string? TokenUrl { get; set; }

    /// <summary>Metadata only over HTTPS; empty: as <c>Authentication:Oidc:RequireHttpsMetadata</c> (default true).</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Calls per minute one client may make (0 = no limit).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    public static IReadOnlyList<string> Split(string? value) =>
        (value ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The options with the defaults taken from staff single sign-on's section.</summary>
    public static ApiAuthOptions From(IConfiguration config)
    {
        var o = config.GetSection(Section).Get<ApiAuthOptions>() ?? new ApiAuthOptions();
        if (string.IsNullOrWhiteSpace(o.Authority)) o.Authority = config[$"{SsoOptions.Section}:Authority"];
        o.RequireHttpsMetadata ??= config.GetValue($"{SsoOptions.Section}:RequireHttpsMetadata", true);
        return o;
    }

    public bool BearerEnabled => !string.IsNullOrWhiteSpace(Authority) && Split(Audience).Count > 0;
}
