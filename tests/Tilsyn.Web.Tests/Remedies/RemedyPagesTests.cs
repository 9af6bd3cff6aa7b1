using Tilsyn.Complaints;
using Tilsyn.Remedies;

namespace Tilsyn.Web.Tests.Remedies;

/// <summary>Remedies on the case page: the advisor asks, the administration answers and carries out; the forbidden paths refused.</summary>
public sealed class RemedyPagesTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private Task<List<Remedy>> RemediesAsync(string number) =>
        app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.Number == number).SelectMany(c => c.Remedies).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task The_advisor_asks_for_a_remedy_and_BUFs_contact_records_the_answer_and_that_it_was_carried_out()
    {
        var buf = await RemedyTestData.AdminIdAsync(app, "BUF");
        var number = await RemedyTestData.StoreAsync(app, RemedyTestData.Concluded(buf, Outcome.Criticism, app.Clock.GetUtcNow().AddDays(-2)));
        var page = $"/Cases/{number}";
        var action = $"/Cases/{number}/afhjaelpning";
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains("Bed om afhjælpning", WebUtility.HtmlDecode(await advisor.GetStringAsync(page)));

        var added = await advisor.PostFormAsync(page, $"{action}?handler=Add", new()
        {
            ["kind"] = "Apology", ["description"] = "Skriftlig undskyldning til forældrene", ["dueDate"] = "2026-11-30", ["version"] = await advisor.ShownVersionAsync(page),
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), "role=\"alert\"[^>]*>([^<]*)").Groups[1].Value);
        var remedy = Assert.Single(await RemediesAsync(number));
        Assert.Equal((RemedyKind.Apology, buf, new DateOnly(2026, 11, 30), RemedyAnswer.NotYetAnswered), (remedy.Kind, remedy.AdministrationId, remedy.DueDate, remedy.Answer));

        // BUF's contact sees the remedy on the shared case, may not ask for one, but answers and records it carried out.
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var seen = WebUtility.HtmlDecode(await contact.GetStringAsync(page));
        Assert.Contains("Undskyldning: Skriftlig undskyldning til forældrene", seen);
        Assert.DoesNotContain("Bed om afhjælpning", seen);
        var asked = await contact.PostFormAsync(page, $"{action}?handler=Add", new() { ["kind"] = "Redress", ["dueDate"] = "2026-11-30", ["version"] = await contact.ShownVersionAsync(page) });
        Assert.Contains("/Account/AccessDenied", asked.Headers.Location?.OriginalString);

        var answered = await contact.PostFormAsync(page, $"{action}?handler=Answer", new()
        {
            ["remedyId"] = $"{remedy.Id}", ["answer"] = "Accepted", ["answeredOn"] = "2026-11-03", ["agreedDueDate"] = "2026-12-15", ["version"] = await contact.ShownVersionAsync(page),
        });
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync()), "role=\"alert\"[^>]*>([^<]*)").Groups[1].Value);
        var done = await contact.PostFormAsync(page, $"{action}?handler=CarriedOut", new()
        {
            ["remedyId"] = $"{remedy.Id}", ["carriedOutOn"] = "2026-11-03", ["version"] = await contact.ShownVersionAsync(page),
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        remedy = Assert.Single(await RemediesAsync(number));
        Assert.Equal((RemedyAnswer.Accepted, new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 15), new DateOnly(2026, 11, 3), true),
            (remedy.Answer, remedy.AnsweredOn!.Value, remedy.DueDate, remedy.CarriedOutOn!.Value, remedy.IsCarriedOutInTime));
        var history = WebUtility.HtmlDecode(await advisor.GetStringAsync(page));
        Assert.Contains("Afhjælpning bedt om: Undskyldning, frist 30-11-2026.", history);
        Assert.Contains("Forvaltningens svar på afhjælpning (Undskyldning): Accepteret 03-11-2026, aftalt frist 15-12-2026.", history);
        Assert.Contains("Afhjælpning gennemført (Undskyldning) 03-11-2026.", history);
        Assert.Contains("03-11-2026 (rettidigt)", history);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.CaseNumber == number && e.Detail == "Afhjælpning gennemført")));
    }

    [Fact]
    public async Task SOFs_contact_gets_404_and_leadership_is_refused_and_nothing_changes()
    {
        var buf = await RemedyTestData.AdminIdAsync(app, "BUF");
        var c = RemedyTestData.Concluded(buf, Outcome.Recommendation, app.Clock.GetUtcNow().AddDays(-2));
        c.AskForRemedy(RemedyKind.PracticeChange, null, new DateOnly(2026, 12, 31), app.Clock.GetUtcNow().AddDays(-1), RemedyTestData.Advisor);
        var number = await RemedyTestData.StoreAsync(app, c);
        var remedyId = (await RemediesAsync(number)).Single().Id;
        var action = $"/Cases/{number}/afhjaelpning";

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync(action)).StatusCode);
        foreach (var (handler, fields) in Posts(remedyId))
            Assert.Equal(HttpStatusCode.NotFound, (await sof.PostFormAsync("/Cases", $"{action}?handler={handler}", fields)).StatusCode);

        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        foreach (var (handler, fields) in Posts(remedyId))
            Assert.Contains("/Account/AccessDenied", (await leadership.PostFormAsync("/", $"{action}?handler={handler}", fields)).Headers.Location?.OriginalString);

        var remedy = (await RemediesAsync(number)).Single();
        Assert.Equal((RemedyAnswer.NotYetAnswered, (DateOnly?)null), (remedy.Answer, remedy.CarriedOutOn));
        Assert.Single(await RemediesAsync(number));
    }

    private static IEnumerable<(string Handler, Dictionary<string, string> Fields)> Posts(int remedyId) =>
    [
        ("Add", new() { ["kind"] = "Apology", ["dueDate"] = "2026-12-01" }),
        ("Answer", new() { ["remedyId"] = $"{remedyId}", ["answer"] = "Refused", ["answeredOn"] = "2026-11-02" }),
        ("CarriedOut", new() { ["remedyId"] = $"{remedyId}", ["carriedOutOn"] = "2026-11-02" }),
    ];

    [Fact]
    public async Task A_refused_remedy_cannot_be_carried_out_no_remedy_follows_no_criticism_and_a_stale_form_is_refused()
    {
        var buf = await RemedyTestData.AdminIdAsync(app, "BUF");
        var c = RemedyTestData.Concluded(buf, Outcome.Criticism, app.Clock.GetUtcNow().AddDays(-3));
        c.AskForRemedy(RemedyKind.Redress, null, new DateOnly(2026, 12, 31), app.Clock.GetUtcNow().AddDays(-3), RemedyTestData.Advisor);
        var number = await RemedyTestData.StoreAsync(app, c);
        var remedyId = (await RemediesAsync(number)).Single().Id;
        var page = $"/Cases/{number}";
        var action = $"/Cases/{number}/afhjaelpning";
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var shown = await advisor.ShownVersionAsync(page);

        // The advisor records BUF's refusal on its behalf (it came by mail).
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, $"{action}?handler=Answer", new() { ["remedyId"] = $"{remedyId}", ["answer"] = "Refused", ["answeredOn"] = "2026-11-01", ["version"] = shown })).StatusCode);
        var refused = await advisor.PostFormAsync(page, $"{action}?handler=CarriedOut", new() { ["remedyId"] = $"{remedyId}", ["carriedOutOn"] = "2026-11-02", ["version"] = await advisor.ShownVersionAsync(page) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("afvist afhjælpningen", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // A form loaded before the answer is stale.
        var stale = await advisor.PostFormAsync(page, $"{action}?handler=Add", new() { ["kind"] = "Apology", ["dueDate"] = "2026-12-01", ["version"] = shown });
        await VersionField.AssertStaleAsync(stale, "Sagen");

        var noCriticism = await RemedyTestData.StoreAsync(app, RemedyTestData.Concluded(buf, Outcome.NoCriticism, app.Clock.GetUtcNow().AddDays(-1)));
        Assert.DoesNotContain("Bed om afhjælpning", WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Cases/{noCriticism}")));
        var notUpheld = await advisor.PostFormAsync($"/Cases/{noCriticism}", $"/Cases/{noCriticism}/afhjaelpning?handler=Add", new() { ["kind"] = "Apology", ["dueDate"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notUpheld.StatusCode);
        Assert.Contains("kun af kritik eller en henstilling", WebUtility.HtmlDecode(await notUpheld.Content.ReadAsStringAsync()));

        var remedy = (await RemediesAsync(number)).Single();
        Assert.Equal((RemedyAnswer.Refused, (DateOnly?)null), (remedy.Answer, remedy.CarriedOutOn));
        Assert.Empty(await RemediesAsync(noCriticism));
    }
}
