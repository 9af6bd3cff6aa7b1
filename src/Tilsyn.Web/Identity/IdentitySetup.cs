using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// Local accounts with cookie login. Single sign-on seam: a municipality's OpenID Connect
    /// provider is added here as another authentication scheme (<c>AddOpenIdConnect</c>) whose
    /// claims are mapped to a <see cref="TilsynUser"/> by e-mail; roles and administration then come
    /// from Tilsyn's own user table exactly as for local logins, so nothing else changes.
    /// </summary>
    public static IServiceCollection AddTilsynIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<TilsynUser, IdentityRole>(o =>
            {
                // Identity's per-account lockout is not used: anyone could lock any account with it.
                // LoginService backs off per account and address instead (LoginBackOff).
                o.Lockout.AllowedForNewUsers = false;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters += "æøåÆØÅ";
            })
            .AddEntityFrameworkStores<TilsynDbContext>()
            .AddClaimsPrincipalFactory<TilsynClaimsFactory>()
            .AddErrorDescriber<DanishIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "Tilsyn.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = async ctx =>
            {
                await LogRefusedAsync(ctx.HttpContext);
                await ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            };
            // The absolute session lifetime, then the security stamp.
            o.Events.OnValidatePrincipal = LoginSession.ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        // A role change, deactivation or logout takes effect within a minute, not at cookie expiry.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
            o.OnRefreshingPrincipal = MfaService.KeepAuthenticationClaims; // how the session started (password, code) survives the check
        });
        // The second step of a login (SecondStepLogin): a short cookie naming the user, bounded, not renewed.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<TimeProvider>((o, clock) =>
        {
            o.Cookie.Name = "Tilsyn.LoginStep";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = SecondStepLogin.StepLifetime;
            o.SlidingExpiration = false;
            o.TimeProvider = clock;
        });
        services.AddOptions<MfaOptions>().BindConfiguration("Identity:Mfa");
        services.AddScoped<MfaService>();
        services.AddScoped<SecondStepLogin>();
        services.AddOptions<LoginSessionOptions>().BindConfiguration("Identity")
            .Validate(o => o.SessionHours > 0, "Identity:SessionHours skal være et positivt antal timer.").ValidateOnStart();
        services.AddScoped<LoginService>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AdvisorStaff, p => p.RequireRole(Roles.Advisor, Roles.AdvisorLead))
            .AddPolicy(Policies.AdvisorLead, p => p.RequireRole(Roles.AdvisorLead))
            .AddPolicy(Policies.CaseReaders, p => p.RequireRole(Roles.Advisor, Roles.AdvisorLead, Roles.AdministrationContact))
            .AddPolicy(Policies.AdministrationContact, p => p.RequireRole(Roles.AdministrationContact).RequireClaim(TilsynClaims.AdministrationId))
            .AddPolicy(Policies.CaseHandlers, p => p.RequireRole(Roles.Advisor, Roles.AdvisorLead, Roles.AdministrationContact, Roles.AdministrationCaseworker))
            .AddPolicy(Policies.AdministrationUsers, p => p.RequireRole(Roles.AdministrationContact, Roles.AdministrationCaseworker).RequireClaim(TilsynClaims.AdministrationId))
            .AddPolicy(Policies.CountReaders, p => p.RequireRole(Roles.Advisor, Roles.AdvisorLead, Roles.Leadership));
        return services;
    }

    /// <summary>A logged-in user refused a page or endpoint by its role: an access-log line (the path, never the query).</summary>
    private static async Task LogRefusedAsync(HttpContext http)
    {
        var accessLog = http.RequestServices.GetRequiredService<AccessLog>();
        await accessLog.WriteAsync(AccessAction.Refused, null, $"Adgang nægtet: {http.Request.Method} {http.Request.PathBase}{http.Request.Path}");
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Identity's validation messages in Danish (the users' language).</summary>
internal sealed class DanishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Adgangskoden skal være mindst {length} tegn." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Brugernavnet '{userName}' er allerede i brug." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"E-mailadressen '{email}' er allerede i brug." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Brugernavnet '{userName}' må kun indeholde bogstaver, tal og - . _ @ +." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"E-mailadressen '{email}' er ikke gyldig." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Forkert adgangskode." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Der opstod en fejl." };
}
