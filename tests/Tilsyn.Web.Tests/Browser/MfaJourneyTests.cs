using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilsyn.Identity;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Identity;
using Tilsyn.Web.Tests.Identity;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>The application with two-step login required (<see cref="MfaApp"/>) in the browser.</summary>
public sealed class MfaBrowserFixture : BrowserFixture<MfaApp>;

/// <summary>
/// Issue 14 point 2 in the browser: an advisor enrols in two-step login at the first login, with the
/// key shown beside the QR code (the code is computed in the test, RFC 6238, as an authenticator app
/// does), saves the recovery codes, and logs in again with a code and with a recovery code. Typed with
/// the keyboard, as a person does; every page state is checked with axe (WCAG 2.1 A/AA).
/// </summary>
public sealed class MfaJourneyTests(MfaBrowserFixture browser) : IClassFixture<MfaBrowserFixture>
{
    private const string Password = "en-rigtig-god-adgangskode";
    private const string CodeLabel = "Kode fra godkendelsesappen (6 cifre)";

    private async Task CreateUserAsync(string userName, string role)
    {
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TilsynUser>>();
        var user = new TilsynUser { UserName = userName, Email = userName + "@tilsyn.example", EmailConfirmed = true, FullName = "Test " + userName };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>The login page with the keyboard: the user name has the focus, Tab to the password, Enter sends.</summary>
    private static async Task TypePasswordStepAsync(IPage page, string userName, bool checkAxe = false)
    {
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByLabel("Brugernavn eller e-mail", new() { Exact = true })).ToBeFocusedAsync();
        if (checkAxe) await Axe.AssertNoViolationsAsync(page);
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Adgangskode", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Password);
        await EnterAsync(page);
    }

    /// <summary>Presses Enter in the focused field or on the focused control and waits for the page it leads to.</summary>
    private static Task EnterAsync(IPage page) => page.AfterNavigationAsync(() => page.Keyboard.PressAsync("Enter"));

    /// <summary>Types a code into the labelled field and sends it with Enter.</summary>
    private static async Task TypeCodeAsync(IPage page, string label, string code)
    {
        await page.GetByLabel(label, new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync(code);
        await EnterAsync(page);
    }

    /// <summary>Moves the focus to a link or button and presses Enter: for a link or a form button, waits for the page it leads to.</summary>
    private static async Task PressAsync(ILocator target, bool navigates = true)
    {
        await target.FocusAsync();
        if (navigates) await EnterAsync(target.Page);
        else await target.PressAsync("Enter");
    }

    private static async Task AssertNoSessionAsync(IPage page)
    {
        await page.GotoAsync("/Cases");
        Assert.StartsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    private Task<List<AccessLogEntry>> LogOfAsync(string userName) =>
        browser.App.WithDbAsync(db => db.AccessLog.Where(a => a.UserName.Contains("(" + userName + ")")).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task An_advisor_enrols_with_the_key_beside_the_qr_code_saves_the_recovery_codes_and_logs_in_with_a_code_and_with_a_recovery_code()
    {
        await CreateUserAsync("mfa-browser", Roles.Advisor);
        var page = await browser.NewPageAsync();

        // The password leads to enrolment: nothing else opens until it is done.
        await TypePasswordStepAsync(page, "mfa-browser", checkAxe: true);
        Assert.Equal("/Account/MfaEnrol", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slå to-trinsbekræftelse til" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new("QR-kode") })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // The key for typing, as the person reads it beside the QR code (groups of four, lower case).
        var shown = await page.Locator("#authenticator-key").InnerTextAsync();
        var key = shown.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Matches("^[A-Z2-7]{16,}$", key);

        // A wrong code first: the one refusal, the field is there to try again, and the page is still accessible.
        await TypeCodeAsync(page, CodeLabel, Totp.WrongCode(key));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(SecondStepLogin.RefusedMessage);
        await Axe.AssertNoViolationsAsync(page);
        await TypeCodeAsync(page, CodeLabel, Totp.Code(key, -1));

        // Enrolled and logged in: the recovery codes, shown once, saved as a text file.
        var codesRegion = page.GetByRole(AriaRole.Region, new() { Name = "Dine gendannelseskoder" });
        await Assertions.Expect(codesRegion).ToBeVisibleAsync();
        var codes = await codesRegion.Locator("li code").AllInnerTextsAsync();
        Assert.Equal(MfaService.RecoveryCodeCount, codes.Count);
        await Axe.AssertNoViolationsAsync(page);
        var saveLink = page.GetByRole(AriaRole.Link, new() { Name = "Gem koderne som tekstfil" });
        await saveLink.FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => saveLink.PressAsync("Enter"));
        Assert.Equal("tilsyn-gendannelseskoder.txt", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.All(codes, c => Assert.Contains(c, saved));
        await PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "Jeg har gemt koderne – fortsæt" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();

        // The user's own page says it is on and cannot be switched off for this role; the codes are not shown again.
        var own = await page.GotoAsync("/Account/Mfa");
        Assert.Contains("no-store", own!.Headers["cache-control"], StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText($"Du har {MfaService.RecoveryCodeCount} ubrugte gendannelseskoder.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".recovery-codes")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Slå fra" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);

        // Log out with the keyboard.
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }));
        await AssertNoSessionAsync(page);

        // Again: the password, then a fresh code from the app.
        await TypePasswordStepAsync(page, "mfa-browser");
        Assert.Equal("/Account/LoginMfa", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByLabel(CodeLabel, new() { Exact = true })).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Keyboard.TypeAsync(Totp.Code(key));
        await EnterAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }));

