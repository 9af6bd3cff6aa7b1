using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilsyn.Identity;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Tests.Browser;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Tests.Identity.Sso;

[CollectionDefinition(Name)]
public sealed class SsoWithGroupsCollection : ICollectionFixture<SsoWithGroupsFixture>
{
    public const string Name = "sso-groups";
}

/// <summary>Staff single sign-on against the test identity provider, with a group mapping.</summary>
[Collection(SsoWithGroupsCollection.Name)]
public sealed class StaffSsoTests(SsoWithGroupsFixture sso)
{
    private Task<List<AccessLogEntry>> LogAsync(Func<AccessLogEntry, bool> which) =>
        sso.App.WithDbAsync(async db => (await db.AccessLog.AsNoTracking().ToListAsync()).Where(which).OrderBy(e => e.Id).ToList());

    private Task<TilsynUser?> UserByEmailAsync(string email) =>
        sso.App.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private async Task<IList<string>> RolesOfAsync(TilsynUser user)
    {
        using var scope = sso.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<TilsynUser>>().GetRolesAsync(user);
    }

    [Fact]
    public async Task A_new_caseworker_in_the_mapped_group_is_created_as_advisor_and_lands_on_the_front_page_with_the_amr_in_the_access_log()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-nina", "Nina.Ny@Testkommune.dk", "Nina Ny", $"alle-ansatte {SsoWithGroupsFixture.AdvisorGroup}", amr: "pwd mfa");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nina Ny").First).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/", page.Url);

        var user = await UserByEmailAsync("nina.ny@testkommune.dk");
        Assert.NotNull(user);
        Assert.Equal("Nina Ny", user.FullName);
        Assert.Null(user.PasswordHash); // logs in through the provider only
        Assert.Null(user.AdministrationId);
        Assert.Equal([Roles.Advisor], await RolesOfAsync(user));

        var lines = await LogAsync(e => e.UserId == user.Id);
        Assert.Contains(lines, e => e.Action == AccessAction.UserCreated && e.Detail.Contains("Sagsbehandler", StringComparison.Ordinal));
        var login = Assert.Single(lines, e => e.Action == AccessAction.Login);
        Assert.Contains("OpenID Connect", login.Detail, StringComparison.Ordinal);
        Assert.Contains("amr: pwd mfa", login.Detail, StringComparison.Ordinal);

        // The handshake was the code flow with PKCE (S256), the answer in the query (the code flow's default), not a form post.
        var authorization = sso.Idp.Authorizations.Last(a => a.ClientId == SsoBrowserFixture.StaffClient);
        Assert.Equal("S256", authorization.CodeChallengeMethod);
        Assert.True(authorization.ResponseMode is null or "query", authorization.ResponseMode);

        // The session is Identity's cookie, as after a password login: the caseworker's pages open.
        Assert.Equal(200, (await page.GotoAsync("/Cases"))!.Status);
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_contact_person_group_creates_a_contact_of_its_administration()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-bo", "bo.kontakt@testkommune.dk", "Bo Kontakt", SsoWithGroupsFixture.BufGroup.ToLowerInvariant());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forvaltningsportal – BUF" })).ToBeVisibleAsync();
        var user = await UserByEmailAsync("bo.kontakt@testkommune.dk");
        Assert.Equal([Roles.AdministrationContact], await RolesOfAsync(user!));
        var buf = await sso.App.WithDbAsync(db => db.Administrations.SingleAsync(a => a.Code == "BUF"));
        Assert.Equal(buf.Id, user!.AdministrationId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_known_user_is_matched_by_email_without_regard_to_case_and_keeps_the_role_in_tilsyn()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync();
        // Sara Holm (caseworker) signs in; the provider also puts her in the contact group: Tilsyn's own role counts.
        await page.SignInAtProviderAsync("entra-sara", "SAGSBEHANDLER@Tilsyn.Example", "Sara H.", SsoWithGroupsFixture.BufGroup, amr: "mfa");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Sara Holm").First).ToBeVisibleAsync();
        var sara = await sso.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "sagsbehandler"));
        Assert.Equal(1, await sso.App.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "SAGSBEHANDLER@TILSYN.EXAMPLE")));
        Assert.Equal([Roles.Advisor], await RolesOfAsync(sara));
        Assert.Contains(await LogAsync(e => e.UserId == sara.Id), e => e.Action == AccessAction.Login && e.Detail.EndsWith("amr: mfa", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_in_no_mapped_group_is_refused_with_the_danish_page_and_nothing_personal_in_the_address()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-ukendt", "ukendt.person@testkommune.dk", "Ukendt Person", "alle-ansatte");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen adgang til Tilsyn" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Spørg din administrator")).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + SsoSignIn.RefusedPath, page.Url);
        Assert.Null(await UserByEmailAsync("ukendt.person@testkommune.dk"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        Assert.Contains(await LogAsync(e => e.Action == AccessAction.LoginFailed), e => e.UserName.Contains("ukendt.person@testkommune.dk", StringComparison.Ordinal)
            && e.Detail.Contains("ingen af brugerens grupper", StringComparison.Ordinal));
        // Still refused: the front page sends the browser to the login page.
        await page.GotoAsync("/");
        Assert.StartsWith(sso.BaseUrl + "/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_even_when_the_provider_vouches_for_them()
    {
        var tmf = await sso.App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "tmf");
            u.DeactivatedAt = sso.App.Clock.GetUtcNow();
            await db.SaveChangesAsync();
            return u;
        });
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-ida", "tmf@tilsyn.example", "Ida Skov", SsoWithGroupsFixture.AdvisorGroup);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen adgang til Tilsyn" })).ToBeVisibleAsync();
        Assert.Contains(await LogAsync(e => e.UserId == tmf.Id), e => e.Action == AccessAction.LoginFailed && e.Detail.Contains("deaktiveret", StringComparison.Ordinal));
        Assert.DoesNotContain(await LogAsync(e => e.UserId == tmf.Id), e => e.Action == AccessAction.Login);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_tilsyn_session_and_the_providers_session()
    {
        var page = await sso.NewPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-jens", "kontorchef@tilsyn.example", "Jens Kristensen");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        var authCookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "Tilsyn.Auth");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();

        // Back at the login page, by way of the provider's end-session with the id_token as hint.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log ind" })).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/Account/Login", page.Url);
        Assert.Contains(sso.Idp.EndSessions, e => e.HintSubject == "entra-jens");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        var jens = await sso.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kontorchef"));
        Assert.Contains(await LogAsync(e => e.UserId == jens.Id), e => e.Action == AccessAction.Logout && e.Detail.Contains("kommunens login", StringComparison.Ordinal));

        // The old cookie no longer opens a page (the security stamp changed) …
        using var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(sso.BaseUrl) };
        copy.DefaultRequestHeaders.Add("Cookie", $"Tilsyn.Auth={authCookie.Value}");
        sso.App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/Cases")).StatusCode);
        // … and the provider asks again instead of signing the user straight back in.
        await page.StartStaffSsoAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Testlogin" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_single_sign_on_on_the_password_form_stays_beside_the_municipalitys_button()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ind med Testkommunes konto" })).ToBeVisibleAsync();
        await page.SubmitLoginFormAsync("ledelse");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
