using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Tilsyn.Citizens;
using Tilsyn.Calendar;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Citizens;

/// <summary>Settings of the citizens' login (section <c>Authentication:Citizen</c>); off while <see cref="Authority"/> is empty.</summary>
public sealed class CitizenOidcOptions
{
    public const string Section = "Authentication:Citizen";

    /// <summary>The identity broker's issuer (NemLog-in's OpenID Connect broker, or another MitID broker).</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim type carrying the CPR number (NemLog-in: <c>dk:gov:saml:attribute:CprNumberIdentifier</c>).</summary>
    public string CprClaim { get; set; } = "dk:gov:saml:attribute:CprNumberIdentifier";

    /// <summary>The claim with the person's name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Metadata only over HTTPS (default); false only for a test provider on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>
/// The citizens' OpenID Connect scheme (<see cref="CitizenAuth.OidcScheme"/>): code flow with PKCE,
/// signing in to the citizen's own cookie (<see cref="CitizenAuth.Scheme"/>) with two claims only, the
/// CPR number as ten digits and the name; of the tokens only the id_token stays (for the broker's
/// end-session at logout). A CPR claim that is missing or not a valid CPR number refuses the login.
/// </summary>
public static class CitizenLogin
{
    public const string RefusedCpr = "cpr";
    public const string RefusedLogin = "login";

    public static IServiceCollection AddCitizenOidc(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(CitizenOidcOptions.Section).Get<CitizenOidcOptions>() ?? new CitizenOidcOptions();
        services.AddSingleton(options);
        if (!options.Enabled) return services;
        if (string.IsNullOrWhiteSpace(options.ClientId))
            throw new InvalidOperationException("Authentication:Citizen:ClientId mangler.");

        services.AddAuthentication().AddOpenIdConnect(CitizenAuth.OidcScheme, "MitID", o =>
        {
            SingleSignOn.Configure(o, options.Authority!, options.ClientId!, options.ClientSecret, options.RequireHttpsMetadata);
            o.CallbackPath = "/borger/signin-oidc";
            o.SignedOutCallbackPath = "/borger/signout-callback-oidc";
            o.SignInScheme = CitizenAuth.Scheme;
            o.SignOutScheme = CitizenAuth.Scheme;
            o.Events.OnTicketReceived = async ctx =>
            {
                var services = ctx.HttpContext.RequestServices;
                var accessLog = services.GetRequiredService<AccessLog>();
                var amr = ctx.Principal is { } p ? SingleSignOn.AmrOf(p) : "ikke oplyst";
                var today = services.GetRequiredService<TimeProvider>().Today();
                var cpr = CitizenCpr.Normalise(ctx.Principal?.FindFirst(options.CprClaim)?.Value, today);
                if (cpr is null)
                {
                    // Nothing of what the broker sent goes in the log: it may be a CPR number in another form.
                    await accessLog.WriteForAsync(null, CitizenCases.AccessLogName, AccessAction.CitizenLoginFailed,
                        $"Login med MitID afvist: intet gyldigt CPR-nummer fra MitID; amr: {amr}", ctx.HttpContext.RequestAborted);
                    ctx.HandleResponse();
                    ctx.Response.Redirect($"{CitizenAuth.LoginPath}?fejl={RefusedCpr}");
                    return;
                }
                var name = ctx.Principal?.FindFirst(options.NameClaim)?.Value.Trim();
                ctx.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(CitizenAuth.CprClaim, cpr), new Claim(ClaimTypes.Name, string.IsNullOrEmpty(name) ? "Borger" : name)],
                    CitizenAuth.OidcScheme, ClaimTypes.Name, ClaimTypes.Role));
                var idToken = ctx.Properties?.GetTokenValue("id_token");
                ctx.Properties?.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = "id_token", Value = idToken }]);
                if (!IsLocal(ctx.ReturnUri)) ctx.ReturnUri = Pages.Borger.LoginModel.Landing; // the handler moved RedirectUri here
                await accessLog.WriteForAsync(null, CitizenCpr.AccessLogName(cpr)!, AccessAction.CitizenLogin,
                    $"Logget ind med MitID (Mine sager); amr: {amr}", ctx.HttpContext.RequestAborted);
            };
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.HandleResponse();
                ctx.Response.Redirect($"{CitizenAuth.LoginPath}?fejl={RefusedLogin}");
                return Task.CompletedTask;
            };
        });
        return services;
    }

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
