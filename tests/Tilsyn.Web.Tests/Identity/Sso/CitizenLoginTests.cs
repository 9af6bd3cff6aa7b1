using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Tests.Identity.Sso;

/// <summary>The citizens' login (MitID-style OpenID Connect with a CPR claim) against the test identity provider.</summary>
[Collection(SsoWithGroupsCollection.Name)]
public sealed class CitizenLoginTests(SsoWithGroupsFixture sso)
{
    /// <summary>The citizen's session as the application reads it from the cookie.</summary>
    private AuthenticationTicket? TicketOf(IReadOnlyList<BrowserContextCookiesResult> cookies)
    {
        var cookie = cookies.SingleOrDefault(c => c.Name == "Tilsyn.Borger");
        if (cookie is null) return null;
        var options = sso.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CitizenAuth.Scheme);
        return options.TicketDataFormat.Unprotect(cookie.Value);
    }

    [Fact]
    public async Task A_citizen_signs_in_with_the_cpr_claim_lands_on_mine_sager_and_never_reaches_staff_pages()
    {
        var page = await sso.NewPageAsync();
        var visited = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) => visited.Enqueue(r.Url);
        await page.GotoAsync("/borger/login");
        await page.SignInAtProviderAsync("mitid-carla", name: "Carla Borger", cpr: "010203-1234");

        // "Mine sager" (/borger/sager) is built elsewhere: here the browser is sent there after the login.
        await page.WaitForLoadStateAsync();
        Assert.Contains(sso.BaseUrl + "/borger/sager", visited);
        Assert.DoesNotContain(visited, u => u.Contains("evil.example", StringComparison.Ordinal) && !u.Contains("returnUrl", StringComparison.Ordinal));
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "Tilsyn.Auth");
        var ticket = TicketOf(cookies);
        Assert.NotNull(ticket);
        // Two claims only: the CPR number as ten digits and the name; of the tokens only the id_token.
        Assert.Equal([(CitizenAuth.CprClaim, "0102031234"), (ClaimTypes.Name, "Carla Borger")],
            ticket.Principal.Claims.Select(c => (c.Type, c.Value)).ToArray());
        Assert.Equal(["id_token"], ticket.Properties.GetTokens().Select(t => t.Name).ToArray());

        // Staff pages: the staff login; the API: 401.
        await page.GotoAsync("/Cases");
        Assert.StartsWith(sso.BaseUrl + "/Account/Login", page.Url, StringComparison.Ordinal);
        var api = await page.Context.APIRequest.GetAsync("/api/organisation/administrations", new() { MaxRedirects = 0 });
        Assert.Equal(401, api.Status);

        // Signing out ends the session here and at the broker.
        await page.GotoAsync("/borger/logout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Du er logget ud.")).ToBeVisibleAsync();
        Assert.Contains(sso.Idp.EndSessions, e => e.HintSubject == "mitid-carla");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Borger");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_login_without_a_valid_cpr_number_is_refused_without_a_session()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/borger/login");
        await page.SignInAtProviderAsync("mitid-uden", name: "Uden CPR", cpr: "3213991234");

        await Assertions.Expect(page.GetByText("Vi fik ikke et gyldigt CPR-nummer fra MitID")).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/borger/login?fejl=cpr", page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Borger");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_return_address_must_be_local()
    {
        var page = await sso.NewPageAsync();
        var visited = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) => visited.Enqueue(r.Url);
        await page.GotoAsync("/borger/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        await page.SignInAtProviderAsync("mitid-dan", name: "Dan", cpr: "0102031234");
        // "Mine sager" (/borger/sager) is built elsewhere: here the browser is sent there after the login.
        await page.WaitForLoadStateAsync();
        Assert.Contains(sso.BaseUrl + "/borger/sager", visited);
        Assert.DoesNotContain(visited, u => u.Contains("evil.example", StringComparison.Ordinal) && !u.Contains("returnUrl", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
