using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Identity;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Tests.Identity;

/// <summary>Issue 14 point 2: two-step login (TOTP) for local accounts, required for the roles that can reveal a CPR number or administer users.</summary>
public sealed partial class MfaTests(MfaApp app) : IClassFixture<MfaApp>
{
    private const string Password = "en-rigtig-god-adgangskode";

    private async Task CreateUserAsync(string userName, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TilsynUser>>();
        var user = new TilsynUser { UserName = userName, Email = userName + "@tilsyn.example", EmailConfirmed = true, FullName = "Test " + userName };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is not { } l ? "" : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;

    private static async Task<string> AlertOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(AlertPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);

    /// <summary>Logs in with the password and enrols on the page the login leads to; returns the shared key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAtLoginAsync(HttpClient client, string userName, string password = Password)
    {
        var login = await client.LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/Account/MfaEnrol", Location(login));
        var page = await client.GetStringAsync(Location(login));
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(key);
        var enrolled = await client.PostFormAsync(Location(login), Location(login), new() { ["Code"] = Totp.Code(key, -1) });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = RecoveryPattern().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(MfaService.RecoveryCodeCount, codes.Count);
        return (key, codes);
    }

    /// <summary>The password step of a user who has enrolled: the answer is the code step, not a session.</summary>
    private static async Task PasswordThenCodeStepAsync(HttpClient client, string userName, string password = Password)
    {
        var login = await client.LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/Account/LoginMfa", Location(login));
    }

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string code) =>
        client.PostFormAsync("/Account/LoginMfa", "/Account/LoginMfa", new() { ["Code"] = code });

    private static Task<HttpResponseMessage> RecoveryCodeAsync(HttpClient client, string code) =>
        client.PostFormAsync("/Account/LoginMfa", "/Account/LoginMfa?handler=Recovery", new() { ["RecoveryCode"] = code });

    private static async Task AssertLoggedOutAsync(HttpClient client)
    {
        var page = await client.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", Location(page));
    }

