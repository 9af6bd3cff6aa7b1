using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilsyn.Identity;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Tests.Browser;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Tests.Identity.Sso;

/// <summary>One single-sign-on-only application and browser for the tests that need it (fewer browsers at once on a busy machine).</summary>
[CollectionDefinition(Name)]
public sealed class SsoOnlyCollection : ICollectionFixture<SsoOnlyFixture>
{
    public const string Name = "sso-only";
}

/// <summary>The head of office's user pages and the form posts behind them, in a browser's session (its cookies and antiforgery token).</summary>
internal static class UserAdministration
{
    /// <summary>Posts a form as the page's own form would (its antiforgery token), without following a redirect.</summary>
    public static async Task<IAPIResponse> PostAsync(this IPage page, string formPage, string action, Dictionary<string, string> fields)
    {
        await page.GotoAsync(formPage);
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (k, v) in fields) form.Set(k, v);
        form.Set("__RequestVerificationToken", token!);
        return await page.Context.APIRequest.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
    }

    /// <summary>A page with room for a busy machine (the first authorization at a fresh test provider can be slow under load).</summary>
    public static async Task<IPage> SlowPageAsync(this SsoBrowserFixture sso)
    {
        var page = await sso.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    public static Dictionary<string, string> NewUser(string userName, string email, string role = Roles.Advisor, string? password = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Karen Ny", ["Input.UserName"] = userName, ["Input.Email"] = email, ["Input.Role"] = role, ["Input.AdministrationId"] = "",
        };
        if (password is not null) fields["Input.Password"] = password;
        return fields;
    }

    public static Task<TilsynUser?> UserAsync(this TilsynApp app, string userName) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName));

    public static Task<bool> LinkedAsync(this TilsynApp app, string userId) =>
        app.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == userId && l.LoginProvider == SingleSignOn.Scheme));

    public static async Task<IList<string>> RolesAsync(this TilsynApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TilsynUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }
}

/// <summary>
/// Issue 14 (review): with local accounts switched off, nobody gets a local password. The head of office
/// (signed in through the provider) creates a user without one, and that user then signs in through the
/// provider, matched by e-mail and linked; the forbidden posts are refused on the server.
/// </summary>
[Collection(SsoOnlyCollection.Name)]
public sealed class SsoOnlyUserAdministrationTests(SsoOnlyFixture sso)
{
    private async Task<IPage> LeadAsync()
    {
        var page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync("/Users");
        await page.SignInAtProviderAsync("entra-jens", "kontorchef@tilsyn.example", "Jens Kristensen");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brugere" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_user_is_created_without_a_password_and_then_signs_in_through_the_provider_matched_by_email()
    {
        var lead = await LeadAsync();
        await lead.GotoAsync("/Users/Edit");
        Assert.Equal(0, await lead.Locator("input[type=password]").CountAsync());
        await Assertions.Expect(lead.GetByText("Tilsyn bruger ikke egne adgangskoder")).ToBeVisibleAsync();

        // A password posted anyway is refused, and nothing is stored.
        var refused = await lead.PostAsync("/Users/Edit", "/Users/Edit", UserAdministration.NewUser("karen.ny", "Karen.Ny@Testkommune.dk", password: "en-lang-adgangskode-2026"));
        Assert.Equal(422, refused.Status);
        Assert.Contains("Lokale adgangskoder er slået fra", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Null(await sso.App.UserAsync("karen.ny"));

        var created = await lead.PostAsync("/Users/Edit", "/Users/Edit", UserAdministration.NewUser("karen.ny", "Karen.Ny@Testkommune.dk"));
        Assert.Equal(302, created.Status);
        var karen = await sso.App.UserAsync("karen.ny");
        Assert.NotNull(karen);
        Assert.Null(karen.PasswordHash);
        Assert.False(await sso.App.LinkedAsync(karen.Id));
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.UserCreated && e.Detail.Contains("uden adgangskode"))));
        await lead.Context.CloseAsync();

