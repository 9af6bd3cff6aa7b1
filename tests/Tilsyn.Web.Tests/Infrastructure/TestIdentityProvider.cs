using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>A person the test identity provider signs in: what its login form asks for.</summary>
/// <param name="Subject">The provider's user id (<c>sub</c>).</param>
/// <param name="Email">The <c>email</c> claim (also sent as <c>preferred_username</c> and <c>upn</c>, as Entra ID does).</param>
/// <param name="Groups">The <c>groups</c> claim (one claim per group, an array in the token).</param>
/// <param name="Cpr">The CPR claim (<see cref="TestIdentityProvider.CprClaim"/>), as NemLog-in sends it.</param>
/// <param name="Amr">The <c>amr</c> values (how the person authenticated), e.g. <c>pwd mfa</c>.</param>
public sealed record TestUser(string Subject, string? Email = null, string? Name = null, IReadOnlyList<string>? Groups = null, string? Cpr = null, IReadOnlyList<string>? Amr = null);

/// <summary>An end-session request the provider received: which client, and the subject of its <c>id_token_hint</c>.</summary>
public sealed record EndSessionRecord(string? ClientId, string? HintSubject);

/// <summary>An authorization request the provider accepted: the client and its PKCE method.</summary>
public sealed record AuthorizationRecord(string? ClientId, string? CodeChallengeMethod, string? ResponseMode);

