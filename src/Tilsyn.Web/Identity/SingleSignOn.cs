using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Tilsyn.Web.Identity;

/// <summary>Settings of staff single sign-on (section <c>Authentication:Oidc</c>); off while <see cref="Authority"/> is empty.</summary>
public sealed class SsoOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The identity provider's issuer, e.g. <c>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</c>.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim matched to a Tilsyn user's e-mail (or login name): <c>email</c>, or <c>preferred_username</c>/<c>upn</c> for Entra ID.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The claim with the person's name (used when a user is created from a group).</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim with the user's groups (e.g. <c>groups</c>); empty: no group mapping, unknown users are refused.</summary>
    public string? GroupClaim { get; set; }

    /// <summary>Group → <c>Role[:administration code]</c>, for users created at their first sign-in.</summary>
    public Dictionary<string, string?> GroupRoles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Metadata and keys only over HTTPS (default); false only for a test identity provider on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Shown on the login button: "Log ind med {DisplayName} konto".</summary>
    public string DisplayName { get; set; } = "kommunens";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>Which ways of logging in this installation offers (settings <c>Authentication:LocalAccounts</c>, <c>Authentication:Oidc:Authority</c>).</summary>
public sealed class LoginMethods(bool localAccounts, bool sso, string ssoDisplayName)
{
    /// <summary>User name and password (default on); off, the form is gone and its POST refused.</summary>
    public bool LocalAccounts { get; } = localAccounts;

    /// <summary>The municipality's identity provider (OpenID Connect).</summary>
    public bool Sso { get; } = sso;

    /// <summary>The button's text.</summary>
    public string SsoButton { get; } = $"Log ind med {ssoDisplayName} konto";
}

/// <summary>
/// Staff single sign-on with the municipality's OpenID Connect provider (Entra ID, AD FS …):
/// authorization code with PKCE, the response in the query (a top-level redirect, so the Lax
/// correlation cookie comes along). The provider's answer is never a session of its own: <see cref="SsoSignIn"/>
/// matches it to a Tilsyn user and signs that user in to Identity's cookie as a password login does;
/// only the id_token is kept in the cookie, for the provider's end-session at logout.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "Tilsyn.Oidc";

    /// <summary>The item in the session's properties that says how the user logged in.</summary>
    public const string MethodItem = "tilsyn:login-method";
    public const string MethodOidc = "oidc";

    public static IServiceCollection AddTilsynSingleSignOn(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(SsoOptions.Section).Get<SsoOptions>() ?? new SsoOptions();
        var localAccounts = config.GetValue("Authentication:LocalAccounts", true);
        if (!localAccounts && !options.Enabled)
            throw new InvalidOperationException("Authentication:LocalAccounts=false kræver kommunens login (Authentication:Oidc:Authority); ellers kan ingen logge ind.");
        services.AddSingleton(new LoginMethods(localAccounts, options.Enabled, options.DisplayName));
        if (!options.Enabled) return services;

        if (string.IsNullOrWhiteSpace(options.ClientId))
            throw new InvalidOperationException("Authentication:Oidc:ClientId mangler.");
        // A wrong group setting stops the start (Danish message), not the first login.
        var groups = string.IsNullOrWhiteSpace(options.GroupClaim) ? GroupRoleMapping.Parse([]) : GroupRoleMapping.Parse(options.GroupRoles);
        services.AddSingleton(options);
        services.AddSingleton(groups);
        services.AddScoped<SsoSignIn>();

        services.AddAuthentication().AddOpenIdConnect(Scheme, "Kommunens login", o =>
        {
            Configure(o, options.Authority!, options.ClientId!, options.ClientSecret, options.RequireHttpsMetadata);
            o.CallbackPath = "/signin-oidc";
            o.SignedOutCallbackPath = "/signout-callback-oidc";
            // Not used for a session: SsoSignIn signs in to Identity's cookie and ends the handshake itself.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            // Where the handler finds the id_token for the provider's end-session (id_token_hint).
            o.SignOutScheme = IdentityConstants.ApplicationScheme;
            o.Events.OnTicketReceived = ctx => ctx.HttpContext.RequestServices.GetRequiredService<SsoSignIn>().CompleteAsync(ctx);
            o.Events.OnRemoteFailure = ctx =>
            {
                // Cancelled at the provider, a stale or replayed answer: start again from the login page.
                ctx.HandleResponse();
                ctx.Response.Redirect("/Account/Login?sso=fejl");
                return Task.CompletedTask;
            };
        });
        // The login method survives the security stamp's refresh of the cookie (the claims are rebuilt then).
        services.PostConfigure<SecurityStampValidatorOptions>(o =>
        {
            var before = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
                    && ctx.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod))
                    identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
                if (before is not null) await before(ctx);
            };
        });
        return services;
    }

    /// <summary>What staff and citizen schemes share: code flow with PKCE, the response in the query, raw claim names, the system clock.</summary>
    internal static void Configure(OpenIdConnectOptions o, string authority, string clientId, string? clientSecret, bool requireHttpsMetadata)
    {
        o.Authority = authority;
        o.ClientId = clientId;
        o.ClientSecret = string.IsNullOrEmpty(clientSecret) ? null : clientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        // The claims as the provider names them (email, groups, amr …), the names the settings use.
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        // All tokens come to the ticket; the sign-in keeps the id_token only.
        o.SaveTokens = true;
        o.RequireHttpsMetadata = requireHttpsMetadata;
        // The handshake runs on real time: the provider's tokens and the browser's cookies do (the
        // application's TimeProvider may be a test clock).
        o.TimeProvider = TimeProvider.System;
        // The answer comes back as a top-level GET (query response mode), so Lax is enough; the cookie
        // policy raises SameSite to Lax anyway. Over plain HTTP (a test provider) the cookies cannot be Secure.
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        if (!requireHttpsMetadata)
        {
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
    }

    /// <summary>The <c>amr</c> values of a login (how the provider authenticated the user), for the access log.</summary>
    public static string AmrOf(ClaimsPrincipal principal)
    {
        var values = principal.FindAll("amr").Select(c => c.Value).Where(v => v.Length > 0).ToList();
        return values.Count == 0 ? "ikke oplyst" : string.Join(" ", values);
    }
}
