using System.Security.Claims;

namespace Tilsyn.Web.Integration;

/// <summary>The claims an accepted integration call carries (added by <see cref="IntegrationAuth"/>), and how to read them.</summary>
public static class IntegrationClaims
{
    /// <summary>The registry row's id (<see cref="Tilsyn.Integration.IntegrationClient.Id"/>); absent for an unregistered or revoked client.</summary>
    public const string ClientId = "tilsyn:api-client";
    public const string ClientName = "tilsyn:api-client-name";
    /// <summary>One claim per effective scope (token scopes AND registry grants).</summary>
    public const string Scope = "tilsyn:api-scope";
    /// <summary>The OAuth client id the token named (also for an unregistered client, for the refusal's log line).</summary>
    public const string OAuthClient = "tilsyn:api-oauth-client";
    public const string AuthenticationType = "Tilsyn.Integration";

    public static int? Client(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClientId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The access log's actor for an integration call, or null when the request is not one.</summary>
    public static string? ActorName(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClientName) is { } name) return $"API-klient: {name}";
        if (user.FindFirstValue(OAuthClient) is { } unknown) return $"Ukendt API-klient ({(unknown.Length > 100 ? unknown[..100] : unknown)})";
        return null;
    }

    public static bool HasScope(ClaimsPrincipal user, string scope) => user.HasClaim(Scope, scope);

    public static ClaimsIdentity Identity(Tilsyn.Integration.IntegrationClient client, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(AuthenticationType);
        identity.AddClaim(new Claim(ClientId, client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClientName, client.Name));
        foreach (var s in scopes) identity.AddClaim(new Claim(Scope, s));
        return identity;
    }
}