/// <summary>
/// A real OpenID Connect provider inside the test process (OpenIddict 7 server on Kestrel, plain HTTP
/// on 127.0.0.1, a free port): discovery, JWKS, authorize, token and end-session endpoints, with
/// ephemeral signing and encryption keys. Nothing of the handshake is mocked: the application under
/// test fetches the metadata and keys, the browser follows the redirects, the tokens are signed JWTs.
/// </summary>
/// <remarks>
/// <para><b>Clients.</b> OpenIddict runs in degraded mode (no token or application store; authorization
/// codes are self-contained encrypted tokens), and this class does the client checks itself: an
/// interactive client (<see cref="AddClient"/>) must send its registered redirect URI, PKCE with
/// S256 and, at the token endpoint, its secret; a machine client (<see cref="AddMachineClient"/>) gets
/// client-credentials tokens for its allowed scopes only (<c>invalid_scope</c> otherwise).</para>
/// <para><b>Users.</b> The authorize endpoint shows a small form ("Testlogin": Bruger, E-mail, Navn,
/// Grupper, CPR, AMR) that a browser test fills in; or set <see cref="AutoSignIn"/> to sign a user in
/// without the form. After a login the provider keeps its own session cookie (<c>TestIdp.Session</c>):
/// the next authorize signs the same user in at once, until the end-session endpoint ends it (or the
/// client sends <c>prompt=login</c>). <see cref="EndSessions"/> records every end-session request.</para>
/// <para><b>TLS.</b> The provider speaks plain HTTP, so the application must be told
/// <c>Authentication:Oidc:RequireHttpsMetadata=false</c> (and <c>Authentication:Citizen:RequireHttpsMetadata=false</c>);
/// see <see cref="StaffSettings"/> and <see cref="CitizenSettings"/>.</para>
/// <para><b>Machine clients</b> (the integration API): <c>await idp.AddMachineClient("sagssystem", "hemmelig", "tilsyn.cases")</c>,
/// then <see cref="RequestClientCredentialsTokenAsync"/> returns a signed JWT access token (audience
/// <see cref="ApiAudience"/>, scopes in <c>scope</c>, the client in <c>client_id</c> and <c>sub</c>) that the API validates
/// against <see cref="Authority"/>'s keys.</para>
/// </remarks>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    /// <summary>The CPR claim type the provider sends (NemLog-in's attribute name).</summary>
    public const string CprClaim = "dk:gov:saml:attribute:CprNumberIdentifier";

    /// <summary>The audience of client-credentials access tokens.</summary>
    public const string ApiAudience = "tilsyn-api";

    private const string SessionScheme = "TestIdp.Session";
    private readonly ConcurrentDictionary<string, Client> clients = new(StringComparer.Ordinal);
    private WebApplication? app;

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c> (with the trailing slash).</summary>
    public string Authority { get; private set; } = "";

    /// <summary>When set, the authorize endpoint signs this user in without showing its form.</summary>
    public TestUser? AutoSignIn { get; set; }

    /// <summary>Every end-session request, in order.</summary>
    public ConcurrentQueue<EndSessionRecord> EndSessions { get; } = new();

    /// <summary>Every accepted authorization request, in order.</summary>
    public ConcurrentQueue<AuthorizationRecord> Authorizations { get; } = new();

    private sealed record Client(string Id, string Secret, IReadOnlySet<string> RedirectUris, IReadOnlySet<string> PostLogoutRedirectUris, IReadOnlySet<string> Scopes, bool Machine);

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var idp = new TestIdentityProvider();
        await idp.RunAsync();
        return idp;
    }

    /// <summary>
    /// Registers an interactive client (authorization code + PKCE) of an application at <paramref name="appBaseUrl"/>:
    /// redirect URI <c>{appBaseUrl}{callbackPath}</c>, post-logout redirect URI <c>{appBaseUrl}{signedOutCallbackPath}</c>.
    /// </summary>
    public void AddClient(string clientId, string secret, string appBaseUrl, string callbackPath = "/signin-oidc", string signedOutCallbackPath = "/signout-callback-oidc")
    {
        var baseUrl = appBaseUrl.TrimEnd('/');
        clients[clientId] = new Client(clientId, secret, new HashSet<string> { baseUrl + callbackPath }, new HashSet<string> { baseUrl + signedOutCallbackPath },
            new HashSet<string> { Scopes.OpenId, Scopes.Profile, Scopes.Email }, Machine: false);
    }

    /// <summary>Registers a machine client (client credentials) that may ask for <paramref name="scopes"/>.</summary>
    public void AddMachineClient(string clientId, string secret, params string[] scopes) =>
        clients[clientId] = new Client(clientId, secret, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(scopes, StringComparer.Ordinal), Machine: true);

    /// <summary>Settings that point Tilsyn's staff single sign-on at this provider (client <paramref name="clientId"/>).</summary>
    public Dictionary<string, string?> StaffSettings(string clientId, string secret) => new()
    {
        ["Authentication:Oidc:Authority"] = Authority,
        ["Authentication:Oidc:ClientId"] = clientId,
        ["Authentication:Oidc:ClientSecret"] = secret,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
    };

    /// <summary>Settings that point Tilsyn's citizens' login at this provider (client <paramref name="clientId"/>).</summary>
    public Dictionary<string, string?> CitizenSettings(string clientId, string secret) => new()
    {
        ["Authentication:Citizen:Authority"] = Authority,
        ["Authentication:Citizen:ClientId"] = clientId,
        ["Authentication:Citizen:ClientSecret"] = secret,
        ["Authentication:Citizen:CprClaim"] = CprClaim,
        ["Authentication:Citizen:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A client-credentials token (the raw token response), for machine clients such as the integration API's.</summary>
    public async Task<(HttpStatusCode Status, string? AccessToken, string? Error)> RequestClientCredentialsTokenAsync(string clientId, string secret, string? scope)
    {
        using var http = new HttpClient();
        var form = new Dictionary<string, string> { ["grant_type"] = GrantTypes.ClientCredentials, ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null) form["scope"] = scope;
        using var response = await http.PostAsync(new Uri(new Uri(Authority), "connect/token"), new FormUrlEncodedContent(form));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode,
            json.TryGetProperty("access_token", out var token) ? token.GetString() : null,
            json.TryGetProperty("error", out var error) ? error.GetString() : null);
    }

    private async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthentication().AddCookie(SessionScheme, o =>
        {
            o.Cookie.Name = SessionScheme; // on 127.0.0.1 the cookies of every port are shared: a name of its own
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            o.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption(); // APIs read the access token as a signed JWT
            o.EnableDegradedMode();
            o.DisableScopeValidation(); // the client checks below own the scopes
            o.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(ValidateAuthorization));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(ValidateToken));
            o.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(b => b.UseInlineHandler(ValidateEndSession));
        });

        app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], async http => await (await AuthorizeAsync(http)).ExecuteAsync(http));
        app.MapPost("/connect/token", async http => await (await TokenAsync(http)).ExecuteAsync(http));
        app.MapMethods("/connect/endsession", ["GET", "POST"], async http => await (await EndSessionAsync(http)).ExecuteAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Authority = address.TrimEnd('/') + "/";
    }

    private ValueTask ValidateAuthorization(OpenIddictServerEvents.ValidateAuthorizationRequestContext ctx)
    {
        if (ctx.ClientId is null || !clients.TryGetValue(ctx.ClientId, out var client) || client.Machine)
            ctx.Reject(Errors.InvalidClient, "Unknown client.");
        else if (ctx.RedirectUri is null || !client.RedirectUris.Contains(ctx.RedirectUri))
            ctx.Reject(Errors.InvalidRequest, "The redirect_uri is not registered.");
        else if (ctx.Request.CodeChallengeMethod != CodeChallengeMethods.Sha256 || string.IsNullOrEmpty(ctx.Request.CodeChallenge))
            ctx.Reject(Errors.InvalidRequest, "PKCE with S256 is required.");
        return default;
    }

    private ValueTask ValidateToken(OpenIddictServerEvents.ValidateTokenRequestContext ctx)
    {
        var request = ctx.Request;
        if (request.ClientId is null || !clients.TryGetValue(request.ClientId, out var client) || client.Secret != request.ClientSecret)
        {
            ctx.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
            return default;
        }
        if (request.IsClientCredentialsGrantType())
        {
            if (!client.Machine) ctx.Reject(Errors.UnauthorizedClient, "Not a machine client.");
            else if (request.GetScopes().Any(s => !client.Scopes.Contains(s))) ctx.Reject(Errors.InvalidScope, "A scope the client may not have.");
        }
        else if (!request.IsAuthorizationCodeGrantType() || client.Machine)
            ctx.Reject(Errors.UnsupportedGrantType, "Grant not allowed for this client.");
        return default;
    }

    private ValueTask ValidateEndSession(OpenIddictServerEvents.ValidateEndSessionRequestContext ctx)
    {
        if (ctx.PostLogoutRedirectUri is { } uri && !clients.Values.Any(c => c.PostLogoutRedirectUris.Contains(uri)))
            ctx.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
        return default;
    }

    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        TestUser? user = null;
        if (http.Request.HasFormContentType && http.Request.Form.ContainsKey("test_sub"))
            user = FromForm(http.Request.Form);
        else if (AutoSignIn is not null)
            user = AutoSignIn;
        else if (!request.HasPromptValue(PromptValues.Login) && (await http.AuthenticateAsync(SessionScheme)).Principal is { } session)
            user = JsonSerializer.Deserialize<TestUser>(session.FindFirstValue("test_user")!);
        if (user is null)
            return Results.Content(LoginForm(request), "text/html; charset=utf-8");

        await http.SignInAsync(SessionScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim("test_user", JsonSerializer.Serialize(user))], SessionScheme)));
        Authorizations.Enqueue(new AuthorizationRecord(request.ClientId, request.CodeChallengeMethod, request.ResponseMode));
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        if (user.Name is { } name) identity.AddClaim(new Claim(Claims.Name, name));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(Claims.Email, email));
            identity.AddClaim(new Claim(Claims.PreferredUsername, email));
            identity.AddClaim(new Claim("upn", email));
        }
        foreach (var group in user.Groups ?? []) identity.AddClaim(new Claim("groups", group));
        if (user.Cpr is { } cpr) identity.AddClaim(new Claim(CprClaim, cpr));
        foreach (var amr in user.Amr ?? []) identity.AddClaim(new Claim(Claims.AuthenticationMethodReference, amr));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static TestUser FromForm(IFormCollection form)
    {
        static string? Value(IFormCollection f, string key) => f[key].ToString().Trim() is { Length: > 0 } v ? v : null;
        static string[] List(IFormCollection f, string key) => (Value(f, key) ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return new TestUser(Value(form, "test_sub") ?? "anonym", Value(form, "test_email"), Value(form, "test_name"), List(form, "test_groups"), Value(form, "test_cpr"), List(form, "test_amr"));
    }

    /// <summary>The provider's login page: the authorization request's parameters ride along as hidden fields.</summary>
    private static string LoginForm(OpenIddictRequest request)
    {
        var html = HtmlEncoder.Default;
        var hidden = new StringBuilder();
        foreach (var (key, value) in request.GetParameters())
            if (!key.StartsWith("test_", StringComparison.Ordinal))
                hidden.Append($"<input type=\"hidden\" name=\"{html.Encode(key)}\" value=\"{html.Encode((string?)value ?? "")}\">");
        static string Field(string name, string label, string value = "") =>
            $"<p><label for=\"{name}\">{label}</label> <input id=\"{name}\" name=\"{name}\" value=\"{value}\"></p>";
        return $"""
            <!doctype html><html lang="da"><head><meta charset="utf-8"><title>Testlogin</title></head><body>
            <h1>Testlogin</h1>
            <form method="post" action="/connect/authorize">{hidden}
            {Field("test_sub", "Bruger")}{Field("test_email", "E-mail")}{Field("test_name", "Navn")}{Field("test_groups", "Grupper")}{Field("test_cpr", "CPR")}{Field("test_amr", "AMR", "pwd mfa")}
            <p><button type="submit">Log ind hos testudbyderen</button></p>
            </form></body></html>
            """;
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // The code carries the principal of the authorization (OpenIddict checked it, its client and the PKCE verifier).
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, request.ClientId!));
        identity.AddClaim(new Claim(Claims.ClientId, request.ClientId!));
        identity.SetScopes(request.GetScopes());
        identity.SetAudiences(ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> EndSessionAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest();
        // OpenIddict validated the id_token_hint (signature, issuer); its subject says whose session ends.
        var hint = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        EndSessions.Enqueue(new EndSessionRecord(request?.ClientId ?? hint?.GetAudiences().FirstOrDefault(), hint?.FindFirstValue(Claims.Subject)));
        await http.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
