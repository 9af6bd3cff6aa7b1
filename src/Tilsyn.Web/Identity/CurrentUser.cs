using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tilsyn.Web.Identity;

public static class TilsynClaims
{
    /// <summary>The administration id of an AdministrationContact, carried in the login cookie.</summary>
    public const string AdministrationId = "tilsyn:administration";
    public const string FullName = "tilsyn:name";

    public static DataScope Scope(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? DataScope.For(user.RoleNames(), user.AdministrationIdOf()) : DataScope.None;

    /// <summary>The login's role names (none when not logged in): what the domain's access rules are built from.</summary>
    public static IEnumerable<string> RoleNames(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindAll(ClaimTypes.Role).Select(c => c.Value) : [];

    /// <summary>The administration in the login cookie (a contact's), or null.</summary>
    public static int? AdministrationIdOf(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(AdministrationId), out var id) ? id : null;

    /// <summary>The citizens' advisor's own staff (caseworker or head of office).</summary>
    public static bool IsAdvisorStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Advisor) || user.IsInRole(Roles.AdvisorLead);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";
}

/// <summary>Puts the user's name and administration into the cookie so every request can apply the data scope without a lookup.</summary>
internal sealed class TilsynClaimsFactory(
    UserManager<TilsynUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TilsynUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TilsynUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TilsynClaims.FullName, user.FullName));
        if (user.AdministrationId is { } id)
            identity.AddClaim(new Claim(TilsynClaims.AdministrationId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