        // And with a recovery code instead of the phone: the disclosure opens with Enter.
        await TypePasswordStepAsync(page, "mfa-browser");
        await PressAsync(page.GetByText("Har du ikke telefonen? Brug en gendannelseskode"), navigates: false);
        await Axe.AssertNoViolationsAsync(page);
        await TypeCodeAsync(page, "Gendannelseskode", codes[0]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Mfa");
        await Assertions.Expect(page.GetByText($"Du har {MfaService.RecoveryCodeCount - 1} ubrugte gendannelseskoder.")).ToBeVisibleAsync();

        // New recovery codes on the user's own page: shown once, and accessible.
        await PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Lav nye gendannelseskoder" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Dine gendannelseskoder" }).Locator("li code")).ToHaveCountAsync(MfaService.RecoveryCodeCount);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        var log = await LogOfAsync("mfa-browser");
        Assert.Contains(log, l => l.Action == AccessAction.MfaEnrolled);
        Assert.Contains(log, l => l.Action == AccessAction.MfaRecoveryCodeUsed);
        Assert.Contains(log, l => l.Action == AccessAction.MfaCodesRenewed);
    }

    [Fact]
    public async Task Without_a_code_an_enrolled_advisor_gets_no_session_and_a_wrong_code_or_used_recovery_code_is_refused()
    {
        await CreateUserAsync("mfa-browser-nej", Roles.Advisor);
        var page = await browser.NewPageAsync();
        await TypePasswordStepAsync(page, "mfa-browser-nej");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await TypeCodeAsync(page, CodeLabel, Totp.Code(key, -1));
        var codes = await page.GetByRole(AriaRole.Region, new() { Name = "Dine gendannelseskoder" }).Locator("li code").AllInnerTextsAsync();
        await page.Context.CloseAsync();

        page = await browser.NewPageAsync();
        await TypePasswordStepAsync(page, "mfa-browser-nej");
        Assert.Equal("/Account/LoginMfa", new Uri(page.Url).AbsolutePath);

        // Enter on the empty field: the browser does not send it (the field is required), and there is no session.
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("/Account/LoginMfa", new Uri(page.Url).AbsolutePath);
        Assert.False(await page.GetByLabel(CodeLabel, new() { Exact = true }).EvaluateAsync<bool>("e => e.checkValidity()"));

        // A wrong code: the one refusal, said as an alert; the page in its error state is accessible.
        await page.Keyboard.TypeAsync(Totp.WrongCode(key));
        await EnterAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(SecondStepLogin.RefusedMessage);
        await Axe.AssertNoViolationsAsync(page);

        // A recovery code used once already (here: used, then tried again) is refused too.
        await PressAsync(page.GetByText("Har du ikke telefonen? Brug en gendannelseskode"), navigates: false);
        await TypeCodeAsync(page, "Gendannelseskode", codes[1]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        page = await browser.NewPageAsync();
        await TypePasswordStepAsync(page, "mfa-browser-nej");
        await PressAsync(page.GetByText("Har du ikke telefonen? Brug en gendannelseskode"), navigates: false);
        await TypeCodeAsync(page, "Gendannelseskode", codes[1]);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(SecondStepLogin.RefusedMessage);
        await Axe.AssertNoViolationsAsync(page);

        // Past the password step only: no page opens.
        await AssertNoSessionAsync(page);
        await page.GotoAsync("/");
        Assert.StartsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
        Assert.Contains(await LogOfAsync("mfa-browser-nej"), l => l.Action == AccessAction.LoginFailed && l.Detail.Contains("forkert kode"));
    }

    [Fact]
    public async Task Leadership_may_enrol_on_its_own_page_and_the_page_is_accessible_before_and_after()
    {
        await CreateUserAsync("mfa-browser-valg", Roles.Leadership);
        var page = await browser.NewPageAsync();
        await TypePasswordStepAsync(page, "mfa-browser-valg");
        await page.GotoAsync("/Account/Mfa");
        await Assertions.Expect(page.GetByText("ikke slået til", new() { Exact = false })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        await TypeCodeAsync(page, CodeLabel, Totp.WrongCode(key));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await TypeCodeAsync(page, CodeLabel, Totp.Code(key, -1));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("slået til");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Dine gendannelseskoder" }).Locator("li code")).ToHaveCountAsync(MfaService.RecoveryCodeCount);
        await Axe.AssertNoViolationsAsync(page);
        // Leadership may switch it off: the form is there.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Slå fra" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
