using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Letters;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.DataSubjects;

namespace Tilsyn.Web.Tests.Citizens;

/// <summary>
/// Issue 14, point 3: "Mine sager" for a citizen signed in to the citizens' own session (here through the
/// test host's sign-in, <see cref="TestCitizenSignIn"/>; the real one is NemLog-in/MitID over OpenID Connect).
/// </summary>
public sealed partial class MineSagerTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static readonly Actor Advisor = new(null, "Sara Holm");

    /// <summary>A case of the citizen with that CPR number (encrypted, with its lookup hash), stored.</summary>
    private async Task<ComplaintCase> StoreAsync(string? cpr, string name, string subject, DateTimeOffset? received = null, Action<ComplaintCase>? steps = null)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TilsynDbContext>();
        var protector = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(CaseRegistration.CprPurpose);
        var citizen = new Citizen(name, null, null, null, cpr is null ? null : protector.Protect(cpr), cpr is null ? null : $"{cpr[..6]}-xxxx",
            cpr is null ? null : sp.GetRequiredService<CprLookup>().Hash(cpr));
        var at = received ?? app.Clock.GetUtcNow();
        var c = CaseBuilder.ACase().WithCitizen(citizen).About(subject, "Min klage.").ReceivedAt(at).Build();
        c.AddDocument(DocumentKind.Incoming, "Klage fra borger", at, Actor.Citizen, "Min klage.", null, null, null);
        steps?.Invoke(c);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    private async Task<HttpClient> CitizenAsync(string cpr, string name)
    {
        var client = app.NewClient();
        await client.SignInAsCitizenAsync(cpr, name);
        return client;
    }

    private Task<List<AccessLogEntry>> LogAsync(string? caseNumber) =>
        app.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.CaseNumber == caseNumber).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_list_shows_the_citizens_own_cases_newest_first_and_nobody_elses()
    {
        var start = app.Clock.GetUtcNow();
        var older = await StoreAsync("0101901111", "Anna Quist", "Ældre sag om plads", start.AddDays(-30));
        var newer = await StoreAsync("0101901111", "Anna Quist", "Nyere sag om tilskud", start.AddDays(-2));
        var others = await StoreAsync("0202802222", "Bo Berg", "Bos sag", start.AddDays(-1));
        var noCpr = await StoreAsync(null, "Anna Quist", "Samme navn uden CPR", start.AddDays(-1));
        var deleted = await StoreAsync("0101901111", "Anna Quist", "Slettet sag", start.AddDays(-1), c =>
        {
            c.StartReview(start, Advisor);
            c.Reject("Uden for kompetence.", start, Advisor);
            c.ErasePersonalData(start, "Slettefristen er udløbet.");
        });
        var anna = await CitizenAsync("0101901111", "Anna Quist");

        var html = await anna.GetStringAsync("/borger/sager");

        var shown = CaseNumberPattern().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([newer.Number, older.Number], shown);
        Assert.DoesNotContain(others.Number, html);
        Assert.DoesNotContain(noCpr.Number, html);
        Assert.DoesNotContain(deleted.Number, html);
        Assert.Contains("Modtaget", html);
        Assert.Contains("Vi har modtaget din henvendelse", html); // the status in plain Danish
        var bo = await CitizenAsync("0202802222", "Bo Berg");
        var bos = await bo.GetStringAsync("/borger/sager");
        Assert.Contains(others.Number, bos);
        Assert.DoesNotContain(older.Number, bos);
    }

    [Fact]
    public async Task Another_persons_case_and_a_number_that_does_not_exist_are_the_same_404_and_logged_as_refused()
    {
        var bos = await StoreAsync("0202803333", "Bo Berg", "Bos sag");
        var anna = await CitizenAsync("0101904444", "Anna Quist");

        var other = await anna.GetAsync($"/borger/sager/{bos.Number}");
        var missing = await anna.GetAsync("/borger/sager/2026-0999999");
        var otherDocument = await anna.GetAsync($"/borger/sager/{bos.Number}/dokument/1");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDocument.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), (await other.Content.ReadAsStringAsync()).Replace(bos.Number, "2026-0999999"));
        Assert.DoesNotContain("Bos sag", await other.Content.ReadAsStringAsync());
        var refused = (await LogAsync(bos.Number)).Where(e => e.Action == AccessAction.Refused).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, e => Assert.Equal("Borger (MitID)", e.UserName));
        Assert.Contains(await LogAsync("2026-0999999"), e => e.Action == AccessAction.Refused);
    }

    [Fact]
    public async Task Letters_are_listed_and_downloadable_as_PDF_but_notes_and_statements_are_not()
    {
        var pdf = TestFiles.Pdf();
        var c = await StoreAsync("0101905555", "Anna Quist", "Sag med breve", steps: c =>
        {
            var at = app.Clock.GetUtcNow();
            c.RecordLetterDelivery(c.AddLetter(LetterKind.Receipt, "Kvittering for din klage", at, Actor.System, "Tak.", "Kvittering.pdf", "application/pdf", pdf),
                Tilsyn.DigitalPost.LetterChannel.Email, null);
            c.AddNote("Internt: ring til forvaltningen.", at, Advisor);
            c.AddDocument(DocumentKind.Attachment, "Sagsbehandlerens bilag", at, new Actor("u1", "Sara Holm"), null, "intern.pdf", "application/pdf", pdf);
        });
        var receipt = c.Documents.Single(d => d.Title == "Kvittering for din klage").Sequence;
        var note = c.Documents.Single(d => d.Kind == DocumentKind.Note).Sequence;
        var staffFile = c.Documents.Single(d => d.Title == "Sagsbehandlerens bilag").Sequence;
        var anna = await CitizenAsync("0101905555", "Anna Quist");

        var html = await anna.GetStringAsync($"/borger/sager/{c.Number}");
        Assert.Contains("Kvittering for din klage", html);
        Assert.Contains("Klage fra borger", html);
        Assert.DoesNotContain("Notat", html);
        Assert.DoesNotContain("Internt", html);
        Assert.DoesNotContain("Sagsbehandlerens bilag", html);

        var letter = await anna.GetAsync($"/borger/sager/{c.Number}/dokument/{receipt}");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await letter.Content.ReadAsByteArrayAsync());
        var ownText = await anna.GetAsync($"/borger/sager/{c.Number}/dokument/1"); // the complaint as text becomes a PDF
        Assert.Equal("application/pdf", ownText.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await ownText.Content.ReadAsByteArrayAsync(), 0, 4));
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/borger/sager/{c.Number}/dokument/{note}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/borger/sager/{c.Number}/dokument/{staffFile}")).StatusCode);

        var log = await LogAsync(c.Number);
        Assert.Contains(log, e => e.Action == AccessAction.View && e.Detail.Contains("Mine sager"));
        Assert.Contains(log, e => e.Action == AccessAction.Download && e.Detail.Contains(CaseNumber.FormatDocument(c.Number, receipt)));
        Assert.All(log, e => Assert.Equal("Borger (MitID)", e.UserName));
        Assert.All(log, e => Assert.Null(e.UserId));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AccessLog.AsNoTracking().Select(e => e.UserName + " " + e.Detail).ToListAsync()),
            line => line.Contains("Anna Quist") || line.Contains("0101905555") || line.Contains("010190-5555"));
    }

    [Fact]
    public async Task A_reply_and_a_document_are_journalised_as_incoming_and_the_caseworker_sees_them()
    {
        var c = await StoreAsync("0101906666", "Anna Quist", "Sag der skal svares på");
        var anna = await CitizenAsync("0101906666", "Anna Quist");
        var page = $"/borger/sager/{c.Number}";

        var response = await anna.PostFilesAsync(page, page, [new("Message", "Her er afgørelsen, I bad om.")], new UploadFile("files", "afgørelse.pdf", TestFiles.Pdf()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await anna.GetStringAsync(page);
        Assert.Contains("Tak. Vi har modtaget", after);
        Assert.Contains("Besked fra borgeren", after);
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(x => x.Documents).Include(x => x.Events).SingleAsync(x => x.Id == c.Id));
        var message = stored.Documents.Single(d => d.Title == "Besked fra borgeren");
        Assert.Equal((DocumentKind.Incoming, "Her er afgørelsen, I bad om.", (string?)null), (message.Kind, message.Text, message.CreatedById));
        var file = stored.Documents.Single(d => d.Kind == DocumentKind.Attachment);
        Assert.Equal(("afgørelse.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Contains(stored.Events, e => e.Text.StartsWith("Borgeren har sendt en besked og et dokument", StringComparison.Ordinal));
        Assert.Contains(await LogAsync(c.Number), e => e.Action == AccessAction.Change && e.UserName == "Borger (MitID)");

        var staff = app.NewClient();
        await staff.LoginOkAsync("sagsbehandler");
        var casePage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Cases/{c.Number}"));
        Assert.Contains("Borgeren har sendt en besked og et dokument", casePage);
        Assert.Contains("Besked fra borgeren", casePage);
    }

    [Fact]
    public async Task A_reply_with_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored()
    {
        var c = await StoreAsync("0101907777", "Anna Quist", "Sag med forkert fil");
        var anna = await CitizenAsync("0101907777", "Anna Quist");
        var page = $"/borger/sager/{c.Number}";

        var response = await anna.PostFilesAsync(page, page, [new("Message", "Se vedhæftede.")], new UploadFile("files", "brev.pdf", TestFiles.Executable()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("brev.pdf", html);
        Assert.Contains("Se vedhæftede.", html); // what the citizen wrote is kept in the form
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == c.Id)));
    }

    [Fact]
    public async Task A_finished_case_shows_no_form_and_refuses_a_reply_in_Danish()
    {
        var open = await StoreAsync("0101908888", "Anna Quist", "Åben sag");
        var closed = await StoreAsync("0101908888", "Anna Quist", "Afsluttet sag", steps: c =>
        {
            var at = app.Clock.GetUtcNow();
            c.StartReview(at, Advisor);
            c.Reject("Uden for kompetence.", at, Advisor);
        });
        var anna = await CitizenAsync("0101908888", "Anna Quist");

        var html = await anna.GetStringAsync($"/borger/sager/{closed.Number}");
        Assert.DoesNotContain("name=\"Message\"", html);
        Assert.Contains("id=\"lukket\"", html);
        // A browser that still has the form (or a crafted post) is refused with the case's own message.
        var response = await anna.PostFilesAsync($"/borger/sager/{open.Number}", $"/borger/sager/{closed.Number}", [new("Message", "Jeg er uenig.")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Sagen er afsluttet", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == closed.Id)));
    }

    [Fact]
    public async Task A_reply_without_the_antiforgery_token_is_refused()
    {
        var c = await StoreAsync("0101909999", "Anna Quist", "Sag uden token");
        var anna = await CitizenAsync("0101909999", "Anna Quist");
        var response = await anna.PostAsync($"/borger/sager/{c.Number}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Message"] = "Hej" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == c.Id)));
    }

    [Fact]
    public async Task A_staff_session_does_not_open_Mine_sager_and_a_citizen_session_opens_no_staff_page()
    {
        var staff = app.NewClient();
        await staff.LoginOkAsync("kontorchef");
        var asStaff = await staff.GetAsync("/borger/sager");
        Assert.Equal(HttpStatusCode.Redirect, asStaff.StatusCode);
        Assert.StartsWith("/borger/login", asStaff.Headers.Location!.PathAndQuery);
        var anonymous = await app.NewClient().GetAsync("/borger/sager");
        Assert.StartsWith("/borger/login", anonymous.Headers.Location!.PathAndQuery);

        var anna = await CitizenAsync("0101901212", "Anna Quist");
        foreach (var path in new[] { "/", "/Cases", "/Cases/New", "/Adgangslog", "/RegistreretPerson", "/Statistics" })
        {
            var r = await anna.GetAsync(path);
            Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal),
                $"{path}: {r.StatusCode} {r.Headers.Location}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anna.GetAsync("/api/statistics/kpi")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anna.GetAsync("/api/organisation/administrations")).StatusCode);
        // Mine sager shows the citizen's menu, not the staff menu.
        var mine = await anna.GetStringAsync("/borger/sager");
        Assert.DoesNotContain("href=\"/Cases\"", mine);
        Assert.Contains("href=\"/borger/logout\"", mine);
    }

    [GeneratedRegex(@"href=""/borger/sager/(\d{4}-\d{7})""")]
    private static partial Regex CaseNumberPattern();
}
