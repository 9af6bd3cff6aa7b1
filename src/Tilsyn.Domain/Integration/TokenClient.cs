namespace Tilsyn.Integration;

/// <summary>
/// Reads a client-credentials access token's claims the way each identity provider writes them: the client is
/// <c>client_id</c> (OpenIddict, RFC 9068), <c>azp</c> (Entra ID v2.0 tokens) or <c>appid</c> (Entra ID v1.0
/// tokens); the scopes are <c>scope</c> or <c>scp</c> (space-separated) or, for an application's own
/// permissions in Entra ID, one <c>roles</c> claim per app role.
/// </summary>
public static class TokenClient
{
    public static readonly IReadOnlyList<string> ClientIdClaims = ["client_id", "azp", "appid"];
    public static readonly IReadOnlyList<string> ScopeClaims = ["scope", "scp", "roles"];

    /// <summary>The OAuth client id the token was issued to, or null if it names none.</summary>
    public static string? ClientId(IEnumerable<(string Type, string Value)> claims)
    {
        var list = claims.ToList();
        foreach (var type in ClientIdClaims)
            if (list.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value)) is { Value: { } value })
                return value.Trim();
        return null;
    }

    /// <summary>The known Tilsyn scopes the token carries (any others are ignored).</summary>
    public static IReadOnlySet<string> Scopes(IEnumerable<(string Type, string Value)> claims) =>
        IntegrationScopes.Parse(claims.Where(c => ScopeClaims.Contains(c.Type)).Select(c => c.Value));
}
