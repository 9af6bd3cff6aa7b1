using Tilsyn.Complaints;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>
/// Two people on one case at once: a step based on a page that someone else changed since it was
/// loaded is refused (409, nothing of it kept), and documents added at once get distinct numbers.
/// </summary>
public sealed class CaseConcurrencyTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static Task<HttpResponseMessage> Act(HttpClient client, string number, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields);

    private static Dictionary<string, string> Conclusion(string version) => new()
    {
        ["outcome"] = "NoCriticism", ["conclusion"] = "Borgerrådgiveren finder ikke grundlag for kritik.", ["recommendation"] = "",
        ["summary"] = "Forvaltningen svarede inden for fristen.", ["version"] = version,
    };

    private static Dictionary<string, string> Rejection(string version) => new() { ["reason"] = "Uden for Borgerrådgiverens kompetence.", ["version"] = version };

    /// <summary>A complaint classified to BUF and under review, and two logged-in caseworkers.</summary>
    private async Task<(string Number, HttpClient A, HttpClient B)> CaseUnderReviewAsync(string email)
    {
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintForms.ValidComplaint(email: email));
        var a = app.NewClient();
        var b = app.NewClient();
        await a.LoginOkAsync("sagsbehandler");
        await b.LoginOkAsync("sagsbehandler");
        var buf = await app.WithDbAsync(db => db.Administrations.Where(x => x.Code == "BUF").Select(x => x.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Act(a, number, "Classify", new()
        {
            ["type"] = "Complaint", ["administrationId"] = $"{buf}", ["unitId"] = "", ["kleCode"] = "", ["categories"] = "Hearing",
            ["version"] = await a.ShownVersionAsync($"/Cases/{number}"),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(a, number, "Review", new() { ["version"] = await a.ShownVersionAsync($"/Cases/{number}") })).StatusCode);
        return (number, a, b);
    }

    private Task<(CaseStatus Status, int Documents, int Mails)> StateAsync(string number) => app.WithDbAsync(async db =>
    {
        var c = await db.Cases.Include(x => x.Documents).SingleAsync(x => x.Number == number);
        return (c.Status, c.Documents.Count, await db.Set<OutgoingMail>().CountAsync(m => m.CaseNumber == number));
    });

    [Fact]
    public async Task A_conclusion_from_a_page_loaded_before_a_rejection_is_refused_and_no_letter_or_mail_is_made()
    {
        var (number, a, b) = await CaseUnderReviewAsync("stale-conclusion@borger.example");
        var shownToA = await a.ShownVersionAsync($"/Cases/{number}");
        var shownToB = await b.ShownVersionAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.Redirect, (await Act(b, number, "Reject", Rejection(shownToB))).StatusCode);
        var before = await StateAsync(number);

        var stale = await Act(a, number, "Conclude", Conclusion(shownToA));

        await VersionField.AssertStaleAsync(stale, "Sagen");
        Assert.Contains("Afvist", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync())); // the page shows the case as it is now
        var after = await StateAsync(number);
        Assert.Equal(CaseStatus.Rejected, after.Status);
        Assert.Equal(before.Documents, after.Documents); // no conclusion letter journalised
        Assert.Equal(before.Mails, after.Mails); // and none queued
        Assert.False(await app.WithDbAsync(db => db.Recommendations.AnyAsync(r => r.SourceReference == number)));
    }

    [Fact]
    public async Task Concluding_and_rejecting_at_once_lets_exactly_one_win_and_the_other_is_told_the_case_changed()
    {
        for (var round = 0; round < 3; round++)
        {
            var (number, a, b) = await CaseUnderReviewAsync($"race{round}@borger.example");
            var before = await StateAsync(number);
            var shownToA = await a.ShownVersionAsync($"/Cases/{number}");
            var shownToB = await b.ShownVersionAsync($"/Cases/{number}");
            var tokenA = await a.AntiforgeryTokenAsync($"/Cases/{number}");
            var tokenB = await b.AntiforgeryTokenAsync($"/Cases/{number}");
            var conclusion = Conclusion(shownToA);
            conclusion["__RequestVerificationToken"] = tokenA;
            var rejection = Rejection(shownToB);
            rejection["__RequestVerificationToken"] = tokenB;

            var responses = await Task.WhenAll(
                a.PostAsync($"/Cases/{number}?handler=Conclude", new FormUrlEncodedContent(conclusion)),
                b.PostAsync($"/Cases/{number}?handler=Reject", new FormUrlEncodedContent(rejection)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Redirect);
            await VersionField.AssertStaleAsync(loser, "Sagen");
            var after = await StateAsync(number);
            if (responses[0].StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Equal(CaseStatus.Concluded, after.Status);
                Assert.Equal(before.Documents + 1, after.Documents);
                Assert.Equal(before.Mails + 1, after.Mails);
            }
            else
            {
                Assert.Equal(CaseStatus.Rejected, after.Status);
                Assert.Equal(before.Documents, after.Documents);
                Assert.Equal(before.Mails, after.Mails);
            }
        }
    }

    [Fact]
    public async Task A_stale_deadline_extension_of_a_statement_request_is_refused_and_the_first_one_stands()
    {
        var (number, a, b) = await CaseUnderReviewAsync("extension@borger.example");
        Assert.Equal(HttpStatusCode.Redirect, (await Act(a, number, "RequestStatement", new()
        {
            ["question"] = "Hvorfor blev familien ikke partshørt?", ["workingDays"] = "10", ["version"] = await a.ShownVersionAsync($"/Cases/{number}"),
        })).StatusCode);
        var requestId = await app.WithDbAsync(db => db.StatementRequests.Where(r => db.Cases.Any(c => c.Number == number && c.Id == r.CaseId)).Select(r => r.Id).SingleAsync());
        var shownToA = await a.ShownVersionAsync($"/Cases/{number}");
        var shownToB = await b.ShownVersionAsync($"/Cases/{number}");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(b, number, "Extend", new()
        {
            ["requestId"] = $"{requestId}", ["newDue"] = today.AddDays(40).ToString("yyyy-MM-dd"), ["reason"] = "Forvaltningen har bedt om mere tid.", ["version"] = shownToB,
        })).StatusCode);
        var stale = await Act(a, number, "Extend", new()
        {
            ["requestId"] = $"{requestId}", ["newDue"] = today.AddDays(30).ToString("yyyy-MM-dd"), ["reason"] = "Sommerferie.", ["version"] = shownToA,
        });

        await VersionField.AssertStaleAsync(stale, "Sagen");
        var request = await app.WithDbAsync(db => db.StatementRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(today.AddDays(40), request.DueDate);
        Assert.Equal("Forvaltningen har bedt om mere tid.", request.ExtensionReason);

        // Having reloaded (and seen B's new deadline), A's extension is saved.
        Assert.Equal(HttpStatusCode.Redirect, (await Act(a, number, "Extend", new()
        {
            ["requestId"] = $"{requestId}", ["newDue"] = today.AddDays(50).ToString("yyyy-MM-dd"), ["reason"] = "Sommerferie.", ["version"] = await a.ShownVersionAsync($"/Cases/{number}"),
        })).StatusCode);
        Assert.Equal(today.AddDays(50), await app.WithDbAsync(db => db.StatementRequests.Where(r => r.Id == requestId).Select(r => r.DueDate).SingleAsync()));
    }

    [Fact]
    public async Task Saving_again_after_a_reload_is_never_a_conflict_and_a_form_without_a_version_still_saves()
    {
        var (number, a, _) = await CaseUnderReviewAsync("reload@borger.example");
        var caseworker = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sagsbehandler").Select(u => u.Id).SingleAsync());
        for (var i = 0; i < 3; i++)
        {
            var shown = await a.ShownVersionAsync($"/Cases/{number}");
            Assert.Equal(HttpStatusCode.Redirect, (await Act(a, number, "Assign", new() { ["caseworkerId"] = i % 2 == 0 ? caseworker : "", ["version"] = shown })).StatusCode);
            Assert.NotEqual(shown, await a.ShownVersionAsync($"/Cases/{number}")); // every save raises the version
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Act(a, number, "Assign", new() { ["caseworkerId"] = caseworker })).StatusCode);
    }

    [Fact]
    public async Task Documents_added_to_one_case_at_once_get_distinct_numbers_and_none_fails()
    {
        var (number, a, _) = await CaseUnderReviewAsync("documents@borger.example");
        var shownBefore = await a.ShownVersionAsync($"/Cases/{number}");
        var writers = Enumerable.Range(0, 4).Select(_ => app.NewClient()).ToList();
        foreach (var w in writers) await w.LoginOkAsync("sagsbehandler");
        var before = (await StateAsync(number)).Documents;
        const int perWriter = 3;

        var responses = await Task.WhenAll(writers.SelectMany((w, i) => Enumerable.Range(0, perWriter).Select(k => (k == 0 && i % 2 == 0)
            ? Act(w, number, "Letter", new() { ["title"] = $"Orientering {i}", ["text"] = "Vi behandler din sag.", ["answersCitizen"] = "false", ["version"] = shownBefore })
            : Act(w, number, "Note", new() { ["text"] = $"Notat {i}-{k}: telefonsamtale med borgeren.", ["version"] = shownBefore }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var sequences = await app.WithDbAsync(db => db.CaseDocuments.Where(d => db.Cases.Any(c => c.Number == number && c.Id == d.CaseId)).Select(d => d.Sequence).ToListAsync());
        Assert.Equal(before + writers.Count * perWriter, sequences.Count);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences.Order()); // no gaps either
    }
}
