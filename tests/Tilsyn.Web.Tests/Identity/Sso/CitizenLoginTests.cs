using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Citizens;
using Tilsyn.Web.Tests.Browser;

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
        var logStart = await LastLogIdAsync();
        await page.SignInAtProviderAsync("mitid-carla", name: "Carla Borger", cpr: "010203-1234");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine sager", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/borger/sager", page.Url);
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
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        // The sign-in and the sign-out are in the access log under "Borger" and the masked CPR number, with how MitID authenticated.
        var log = await LogSinceAsync(logStart);
        var login = Assert.Single(log, e => e.Action == AccessAction.CitizenLogin);
        Assert.Equal(("Borger 010203-xxxx", (string?)null), (login.UserName, login.UserId));
        Assert.Contains("amr: pwd mfa", login.Detail, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", login.RemoteAddress);
        var logout = Assert.Single(log, e => e.Action == AccessAction.CitizenLogout);
        Assert.Equal("Borger 010203-xxxx", logout.UserName);
        Assert.Contains("også hos MitID", logout.Detail, StringComparison.Ordinal);
        Assert.True(login.Id < logout.Id);
        Assert.DoesNotContain(log, e => (e.UserName + e.Detail).Contains("1234", StringComparison.Ordinal) || (e.UserName + e.Detail).Contains("Carla", StringComparison.Ordinal));
    }

    private Task<long> LastLogIdAsync() => sso.App.WithDbAsync(async db => await db.AccessLog.MaxAsync(e => (long?)e.Id) ?? 0);

    private Task<List<AccessLogEntry>> LogSinceAsync(long id) =>
        sso.App.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_login_without_a_valid_cpr_number_is_refused_without_a_session()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/borger/login");
        var logStart = await LastLogIdAsync();
        await page.SignInAtProviderAsync("mitid-uden", name: "Uden CPR", cpr: "3213991234");

        await Assertions.Expect(page.GetByText("Vi fik ikke et gyldigt CPR-nummer fra MitID")).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/borger/login?fejl=cpr", page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "Tilsyn.Borger");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        // A refusal, logged without anything the broker sent.
        var refused = Assert.Single(await LogSinceAsync(logStart));
        Assert.Equal((AccessAction.CitizenLoginFailed, "Borger (MitID)"), (refused.Action, refused.UserName));
        Assert.DoesNotContain("3213", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_return_address_must_be_local()
    {
        var page = await sso.NewPageAsync();
        var visited = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) => visited.Enqueue(r.Url);
        await page.GotoAsync("/borger/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        await page.SignInAtProviderAsync("mitid-dan", name: "Dan", cpr: "0102031234");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine sager", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/borger/sager", page.Url);
        Assert.DoesNotContain(visited, u => u.Contains("evil.example", StringComparison.Ordinal) && !u.Contains("returnUrl", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_or_broken_login_explains_itself_on_an_accessible_page()
    {
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/borger/login?fejl=login");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Login med MitID blev ikke gennemført. Prøv igen.");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_signed_in_with_mitid_sees_only_their_own_cases_replies_with_a_file_and_the_caseworker_finds_it_journalised()
    {
        var own = await sso.App.StoreCitizenCaseAsync("1207821234", "Erik Eksempel", "Hjemmehjælp til min mor");
        var closed = await sso.App.StoreCitizenCaseAsync("1207821234", "Erik Eksempel", "Parkeringstilladelse", c =>
        {
            var at = sso.App.Clock.GetUtcNow();
            c.StartReview(at, new Actor(null, "Sara Holm"));
            c.Reject("Uden for kompetence.", at, new Actor(null, "Sara Holm"));
        });
        var others = await sso.App.StoreCitizenCaseAsync("2308904321", "Frida Anden", "Fridas sag om skolebus");
        var pdf = TestFiles.Pdf("Kommunens afgørelse");

        // Not signed in: "Mine sager" sends the citizen through MitID (here the test identity provider) and back.
        var page = await sso.NewPageAsync();
        await page.GotoAsync("/borger/sager");
        await page.SignInAtProviderAsync("mitid-erik", name: "Erik Eksempel", cpr: "120782-1234");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine sager", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(sso.BaseUrl + "/borger/sager", page.Url);

        // Only the cases of this CPR number; another person's case is not listed and its address answers 404.
        var listed = await page.Locator("#sager h2").AllInnerTextsAsync();
        Assert.Equal(["Hjemmehjælp til min mor", "Parkeringstilladelse"], listed.Order(StringComparer.Ordinal).ToArray());
        await Assertions.Expect(page.GetByText(others.Number)).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
        var refused = await page.GotoAsync($"/borger/sager/{others.Number}");
        Assert.Equal(404, refused!.Status);
        await Assertions.Expect(page.GetByText("Fridas sag om skolebus")).ToHaveCountAsync(0);
        var refusedDocument = await page.GotoAsync($"/borger/sager/{others.Number}/dokument/1");
        Assert.Equal(404, refusedDocument!.Status);

        // The open case: status, letters, and the form to send something.
        await page.GotoAsync("/borger/sager");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Hjemmehjælp til min mor" }).ClickAsync());
        Assert.Equal($"{sso.BaseUrl}/borger/sager/{own.Number}", page.Url);
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send til Borgerrådgiveren" });
        await Assertions.Expect(send).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // Sending nothing: the refusal, and the page in its error state is accessible too.
        await page.AfterNavigationAsync(() => send.ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Skriv en besked eller vælg et dokument");
        await Axe.AssertNoViolationsAsync(page);

        // A message and a file.
        await page.GetByLabel("Din besked", new() { Exact = true }).FillAsync("Her er kommunens afgørelse, som I bad om.");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Dokumenter")).SetInputFilesAsync(
            new FilePayload { Name = "afgørelse.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.AfterNavigationAsync(() => send.ClickAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tak. Vi har modtaget det, du sendte (2 dokumenter), og lagt det på sagen.");
        var documents = page.Locator("#dokumenter");
        await Assertions.Expect(documents).ToContainTextAsync("Besked fra borgeren");
        await Assertions.Expect(documents).ToContainTextAsync("Bilag fra borgeren: afgørelse.pdf");
        await Axe.AssertNoViolationsAsync(page);

        // The closed case offers no reply.
        await page.GotoAsync($"/borger/sager/{closed.Number}");
        await Assertions.Expect(page.Locator("#lukket")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Din besked", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send til Borgerrådgiveren" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);

        // Signing out (the page while signed in is checked too).
        await page.GotoAsync("/borger/logout");
        await Axe.AssertNoViolationsAsync(page);
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync());
        await Assertions.Expect(page.GetByText("Du er logget ud.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // The caseworker finds both on the case, journalised as incoming from the citizen, and the file as it was sent.
        var staff = await sso.NewPageAsync();
        // Through the provider: another test of this collection may have linked Sara's account to it, and a
        // linked account has no password login any more (LocalPassword).
        await staff.StartStaffSsoAsync();
        await staff.SignInAtProviderAsync("entra-sara", "sagsbehandler@tilsyn.example", "Sara Holm", amr: "pwd mfa");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Sagsbehandlerens forside" })).ToBeVisibleAsync();
        await staff.GotoAsync($"/Cases/{own.Number}");
        var rows = staff.GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Filter(new() { HasText = "Besked fra borgeren" })).ToHaveCountAsync(1);
        var fileRow = rows.Filter(new() { HasText = "Bilag fra borgeren: afgørelse.pdf" });
        await Assertions.Expect(fileRow).ToHaveCountAsync(1);
        await Assertions.Expect(staff.GetByText("Borgeren har sendt en besked og et dokument via Mine sager")).ToBeVisibleAsync();
        var href = await fileRow.GetByRole(AriaRole.Link).GetAttributeAsync("href");
        var file = await staff.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, file.Status);
        Assert.Equal(pdf, await file.BodyAsync());
        await staff.Context.CloseAsync();

        var stored = await sso.App.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Documents).SingleAsync(c => c.Id == own.Id));
        var added = stored.Documents.Where(d => d.CreatedByName == Actor.Citizen.Name && d.Title != "Klage fra borger").OrderBy(d => d.Sequence).ToList();
        Assert.Equal([(DocumentKind.Incoming, "Besked fra borgeren"), (DocumentKind.Attachment, "Bilag fra borgeren: afgørelse.pdf")],
            added.Select(d => (d.Kind, d.Title)).ToArray());
        Assert.Equal(1, await sso.App.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == closed.Id)));
        Assert.Equal(1, await sso.App.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == others.Id)));
    }
}
