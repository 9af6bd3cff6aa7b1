using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Identity;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Forvaltning;

/// <summary>
/// Issue 15: the administration's own complaint register. BUF's caseworker registers and handles a complaint about
/// missing hearing; SOF, the advisor and Leadership do not see it (until BUF shares it with the advisor, who then only
/// reads it); an advisor's complaint about BUF appears once in BUF's register as a linked entry.
/// </summary>
public sealed class OwnRegisterTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    /// <summary>The category whose legal rule is forvaltningsloven § 19 (partshøring), found by its rule, not by name.</summary>
    private static readonly ComplaintCategory Fvl19 = ComplaintCategories.All.Single(c => c.LegalRule == "Forvaltningsloven § 19").Category;

    private Task<int> AdministrationAsync(string code) => app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private async Task<HttpClient> LoginAsync(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        return client;
    }

    private static string Number(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Cases/", location);
        return location["/Cases/".Length..];
    }

    private static async Task PostOkAsync(HttpClient client, string number, string handler, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {response.StatusCode} {ComplaintForms.Errors(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>BUF's caseworker registers a complaint about missing hearing in BUF's own register; returns its number.</summary>
    private async Task<string> RegisterAsync(HttpClient worker, string subject)
    {
        var received = Tilsyn.Calendar.DanishTime.Today(app.Clock).AddDays(-2);
        return Number(await worker.PostFormAsync("/Forvaltning/Klager/Ny", "/Forvaltning/Klager/Ny", new()
        {
            ["Form.Channel"] = nameof(Channel.Letter),
            ["Form.Type"] = nameof(CaseType.Complaint),
            ["Received"] = received.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Name"] = "Karen Poulsen",
            ["Form.Email"] = "karen@borger.example",
            ["Form.Subject"] = subject,
            ["Form.Description"] = "Min søns skoleskift blev besluttet, uden at vi blev hørt først.",
        }));
    }

    [Fact]
    public async Task BUFs_caseworker_registers_classifies_writes_a_letter_and_concludes_a_complaint_about_missing_hearing()
    {
        var buf = await AdministrationAsync("BUF");
        var worker = await LoginAsync("buf-klage");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/Forvaltning/Klager/Ny")).StatusCode);
        var number = await RegisterAsync(worker, "Ikke hørt før skoleskift");

        var page = await worker.GetStringAsync($"/Cases/{number}");
        Assert.Contains("forvaltningens eget klageregister", page);
        Assert.Contains("karen@borger.example", page); // the administration sees the citizen it registered
        Assert.DoesNotContain("handler=RequestStatement", page); // the advisor's steps are not offered
        Assert.DoesNotContain("handler=Targeted", page);
        Assert.DoesNotContain("name=\"contactDetails\"", page);

        await PostOkAsync(worker, number, "Classify", new() { ["type"] = nameof(CaseType.Complaint), ["administrationId"] = buf.ToString(), ["categories"] = Fvl19.ToString() });
        await PostOkAsync(worker, number, "Review", []);
        await PostOkAsync(worker, number, "Letter", new() { ["title"] = "Svar på din klage", ["text"] = "Vi har modtaget din klage og ser på sagen.", ["answersCitizen"] = "true" });
        await PostOkAsync(worker, number, "Conclude", new()
        {
            ["outcome"] = nameof(Outcome.Criticism), ["breached"] = Fvl19.ToString(),
            ["conclusion"] = "Forvaltningen burde have partshørt familien.", ["summary"] = "Manglende partshøring før skoleskift.",
        });
        // The advisor's steps are refused on the administration's own case even when posted directly.
        var refused = await worker.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=RequestStatement", new() { ["question"] = "Hvorfor?" });
        AssertDenied(refused);

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Categories).Include(c => c.Documents).SingleAsync(c => c.Number == number));
        Assert.Equal(buf, stored.OwnerAdministrationId);
        Assert.Equal(HandledBy.Administration, stored.HandledBy);
        Assert.Equal(CaseStatus.Concluded, stored.Status);
        Assert.Equal(Outcome.Criticism, stored.Outcome);
        Assert.Contains(stored.Categories, c => c.Category == Fvl19 && c.Breached);
        Assert.NotNull(stored.FirstAnsweredAt);
        Assert.Contains(stored.Documents, d => d.Kind == DocumentKind.Outgoing && d.Title == "Svar på din klage");
        Assert.Empty(stored.StatementRequests);
        Assert.False(await app.WithDbAsync(db => db.Recommendations.AnyAsync(r => r.SourceReference == number)));
        // A first answer in working days from the day it was received (10 by default).
        var calendar = app.Services.GetRequiredService<Tilsyn.Calendar.WorkingDayCalendar>();
        Assert.Equal(calendar.AddWorkingDays(Tilsyn.Calendar.DanishTime.LocalDate(stored.ReceivedAt), 10), stored.FirstAnswerDue);

        var register = await worker.GetStringAsync("/Forvaltning/Klager");
        Assert.Contains("Forvaltningens klager", register);
        Assert.Contains($"/Cases/{number}\"", register);
        Assert.DoesNotContain($"/Cases/{number}\"", await worker.GetStringAsync("/Forvaltning/Klager?tilstand=aabne"));
        Assert.Contains($"/Cases/{number}\"", await worker.GetStringAsync($"/Forvaltning/Klager?tilstand=afsluttede&category={Fvl19}&status={CaseStatus.Concluded}"));
        Assert.DoesNotContain($"/Cases/{number}\"", await worker.GetStringAsync($"/Forvaltning/Klager?category={ComplaintCategory.StaffConduct}"));
    }

    [Fact]
    public async Task SOFs_users_the_advisor_and_Leadership_do_not_see_BUFs_own_complaint_until_BUF_shares_it_with_the_advisor()
    {
        var sof = await AdministrationAsync("SOF");
        var worker = await LoginAsync("buf-klage");
        var number = await RegisterAsync(worker, "Klage om Ølgaardsskolen");

        // The head of office creates SOF's own caseworker on the user page.
        var lead = await LoginAsync("kontorchef");
        var created = await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new()
        {
            ["Input.FullName"] = "Sigrid Sof", ["Input.UserName"] = "sof-klage", ["Input.Email"] = "sof-klage@tilsyn.example",
            ["Input.Role"] = Roles.AdministrationCaseworker, ["Input.AdministrationId"] = sof.ToString(), ["Input.Password"] = "Tilsyn-demo-2026",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, ComplaintForms.Errors(await created.Content.ReadAsStringAsync()));
        Assert.Equal(sof, await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sof-klage").Select(u => u.AdministrationId).SingleAsync()));

        foreach (var user in new[] { "sof", "sof-klage" })
        {
            var other = await LoginAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Cases/{number}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Cases/{number}/dokument/1")).StatusCode);
            Assert.DoesNotContain(number, await other.GetStringAsync("/Cases"));
            Assert.DoesNotContain(number, await other.GetStringAsync("/Cases?q=Ølgaardsskolen"));
            Assert.DoesNotContain(number, await other.GetStringAsync("/Forvaltning/Klager"));
            Assert.DoesNotContain(number, await other.GetStringAsync("/"));
            var post = await other.PostFormAsync("/Cases", $"/Cases/{number}?handler=Note", new() { ["text"] = "indbrud fra " + user });
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/Cases", $"/Cases/{number}?handler=ShareWithAdvisor", [])).StatusCode);
        }

        var advisor = await LoginAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/Cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/Cases/{number}/dokument/1")).StatusCode);
        Assert.DoesNotContain(number, await advisor.GetStringAsync("/Cases"));
        Assert.DoesNotContain(number, await advisor.GetStringAsync("/Cases?q=Ølgaardsskolen"));
        Assert.DoesNotContain(number, await advisor.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.PostFormAsync("/Cases", $"/Cases/{number}?handler=Note", new() { ["text"] = "indbrud fra rådgiveren" })).StatusCode);
        // Counts only: the overview has BUF's figures, not the case.
        var overview = await advisor.GetStringAsync("/Forvaltning/Oversigt");
        Assert.Contains("data-code=\"BUF\"", overview);
        Assert.DoesNotContain(number, overview);
        Assert.DoesNotContain("Ølgaardsskolen", overview);

        var leadership = await LoginAsync("ledelse");
        Assert.Equal(HttpStatusCode.Redirect, (await leadership.GetAsync($"/Cases/{number}")).StatusCode);
        var leadershipOverview = await leadership.GetStringAsync("/Forvaltning/Oversigt");
        Assert.Contains("data-code=\"BUF\"", leadershipOverview);
        Assert.DoesNotContain(number, leadershipOverview);
        Assert.Equal(HttpStatusCode.Redirect, (await leadership.GetAsync("/Forvaltning/Klager")).StatusCode);

        // BUF shares the case: the advisor reads it, and cannot change it.
        await PostOkAsync(worker, number, "ShareWithAdvisor", []);
        var shared = await advisor.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var sharedPage = await shared.Content.ReadAsStringAsync();
        Assert.Contains("du kan læse sagen, men ikke ændre den", sharedPage);
        Assert.DoesNotContain("handler=Note", sharedPage);
        Assert.Contains(number, await advisor.GetStringAsync("/Cases?q=Ølgaardsskolen"));
        var write = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Note", new() { ["text"] = "rådgiverens notat" });
        AssertDenied(write);
        var close = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Reject", new() { ["reason"] = "Ikke vores" });
        AssertDenied(close);
        Assert.False(await app.WithDbAsync(db => db.CaseDocuments.AnyAsync(d => d.Text != null && d.Text.Contains("indbrud") || d.Text == "rådgiverens notat")));
        Assert.Equal(CaseStatus.Received, await app.WithDbAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Status).SingleAsync()));
        // Still nothing for SOF.
        Assert.Equal(HttpStatusCode.NotFound, (await (await LoginAsync("sof")).GetAsync($"/Cases/{number}")).StatusCode);
    }

    [Fact]
    public async Task An_advisors_complaint_about_BUF_appears_once_in_BUFs_register_as_a_linked_entry_without_the_citizens_data()
    {
        var buf = await AdministrationAsync("BUF");
        var sof = await AdministrationAsync("SOF");
        var fields = ComplaintForms.ValidComplaint("Bente Linkesen", "bente@borger.example");
        fields["Form.AdministrationId"] = buf.ToString();
        var number = (await ComplaintForms.SubmitOkAsync(app.NewClient(), fields)).Number;
        var advisorCaseId = await app.WithDbAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        Task<List<ComplaintCase>> EntriesAsync() => app.WithDbAsync(db => db.Cases.Include(c => c.Categories).Where(c => c.LinkedAdvisorCaseId == advisorCaseId).ToListAsync());

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(buf, entry.OwnerAdministrationId);
        Assert.Equal(number, entry.LinkedAdvisorCaseNumber);
        Assert.Null(entry.Citizen);
        Assert.Equal(ComplaintCase.LinkedEntrySubject, entry.Subject);

        // Classified twice: still one entry, with the advisor's latest categories.
        var advisor = await LoginAsync("sagsbehandler");
        await PostOkAsync(advisor, number, "Classify", new() { ["type"] = nameof(CaseType.Complaint), ["administrationId"] = buf.ToString(), ["categories"] = Fvl19.ToString() });
        var twice = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Classify", new() { ["type"] = nameof(CaseType.Complaint), ["administrationId"] = buf.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode); // a complaint needs a category: refused, nothing changes
        var content = new FormUrlEncodedContent([
            new("__RequestVerificationToken", await advisor.AntiforgeryTokenAsync($"/Cases/{number}")),
            new("type", nameof(CaseType.Complaint)), new("administrationId", buf.ToString()),
            new("categories", Fvl19.ToString()), new("categories", nameof(ComplaintCategory.Reasons))]);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostAsync($"/Cases/{number}?handler=Classify", content)).StatusCode);
        entry = Assert.Single(await EntriesAsync());
        Assert.Equal([Fvl19, ComplaintCategory.Reasons], entry.Categories.Select(c => c.Category).Order());

        var worker = await LoginAsync("buf-klage");
        var register = await worker.GetStringAsync("/Forvaltning/Klager");
        Assert.Equal(1, CountOf(register, $"Klage til Borgerrådgiveren (sag {number})"));
        Assert.DoesNotContain("Bente Linkesen", register);
        var entryPage = await worker.GetStringAsync($"/Cases/{entry.Number}");
        Assert.DoesNotContain("Bente Linkesen", entryPage);
        Assert.DoesNotContain("handler=Conclude", entryPage); // the advisor handles it; the entry follows
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/Cases/{number}")).StatusCode); // the advisor's case itself is not shared
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/Cases/{entry.Number}")).StatusCode);
        Assert.Contains($"/Cases/{entry.Number}\"", await worker.GetStringAsync("/Forvaltning/Klager?hvor=borgerraadgiveren"));
        Assert.DoesNotContain($"/Cases/{entry.Number}\"", await worker.GetStringAsync("/Forvaltning/Klager?hvor=egne"));

        // Moved to SOF: SOF's register gets its entry, BUF's is closed and still refers to the same case (never another one).
        await PostOkAsync(advisor, number, "Classify", new() { ["type"] = nameof(CaseType.Complaint), ["administrationId"] = sof.ToString(), ["categories"] = Fvl19.ToString() });
        var entries = await EntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(CaseStatus.Closed, entries.Single(e => e.OwnerAdministrationId == buf).Status);
        Assert.Equal(CaseStatus.Received, entries.Single(e => e.OwnerAdministrationId == sof).Status);
        Assert.All(entries, e => Assert.Equal(number, e.LinkedAdvisorCaseNumber));
        // The advisor's conclusion is mirrored on the entry of the case's administration.
        await PostOkAsync(advisor, number, "Review", []);
        await PostOkAsync(advisor, number, "Conclude", new() { ["outcome"] = nameof(Outcome.NoCriticism), ["conclusion"] = "Ingen kritik.", ["summary"] = "Ingen kritik." });
        Assert.Equal(CaseStatus.Concluded, (await EntriesAsync()).Single(e => e.OwnerAdministrationId == sof).Status);
    }

    /// <summary>A refused step: the user is sent to "access denied" (403 for a logged-in user), nothing is saved.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