        // Her first sign-in through the provider: matched by e-mail (another case), linked to her id there.
        var page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync("/Cases");
        await page.SignInAtProviderAsync("entra-karen", "karen.ny@testkommune.dk", "Karen Ny", amr: "pwd mfa");
        await Assertions.Expect(page).ToHaveURLAsync(sso.BaseUrl + "/Cases");
        Assert.True(await sso.App.LinkedAsync(karen.Id));
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.UserId == karen.Id && e.Action == AccessAction.Login && e.Detail.EndsWith("amr: pwd mfa"))));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Setting_a_password_resetting_two_step_login_and_lifting_a_login_block_are_refused_for_everyone()
    {
        var sara = (await sso.App.UserAsync("sagsbehandler"))!;
        var lead = await LeadAsync();
        await lead.GotoAsync($"/Users/Edit?id={sara.Id}");
        Assert.Equal(0, await lead.Locator("input[type=password]").CountAsync());
        Assert.Equal(0, await lead.GetByRole(AriaRole.Button, new() { Name = "Nulstil to-trinsbekræftelse" }).CountAsync());

        var password = await lead.PostAsync($"/Users/Edit?id={sara.Id}", $"/Users/Edit?id={sara.Id}", new()
        {
            ["Id"] = sara.Id, ["Input.FullName"] = sara.FullName, ["Input.UserName"] = sara.UserName!, ["Input.Email"] = sara.Email!,
            ["Input.Role"] = Roles.Advisor, ["Input.AdministrationId"] = "", ["Input.Password"] = "en-helt-ny-adgangskode",
        });
        Assert.Equal(422, password.Status);
        Assert.Equal(sara.PasswordHash, (await sso.App.UserAsync("sagsbehandler"))!.PasswordHash);
        Assert.False(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.PasswordReset)));

        var mfa = await lead.PostAsync($"/Users/Edit?id={sara.Id}", $"/Users/Edit?id={sara.Id}&handler=ResetMfa", new() { ["Id"] = sara.Id });
        Assert.Equal(422, mfa.Status);
        Assert.Equal(sara.SecurityStamp, (await sso.App.UserAsync("sagsbehandler"))!.SecurityStamp);

        await sso.App.WithDbAsync(async db =>
        {
            db.Add(new LoginThrottle(sara.Id, "127.0.0.1"));
            return await db.SaveChangesAsync();
        });
        var unlock = await lead.PostAsync("/Users", "/Users?handler=Unlock", new() { ["id"] = sara.Id });
        Assert.Equal(422, unlock.Status);
        Assert.True(await sso.App.WithDbAsync(db => db.Set<LoginThrottle>().AnyAsync(t => t.UserId == sara.Id)));
        Assert.False(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.UserUnlocked)));
        await lead.Context.CloseAsync();
    }
}

/// <summary>
/// Issue 14 (review): single sign-on beside local accounts, with a group mapping. A user linked to the
/// provider gets no local password and a password from before no longer logs in; the link, not the
/// e-mail, finds the user afterwards; a role from the groups follows the groups.
/// </summary>
[Collection(SsoWithGroupsCollection.Name)]
public sealed class SsoLinkedUserTests(SsoWithGroupsFixture sso)
{
    [Fact]
    public async Task A_linked_user_gets_no_password_form_a_posted_password_is_refused_and_the_old_password_no_longer_logs_in()
    {
        // Before the link the demo password works.
        var before = await sso.SlowPageAsync();
        await before.GotoAsync("/Account/Login");
        await before.SubmitLoginFormAsync("suf");
        await Assertions.Expect(before.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        await before.Context.CloseAsync();

        var page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-henrik", "suf@tilsyn.example", "Henrik Berg");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        var henrik = (await sso.App.UserAsync("suf"))!;
        Assert.True(await sso.App.LinkedAsync(henrik.Id));
        await page.Context.CloseAsync();

        var lead = await sso.SlowPageAsync();
        await lead.StartStaffSsoAsync("/Users");
        await lead.SignInAtProviderAsync("entra-jens", "kontorchef@tilsyn.example", "Jens Kristensen");
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Brugere" })).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Row).Filter(new() { HasText = "Henrik Berg" }).GetByText("Kommunens login")).ToBeVisibleAsync();
        await lead.GotoAsync($"/Users/Edit?id={henrik.Id}");
        Assert.Equal(0, await lead.Locator("input[type=password]").CountAsync());
        await Assertions.Expect(lead.GetByText("Brugeren logger ind med kommunens login")).ToBeVisibleAsync();
        // A new user may still get a password here (local accounts are on), but need not.
        await lead.GotoAsync("/Users/Edit");
        Assert.Equal(1, await lead.Locator("input[type=password]").CountAsync());

        var posted = await lead.PostAsync($"/Users/Edit?id={henrik.Id}", $"/Users/Edit?id={henrik.Id}", new()
        {
            ["Id"] = henrik.Id, ["Input.FullName"] = henrik.FullName, ["Input.UserName"] = henrik.UserName!, ["Input.Email"] = henrik.Email!,
            ["Input.Role"] = Roles.AdministrationContact, ["Input.AdministrationId"] = henrik.AdministrationId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = "en-helt-ny-adgangskode",
        });
        Assert.Equal(422, posted.Status);
        Assert.Contains("kommunens login", await posted.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(henrik.PasswordHash, (await sso.App.UserAsync("suf"))!.PasswordHash);
        var mfa = await lead.PostAsync($"/Users/Edit?id={henrik.Id}", $"/Users/Edit?id={henrik.Id}&handler=ResetMfa", new() { ["Id"] = henrik.Id });
        Assert.Equal(422, mfa.Status);
        await lead.Context.CloseAsync();

        // The password from before the link: refused like a wrong one, the reason in the access log.
        var after = await sso.SlowPageAsync();
        await after.GotoAsync("/Account/Login");
        await after.SubmitLoginFormAsync("suf");
        await Assertions.Expect(after.GetByRole(AriaRole.Alert)).ToContainTextAsync(LoginService.RefusedMessage);
        Assert.DoesNotContain(await after.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.UserId == henrik.Id && e.Action == AccessAction.LoginFailed && e.Detail.Contains("kommunens login"))));
        await after.Context.CloseAsync();
    }

