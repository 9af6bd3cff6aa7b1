using System.Text.RegularExpressions;
using Tilsyn.Identity;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Tests.Identity;

/// <summary>Point 5 of issue 12: one answer to every refused login, a back-off an outsider cannot turn against the user, sessions that end.</summary>
public sealed partial class LoginHardeningTests(ClientAddressApp app) : IClassFixture<ClientAddressApp>
{
    private const string Password = "en-rigtig-god-adgangskode";

    private async Task<string> CreateUserAsync(string userName, string role = "Advisor")
    {
        var lead = app.ClientFrom("10.0.0.1");
        await lead.LoginOkAsync("kontorchef");
        var created = await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new()
        {
            ["Input.FullName"] = "Test " + userName, ["Input.UserName"] = userName, ["Input.Email"] = userName + "@tilsyn.example",
            ["Input.Role"] = role, ["Input.AdministrationId"] = "", ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        AlertPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex AlertPattern();

    [Fact]
    public async Task An_unknown_user_name_and_a_wrong_password_get_the_same_answer()
    {
        var unknown = await app.ClientFrom("192.0.2.10").LoginAsync("findes-ikke", "hemmelig-adgangskode-1");
        var wrong = await app.ClientFrom("192.0.2.11").LoginAsync("sagsbehandler", "hemmelig-adgangskode-2");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(LoginService.RefusedMessage, await ErrorOf(unknown));
        Assert.Equal(await ErrorOf(unknown), await ErrorOf(wrong));
        // Neither the typed password nor the unknown name (perhaps a password in the wrong field) is logged.
        var lines = await app.WithDbAsync(db => db.AccessLog.Where(a => a.Action == AccessAction.LoginFailed).ToListAsync());
        Assert.Contains(lines, l => l.UserName == "Ukendt brugernavn" && l.RemoteAddress == "192.0.2.10");
        Assert.Contains(lines, l => l.UserName.Contains("(sagsbehandler)") && l.Detail.Contains("forkert adgangskode") && l.RemoteAddress == "192.0.2.11");
        Assert.DoesNotContain(lines, l => (l.UserName + l.Detail).Contains("findes-ikke") || (l.UserName + l.Detail).Contains("hemmelig"));
    }

    [Fact]
    public async Task An_outsiders_wrong_guesses_block_only_the_outsiders_address_and_the_block_grows_then_passes()
    {
        await CreateUserAsync("offer");
        var attacker = app.ClientFrom("203.0.113.66");
        for (var i = 0; i < LoginBackOff.FreeAttempts; i++)
            Assert.Equal(LoginService.RefusedMessage, await ErrorOf(await attacker.LoginAsync("offer", "gæt-nummer-" + i)));

        // The attacker's address is blocked, even with the right password, and with the same answer as always.
        var blocked = await attacker.LoginAsync("offer", Password);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal(LoginService.RefusedMessage, await ErrorOf(blocked));

        // The real user, from their own address, logs in as usual.
        await app.ClientFrom("198.51.100.7").LoginOkAsync("offer", Password);

        // One more wrong guess while blocked doubles the block to two minutes.
        await attacker.LoginAsync("offer", "endnu-et-gæt");
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync("offer", Password)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.LoginAsync("offer", Password)).StatusCode);
    }

    [Fact]
    public async Task The_block_never_exceeds_fifteen_minutes()
    {
        await CreateUserAsync("vedholdende");
        var attacker = app.ClientFrom("203.0.113.77");
        for (var i = 0; i < 20; i++)
            await attacker.LoginAsync("vedholdende", "gæt-" + i);
        app.Clock.Advance(LoginBackOff.MaxBlock - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync("vedholdende", Password)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.LoginAsync("vedholdende", Password)).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_ten_hours_after_login_however_active_the_user_is()
    {
        var client = app.ClientFrom("198.51.100.20");
        await client.LoginOkAsync("sagsbehandler");
        for (var hour = 1; hour <= 9; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_makes_a_copied_session_cookie_stop_working_within_a_minute()
    {
        var browser = app.ClientFrom("198.51.100.30");
        var login = await browser.LoginAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var copy = CopyOfSession(login);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/", "/Account/Logout", [])).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var stolen = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.Contains("/Account/Login", stolen.Headers.Location!.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.Logout && a.UserName.Contains("(sagsbehandler)"))));
    }

    /// <summary>A second client that sends the login cookie of <paramref name="login"/> (as a thief with a copy would).</summary>
    private HttpClient CopyOfSession(HttpResponseMessage login)
    {
        var cookies = login.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("Tilsyn.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies));
        return copy;
    }

    [Fact]
    public async Task A_deactivated_user_loses_the_open_session_within_a_minute_cannot_log_in_and_can_be_reactivated()
    {
        var id = await CreateUserAsync("fratraadt");
        var user = app.ClientFrom("198.51.100.40");
        await user.LoginOkAsync("fratraadt", Password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);

        var lead = app.ClientFrom("10.0.0.1");
        await lead.LoginOkAsync("kontorchef");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/Users", "/Users?handler=Deactivate", new() { ["id"] = id })).StatusCode);
        Assert.Contains("Deaktiveret", await lead.GetStringAsync("/Users"));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/")).StatusCode);
        var again = await user.LoginAsync("fratraadt", Password);
        Assert.Equal(LoginService.RefusedMessage, await ErrorOf(again));
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/Users", "/Users?handler=Reactivate", new() { ["id"] = id })).StatusCode);
        await user.LoginOkAsync("fratraadt", Password);

        var log = await app.WithDbAsync(db => db.AccessLog.Where(a => a.Detail.Contains("(fratraadt)")).Select(a => a.Action).ToListAsync());
        Assert.Contains(AccessAction.UserCreated, log);
        Assert.Contains(AccessAction.UserDeactivated, log);
        Assert.Contains(AccessAction.UserReactivated, log);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.UserId == id && a.Action == AccessAction.LoginFailed && a.Detail.Contains("deaktiveret"))));
    }

    [Fact]
    public async Task A_head_of_office_cannot_deactivate_themself()
    {
        var lead = app.ClientFrom("10.0.0.1");
        await lead.LoginOkAsync("kontorchef");
        var me = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "kontorchef").Select(u => u.Id).SingleAsync());
        var response = await lead.PostFormAsync("/Users", "/Users?handler=Deactivate", new() { ["id"] = me });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Du kan ikke deaktivere dig selv.", await response.Content.ReadAsStringAsync());
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == me).Select(u => u.DeactivatedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("sagsbehandler")]
    [InlineData("buf")]
    [InlineData("ledelse")]
    public async Task Other_roles_are_refused_deactivating_a_user_and_the_refusal_is_logged(string role)
    {
        var id = await CreateUserAsync("uroert-" + role);
        var other = app.ClientFrom("198.51.100.50");
        await other.LoginOkAsync(role);
        var token = await other.AntiforgeryTokenAsync("/");
        var response = await other.PostAsync("/Users?handler=Deactivate", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DeactivatedAt).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.Refused && a.UserName.Contains($"({role})") && a.Detail.Contains("/Users"))));
    }
}