    private Task<List<AccessLogEntry>> LogOfAsync(string userName) =>
        app.WithDbAsync(db => db.AccessLog.Where(a => a.UserName.Contains("(" + userName + ")")).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public void The_test_code_generator_matches_the_rfc_6238_test_vector() =>
        // RFC 6238 appendix B: key "12345678901234567890", T = 59 s → 94287082 (eight digits; six are the last six).
        Assert.Equal("287082", Totp.At("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public async Task An_advisor_who_has_not_enrolled_is_sent_to_enrol_after_the_password_and_nothing_else_opens_until_then()
    {
        await CreateUserAsync("mfa-ny", Roles.Advisor);
        var client = app.NewClient();
        var login = await client.LoginAsync("mfa-ny", Password);
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, await AlertOf(login) + string.Join(" | ", (await LogOfAsync("mfa-ny")).Select(l => l.Detail)));
        Assert.Equal("/Account/MfaEnrol?ReturnUrl=%2F", Location(login));

        // No session: case pages and the user's own pages send the user to the login page.
        await AssertLoggedOutAsync(client);
        Assert.StartsWith("/Account/Login", Location(await client.GetAsync("/Account/Mfa")));
        Assert.StartsWith("/Account/Login", Location(await client.GetAsync("/")));

        // The enrolment page shows the QR code (a PNG), the key for typing and the otpauth address with issuer Tilsyn.
        var page = await client.GetStringAsync("/Account/MfaEnrol");
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        var qr = WebUtility.HtmlDecode(Regex.Match(page, "src=\"data:image/png;base64,([^\"]+)\"").Groups[1].Value);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr)[..4]);
        Assert.Contains(string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c))), page);
        var uri = WebUtility.HtmlDecode(Regex.Match(page, "id=\"authenticator-link\" href=\"([^\"]+)\"").Groups[1].Value);
        Assert.StartsWith("otpauth://totp/Tilsyn:mfa-ny?", uri);
        Assert.Contains("secret=" + key, uri);
        Assert.Contains("issuer=Tilsyn", uri);

        // A wrong code is refused with the one answer and does not enrol or log in.
        var wrong = await client.PostFormAsync("/Account/MfaEnrol", "/Account/MfaEnrol", new() { ["Code"] = Totp.WrongCode(key) });
        Assert.Equal(SecondStepLogin.RefusedMessage, await AlertOf(wrong));
        await AssertLoggedOutAsync(client);

        var enrolled = await client.PostFormAsync("/Account/MfaEnrol", "/Account/MfaEnrol", new() { ["Code"] = Totp.Code(key) });
        var html = await enrolled.Content.ReadAsStringAsync();
        Assert.Equal(MfaService.RecoveryCodeCount, RecoveryPattern().Matches(html).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Cases")).StatusCode);
        var log = await LogOfAsync("mfa-ny");
        Assert.Contains(log, l => l.Action == AccessAction.MfaEnrolled);
        Assert.Contains(log, l => l.Action == AccessAction.Login);
        Assert.Contains(log, l => l.Action == AccessAction.LoginFailed && l.Detail.Contains("forkert kode"));
        // The recovery codes are shown once: the user's page shows how many are left, not the codes.
        var own = await client.GetStringAsync("/Account/Mfa");
        Assert.Contains("slået til", own);
        Assert.Empty(RecoveryPattern().Matches(own));
    }

    [Fact]
    public async Task An_enrolled_advisor_logs_in_with_a_code_computed_from_the_shared_secret_and_a_used_code_is_refused()
    {
        await CreateUserAsync("mfa-kode", Roles.Advisor);
        var (key, _) = await EnrolAtLoginAsync(app.NewClient(), "mfa-kode");

        var client = app.NewClient();
        await PasswordThenCodeStepAsync(client, "mfa-kode");
        await AssertLoggedOutAsync(client); // after the password alone: no session
        var code = Totp.Code(key);
        var ok = await CodeAsync(client, code);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/", Location(ok));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Cases")).StatusCode);

        // The same code again (a shoulder-surfer, a replayed request) is refused, though it is still within its time.
        var other = app.NewClient();
        await PasswordThenCodeStepAsync(other, "mfa-kode");
        var replay = await CodeAsync(other, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(SecondStepLogin.RefusedMessage, await AlertOf(replay));
        await AssertLoggedOutAsync(other);
        // The next code works.
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(other, Totp.Code(key, 1))).StatusCode);
        Assert.Contains(await LogOfAsync("mfa-kode"), l => l.Action == AccessAction.Login && l.Detail.Contains("to-trinsbekræftelse"));
    }

    [Fact]
    public async Task A_recovery_code_logs_in_once_and_is_refused_the_second_time()
    {
        await CreateUserAsync("mfa-gendan", Roles.AdvisorLead);
        var (_, codes) = await EnrolAtLoginAsync(app.NewClient(), "mfa-gendan");

        var client = app.NewClient();
        await PasswordThenCodeStepAsync(client, "mfa-gendan");
        var ok = await RecoveryCodeAsync(client, codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Users")).StatusCode);
        Assert.Contains($"{MfaService.RecoveryCodeCount - 1} ubrugte gendannelseskoder", await client.GetStringAsync("/Account/Mfa"));

        var again = app.NewClient();
        await PasswordThenCodeStepAsync(again, "mfa-gendan");
        var refused = await RecoveryCodeAsync(again, codes[3]);
        Assert.Equal(SecondStepLogin.RefusedMessage, await AlertOf(refused));
        await AssertLoggedOutAsync(again);
        var log = await LogOfAsync("mfa-gendan");
        Assert.Single(log, l => l.Action == AccessAction.MfaRecoveryCodeUsed);
        Assert.Contains(log, l => l.Action == AccessAction.LoginFailed && l.Detail.Contains("forkert gendannelseskode"));
        Assert.DoesNotContain(log, l => l.Detail.Contains(codes[3])); // codes are never logged
    }

    [Fact]
    public async Task Without_a_code_or_with_wrong_codes_an_advisor_gets_no_session_and_wrong_codes_count_in_the_back_off()
    {
        await CreateUserAsync("mfa-gaet", Roles.Advisor);
        var (key, _) = await EnrolAtLoginAsync(app.NewClient(), "mfa-gaet");
        var client = app.NewClient();
        await PasswordThenCodeStepAsync(client, "mfa-gaet");

        var empty = await CodeAsync(client, "");
        Assert.Equal("Skriv koden fra appen.", await AlertOf(empty));
        await AssertLoggedOutAsync(client);

        for (var i = 0; i < LoginBackOff.FreeAttempts; i++)
            Assert.Equal(SecondStepLogin.RefusedMessage, await AlertOf(await CodeAsync(client, Totp.WrongCode(key))));
        await AssertLoggedOutAsync(client);
        // Blocked now: even the right code is refused, with the same answer.
        var blocked = await CodeAsync(client, Totp.Code(key));
        Assert.Equal(SecondStepLogin.RefusedMessage, await AlertOf(blocked));
        await AssertLoggedOutAsync(client);
        var log = await LogOfAsync("mfa-gaet");
        Assert.Equal(LoginBackOff.FreeAttempts, log.Count(l => l.Action == AccessAction.LoginFailed && l.Detail.Contains("forkert kode")));
        Assert.Contains(log, l => l.Action == AccessAction.LoginFailed && l.Detail.Contains("spærret"));

        // The block passes with time (the app's clock; the codes follow real time).
        app.Clock.Advance(LoginBackOff.FirstBlock + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(client, Totp.Code(key, 1))).StatusCode);
    }

    [Fact]
    public async Task The_code_step_does_not_open_without_the_password_step()
    {
        var client = app.NewClient();
        var page = await client.GetAsync("/Account/LoginMfa");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", Location(page));
        Assert.StartsWith("/Account/Login", Location(await client.GetAsync("/Account/MfaEnrol")));
    }

    [Fact]
    public async Task Leadership_logs_in_without_mfa_and_may_enrol_and_switch_it_off_again()
    {
        await CreateUserAsync("mfa-ledelse", Roles.Leadership);
        var client = app.NewClient();
        var login = await client.LoginAsync("mfa-ledelse", Password);
        Assert.Equal("/", Location(login));
        var page = await client.GetStringAsync("/Account/Mfa");
        Assert.Contains("ikke slået til", page);
        var key = KeyPattern().Match(page).Groups[1].Value;

        var enrolled = await client.PostFormAsync("/Account/Mfa", "/Account/Mfa?handler=Enrol", new() { ["Code"] = Totp.Code(key, -1) });
        Assert.Equal(MfaService.RecoveryCodeCount, RecoveryPattern().Matches(await enrolled.Content.ReadAsStringAsync()).Count);
        // The session goes on after enrolling (its security stamp changed and it was re-issued).
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Statistics")).StatusCode);

        // Enrolled: the next login asks for a code.
        var next = app.NewClient();
        await PasswordThenCodeStepAsync(next, "mfa-ledelse");
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(next, Totp.Code(key))).StatusCode);

        // Leadership may switch it off (with a current code); afterwards the password is enough again.
        var off = await next.PostFormAsync("/Account/Mfa", "/Account/Mfa?handler=SwitchOff", new() { ["Code"] = Totp.Code(key, 1) });
        Assert.Contains("slået fra", await off.Content.ReadAsStringAsync());
        Assert.Equal("/", Location(await app.NewClient().LoginAsync("mfa-ledelse", Password)));
        Assert.Contains(await LogOfAsync("mfa-ledelse"), l => l.Action == AccessAction.MfaSwitchedOff);
    }

    [Fact]
    public async Task An_advisor_may_not_switch_mfa_off()
    {
        await CreateUserAsync("mfa-fast", Roles.Advisor);
        var client = app.NewClient();
        var (key, _) = await EnrolAtLoginAsync(client, "mfa-fast");
        Assert.DoesNotContain("handler=SwitchOff", await client.GetStringAsync("/Account/Mfa"));
        var refused = await client.PostFormAsync("/Account/Mfa", "/Account/Mfa?handler=SwitchOff", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("kræver", await AlertOf(refused));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "mfa-fast").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task A_head_of_office_resets_a_users_mfa_the_users_session_ends_and_the_user_enrols_again_with_a_new_key()
    {
        await CreateUserAsync("mfa-chef", Roles.AdvisorLead);
        await CreateUserAsync("mfa-mistet", Roles.Advisor);
        var lead = app.NewClient();
        await EnrolAtLoginAsync(lead, "mfa-chef");
        var advisor = app.NewClient();
        var (oldKey, _) = await EnrolAtLoginAsync(advisor, "mfa-mistet");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "mfa-mistet").Select(u => u.Id).SingleAsync());

        Assert.Contains("Brugeren har slået to-trinsbekræftelse til.", await lead.GetStringAsync($"/Users/Edit?id={id}"));
        var reset = await lead.PostFormAsync($"/Users/Edit?id={id}", "/Users/Edit?handler=ResetMfa", new() { ["Id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains(await LogOfAsync("mfa-chef"), l => l.Action == AccessAction.MfaReset && l.Detail.Contains("(mfa-mistet)"));

        // The advisor's open session ends at its next check (the security stamp changed).
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await AssertLoggedOutAsync(advisor);
        // The old app's codes no longer work; the advisor must enrol again, with a new key.
        var (newKey, _) = await EnrolAtLoginAsync(app.NewClient(), "mfa-mistet");
        Assert.NotEqual(oldKey, newKey);
    }

    [Fact]
    public async Task Only_a_head_of_office_may_reset_mfa()
    {
        await CreateUserAsync("mfa-kollega", Roles.Advisor);
        var client = app.NewClient();
        await EnrolAtLoginAsync(client, "mfa-kollega");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "mfa-kollega").Select(u => u.Id).SingleAsync());
        var token = await client.AntiforgeryTokenAsync("/Account/Mfa");
        var refused = await client.PostAsync("/Users/Edit?handler=ResetMfa", new FormUrlEncodedContent(new Dictionary<string, string> { ["Id"] = id, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", Location(refused));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "mfa-kollega").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task A_password_session_ends_when_the_user_gets_a_role_that_requires_mfa()
    {
        await CreateUserAsync("mfa-forfremmet", Roles.Leadership);
        var client = app.NewClient();
        Assert.Equal("/", Location(await client.LoginAsync("mfa-forfremmet", Password)));
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TilsynUser>>();
            var user = (await users.FindByNameAsync("mfa-forfremmet"))!;
            await users.RemoveFromRoleAsync(user, Roles.Leadership);
            await users.AddToRoleAsync(user, Roles.Advisor);
            await users.UpdateSecurityStampAsync(user);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await AssertLoggedOutAsync(client);
        Assert.StartsWith("/Account/MfaEnrol", Location(await app.NewClient().LoginAsync("mfa-forfremmet", Password)));
    }

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex AlertPattern();

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryPattern();
}