    [Fact]
    public async Task The_link_finds_the_user_after_an_email_change_and_the_old_address_at_another_account_is_refused()
    {
        var page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-karim", "sof@tilsyn.example", "Karim Hassan");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        var karim = (await sso.App.UserAsync("sof"))!;
        await page.Context.CloseAsync();

        // The provider now sends another address for the same person: still Karim.
        page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-karim", "karim.hassan@testkommune.dk", "Karim Hassan");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        Assert.Equal(2, await sso.App.WithDbAsync(db => db.AccessLog.CountAsync(e => e.UserId == karim.Id && e.Action == AccessAction.Login)));
        await page.Context.CloseAsync();

        // Somebody else at the provider with Karim's old address does not get his account.
        page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-andersen", "sof@tilsyn.example", "En Anden", SsoWithGroupsFixture.AdvisorGroup);
        Assert.Equal(sso.BaseUrl + SsoSignIn.RefusedPath, page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        Assert.Equal(2, await sso.App.WithDbAsync(db => db.AccessLog.CountAsync(e => e.UserId == karim.Id && e.Action == AccessAction.Login)));
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.UserId == karim.Id && e.Action == AccessAction.LoginFailed && e.Detail.Contains("anden konto"))));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_role_from_the_groups_follows_the_groups_at_each_sign_in_and_no_group_means_no_access()
    {
        var page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-olga", "olga.ny@testkommune.dk", "Olga Ny", SsoWithGroupsFixture.BufGroup);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        Assert.Equal([Roles.AdministrationContact], await sso.App.RolesAsync("olga.ny@testkommune.dk"));
        await page.Context.CloseAsync();

        // Moved to the caseworkers' group at the provider: a caseworker in Tilsyn from the next sign-in.
        page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-olga", "olga.ny@testkommune.dk", "Olga Ny", SsoWithGroupsFixture.AdvisorGroup);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        var olga = (await sso.App.UserAsync("olga.ny@testkommune.dk"))!;
        Assert.Equal([Roles.Advisor], await sso.App.RolesAsync("olga.ny@testkommune.dk"));
        Assert.Null(olga.AdministrationId);
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.UserId == olga.Id && e.Action == AccessAction.RoleChanged && e.Detail.Contains("fra gruppe"))));
        await page.Context.CloseAsync();

        // Out of every mapped group: refused.
        page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-olga", "olga.ny@testkommune.dk", "Olga Ny", "alle-ansatte");
        Assert.Equal(sso.BaseUrl + SsoSignIn.RefusedPath, page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Auth");
        Assert.True(await sso.App.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.UserId == olga.Id && e.Action == AccessAction.LoginFailed && e.Detail.Contains("grupper"))));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_created_in_tilsyn_keeps_tilsyns_role_whatever_the_groups_say()
    {
        var page = await sso.SlowPageAsync();
        await page.StartStaffSsoAsync();
        await page.SignInAtProviderAsync("entra-peter", "okf@tilsyn.example", "Peter Dahl", SsoWithGroupsFixture.AdvisorGroup);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" })).ToBeVisibleAsync();
        Assert.Equal([Roles.AdministrationContact], await sso.App.RolesAsync("okf"));
        Assert.NotNull((await sso.App.UserAsync("okf"))!.AdministrationId);
        await page.Context.CloseAsync();
    }
}
