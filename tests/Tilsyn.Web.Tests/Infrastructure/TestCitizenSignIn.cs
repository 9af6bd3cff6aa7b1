using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// A citizen's session for tests, registered ONLY in the test host (never in the product): <c>GET
/// /test/borger-login?cpr=…&amp;name=…</c> signs in to <see cref="CitizenAuth.Scheme"/> with the two claims
/// the real NemLog-in/MitID sign-in gives (<see cref="CitizenAuth.CprClaim"/> and <see cref="ClaimTypes.Name"/>).
/// It sits in front of the whole pipeline as a branch, so it is no endpoint of the application.
/// </summary>
public sealed class TestCitizenSignIn : IStartupFilter
{
    public const string Path = "/test/borger-login";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // MapWhen, not Map: Map would make the path the PathBase, and the cookie's path with it.
        app.MapWhen(context => context.Request.Path == Path, branch => branch.Run(async context =>
        {
            var identity = new ClaimsIdentity(
                [new Claim(CitizenAuth.CprClaim, context.Request.Query["cpr"].ToString()), new Claim(ClaimTypes.Name, context.Request.Query["name"].ToString())],
                "Test.MitID", ClaimTypes.Name, ClaimTypes.Role);
            await context.SignInAsync(CitizenAuth.Scheme, new ClaimsPrincipal(identity));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        next(app);
    };
}

public static class TestCitizenSignInExtensions
{
    /// <summary>Gives the client's cookie jar a citizen's session with this CPR number (ten digits) and name.</summary>
    public static async Task SignInAsCitizenAsync(this HttpClient client, string cpr, string name)
    {
        var response = await client.GetAsync($"{TestCitizenSignIn.Path}?cpr={Uri.EscapeDataString(cpr)}&name={Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

    }
}
