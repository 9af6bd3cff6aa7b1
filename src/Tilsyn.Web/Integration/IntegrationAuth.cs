using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OpenApi;
using Tilsyn.Integration;

namespace Tilsyn.Web.Integration;

/// <summary>
/// How a machine client proves who it is: an OAuth 2.0 client-credentials access token (JWT) from the
/// municipality's identity provider, or an API key (<see cref="ApiKey"/>). Both are schemes only the
/// integration API's endpoints use (policy <see cref="Policy"/>): the staff and citizen pages authenticate with
/// their own cookies and never look at a bearer token or key, and the API never looks at a cookie.
/// A client is known only if it is in Tilsyn's registry and not revoked; its scopes are the token's AND the
/// registry's (for a key: the registry's).
/// </summary>
public static class IntegrationAuth
{
    /// <summary>The one scheme the API names: it forwards to the bearer or the key scheme by the request's header.</summary>
    public const string Scheme = "Tilsyn.Integration";
    public const string BearerScheme = "Tilsyn.Integration.Bearer";
    public const string KeyScheme = "Tilsyn.Integration.ApiKey";
    public const string Policy = "IntegrationClient";

    /// <summary>The key's own header; <c>Authorization: ApiKey &lt;key&gt;</c> works as well.</summary>
    public const string KeyHeader = "X-Api-Key";
    public const string KeyAuthorizationPrefix = "ApiKey ";

    public static IServiceCollection AddIntegrationApi(this IServiceCollection services, IConfiguration config)
    {
        var options = ApiAuthOptions.From(config);
        services.AddSingleton(options);
        var auth = services.AddAuthentication();
        auth.AddPolicyScheme(Scheme, "Integrations-API", o => o.ForwardDefaultSelector = ctx => Select(ctx.Request, options));
        auth.AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(KeyScheme, "API-nøgle", null);
        if (options.BearerEnabled)
        {
            auth.AddJwtBearer(BearerScheme, o =>
            {
                o.Authority = options.Authority;
                o.RequireHttpsMetadata = options.RequireHttpsMetadata ?? true;
                // The claims as the provider names them (client_id, azp, appid, scp, roles): TokenClient reads those names.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.ValidAudiences = ApiAuthOptions.Split(options.Audience);
                // Added to the issuer of the provider's metadata (Entra ID's v1.0 tokens name another issuer).
                if (ApiAuthOptions.Split(options.ValidIssuers) is { Count: > 0 } issuers) o.TokenValidationParameters.ValidIssuers = issuers;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = IdentifyClientAsync,
                    OnChallenge = async ctx =>
                    {
                        ctx.HandleResponse();
                        await IntegrationProblems.UnauthorizedAsync(ctx.HttpContext, options, ctx.AuthenticateFailure is null ? null : "invalid_token");
                    },
                };
            });
            // Token lifetimes on the application's clock (the system clock in production, the test clock in tests).
            services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<TimeProvider>((o, clock) =>
            {
                o.TimeProvider = clock;
                o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, p) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return expires is { } exp && now <= exp.ToUniversalTime() + p.ClockSkew
                        && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - p.ClockSkew);
                };
            });
        }
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddSingleton<IntegrationRateLimiter>();
        services.AddScoped<IntegrationClients>();
        services.AddScoped<IntegrationExtractJobs>();
        services.AddOptions<OpenApiOptions>("v1").Configure(o => IntegrationOpenApi.Configure(o, options));
        return services;
    }

    /// <summary>Bearer token → the JWT scheme; an API key or nothing → the key scheme (which also answers the challenge).</summary>
    private static string Select(HttpRequest request, ApiAuthOptions options)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && options.BearerEnabled ? BearerScheme : KeyScheme;
    }

    /// <summary>After the token's signature, issuer, audience and lifetime are checked: which registered client it is, and what it may do.</summary>
    private static async Task IdentifyClientAsync(TokenValidatedContext ctx)
    {
        var principal = ctx.Principal!;
        var claims = principal.Claims.Select(c => (c.Type, c.Value)).ToList();
        var oauthClient = TokenClient.ClientId(claims);
        ClaimsIdentity identity;
        var client = oauthClient is null ? null
            : await ctx.HttpContext.RequestServices.GetRequiredService<TilsynDbContext>().Set<IntegrationClient>().AsNoTracking()
                .FirstOrDefaultAsync(c => c.OAuthClientId == oauthClient && c.RevokedAt == null, ctx.HttpContext.RequestAborted);
        identity = client is null ? new ClaimsIdentity(IntegrationClaims.AuthenticationType)
            : IntegrationClaims.Identity(client, client.EffectiveScopes(TokenClient.Scopes(claims)));
        // Kept for the refusal's log line when the client is unknown or revoked (authenticated, but not allowed: 403).
        identity.AddClaim(new Claim(IntegrationClaims.OAuthClient, oauthClient ?? "(intet klient-id)"));
        principal.AddIdentity(identity);
    }

    public static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(KeyAuthorizationPrefix, StringComparison.OrdinalIgnoreCase))
            return authorization[KeyAuthorizationPrefix.Length..].Trim();
        var header = request.Headers[KeyHeader].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }
}

/// <summary>The integration API's refusals as problem details (RFC 9457), never the Danish HTML error page.</summary>
public static class IntegrationProblems
{
    public static void NoStatusPage(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }

    /// <summary>401 with a challenge for each way in: <c>Bearer</c> (when tokens are configured) and <c>ApiKey</c>.</summary>
    public static async Task UnauthorizedAsync(HttpContext http, ApiAuthOptions options, string? bearerError)
    {
        NoStatusPage(http);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (options.BearerEnabled)
            http.Response.Headers.Append("WWW-Authenticate", bearerError is null ? "Bearer" : $"Bearer error=\"{bearerError}\"");
        http.Response.Headers.Append("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"");
        await TypedResults.Problem(statusCode: 401, title: "Ikke logget ind",
            detail: "Kaldet kræver et gyldigt adgangstoken (OAuth 2.0 client credentials) eller en API-nøgle.").ExecuteAsync(http);
    }
}

/// <summary>The API-key scheme: <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.</summary>
public sealed class ApiKeyHandler(Microsoft.Extensions.Options.IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    System.Text.Encodings.Web.UrlEncoder encoder, TilsynDbContext db, ApiAuthOptions apiOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = IntegrationAuth.PresentedKey(Request);
        if (key is null) return AuthenticateResult.NoResult();
        // A malformed key is refused before any database work; the message never repeats the key.
        if (ApiKey.LookupId(key) is not { } lookup) return AuthenticateResult.Fail("Malformed API key.");
        var client = await db.Set<IntegrationClient>().AsNoTracking().FirstOrDefaultAsync(c => c.KeyLookupId == lookup && c.RevokedAt == null, Context.RequestAborted);
        if (client is null || !client.AcceptsKey(key)) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = IntegrationClaims.Identity(client, client.EffectiveScopes(null));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        IntegrationProblems.UnauthorizedAsync(Context, apiOptions, null);
}
