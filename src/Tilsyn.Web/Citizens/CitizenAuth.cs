using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Tilsyn.Web.Citizens;

/// <summary>
/// The citizen's own login (NemLog-in / MitID over OpenID Connect, issue 14), kept apart from staff
/// logins: a separate cookie scheme that no staff page accepts (staff pages authenticate with
/// Identity's cookie), and a policy that requires the CPR claim. The OpenID Connect scheme
/// (<see cref="OidcScheme"/>) signs in to <see cref="Scheme"/> with <see cref="CprClaim"/> (ten digits)
/// and the person's name (<see cref="ClaimTypes.Name"/>).
/// </summary>
public static class CitizenAuth
{
    /// <summary>The citizen's session cookie scheme.</summary>
    public const string Scheme = "Tilsyn.Citizen";

    /// <summary>The OpenID Connect scheme of the citizens' identity broker (registered when configured).</summary>
    public const string OidcScheme = "Tilsyn.CitizenOidc";

    /// <summary>The claim in the citizen's session that carries the CPR number as ten digits.</summary>
    public const string CprClaim = "tilsyn:cpr";

    /// <summary>The policy of the citizen's pages ("Mine sager").</summary>
    public const string Policy = "Citizen";

    public const string LoginPath = "/borger/login";
    public const string LogoutPath = "/borger/logout";

    public static IServiceCollection AddCitizenSession(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "Tilsyn.Borger";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.AccessDeniedPath = LoginPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(1);
            o.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(CprClaim));
        return services;
    }

    /// <summary>The signed-in citizen's CPR number (ten digits), or null.</summary>
    public static string? Cpr(this ClaimsPrincipal user) => user.FindFirst(CprClaim)?.Value;
}
