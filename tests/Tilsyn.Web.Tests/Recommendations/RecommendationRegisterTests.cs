using Tilsyn.Recommendations;

namespace Tilsyn.Web.Tests.Recommendations;

public sealed class RecommendationRegisterTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<int> AdminId(string code) => await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task The_advisor_registers_a_recommendation_BUF_reports_progress_and_only_the_advisor_closes_it()
    {
        var buf = await AdminId("BUF");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var created = await advisor.PostFormAsync("/Recommendations", "/Recommendations", new()
        {
            ["administrationId"] = buf.ToString(), ["source"] = "AuditorNote", ["reference"] = "Direktionsnotat 2026/3",
            ["text"] = "Sikr journalisering af alle afgørelser.", ["due"] = app.Clock.GetUtcNow().AddMonths(2).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('=')[1]);

        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        Assert.Equal(HttpStatusCode.Redirect, (await contact.PostFormAsync(page, $"{page}&handler=Progress", new() { ["text"] = "Ny journaliseringsvejledning er udsendt.", ["evidence"] = "vejledning.pdf" })).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await contact.PostFormAsync(page, $"{page}&handler=Close", new() { ["note"] = "Vi lukker selv" })).Headers.Location?.OriginalString);
        Assert.Equal(RecommendationStatus.InProgress, await app.WithDbAsync(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, $"{page}&handler=Close", new() { ["note"] = "Vejledningen er set anvendt." })).StatusCode);
        var html = WebUtility.HtmlDecode(await advisor.GetStringAsync(page));
        Assert.Contains("Lukket", html);
        Assert.Contains("Ny journaliseringsvejledning er udsendt. (dokumentation: vejledning.pdf)", html);

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync(page)).StatusCode);
        Assert.DoesNotContain("Sikr journalisering", await sof.GetStringAsync("/Recommendations"));
    }

    [Fact]
    public async Task Overdue_follow_ups_are_listed_on_the_advisors_start_page_and_in_the_administrations_portal()
    {
        var tmf = await AdminId("TMF");
        await app.WithDbAsync(async db =>
        {
            var r = new Recommendation(RecommendationSource.Fokus, "FOKUS 2017", tmf, null, "Følg op på byggesagernes sagsbehandlingstid.", new DateOnly(2020, 6, 1), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), "Borgerrådgiveren");
            db.Recommendations.Add(r);
            return await db.SaveChangesAsync();
        });
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains("Følg op på byggesagernes sagsbehandlingstid.", await advisor.GetStringAsync("/"));
        var contact = app.NewClient();
        await contact.LoginOkAsync("tmf");
        Assert.Contains("Følg op på byggesagernes sagsbehandlingstid.", await contact.GetStringAsync("/"));
        var other = app.NewClient();
        await other.LoginOkAsync("kff");
        Assert.DoesNotContain("byggesagernes", await other.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_recommendation_in_a_concluded_complaint_case_enters_the_register()
    {
        var fields = Tilsyn.Web.Tests.Complaints.ComplaintForms.ValidComplaint();
        fields["Form.AdministrationId"] = (await AdminId("SOF")).ToString();
        var (number, _) = await Tilsyn.Web.Tests.Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), fields);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Review", []);
        var concluded = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Conclude", new()
        {
            ["outcome"] = "Recommendation", ["conclusion"] = "Borgerrådgiveren henstiller.", ["recommendation"] = "Giv altid klagevejledning i afgørelser om hjælpemidler.",
            ["summary"] = "Manglende klagevejledning.",
        });
        Assert.Equal(HttpStatusCode.Redirect, concluded.StatusCode);
        var r = await app.WithDbAsync(db => db.Recommendations.SingleAsync(x => x.SourceReference == number));
        Assert.Equal(RecommendationSource.ComplaintCase, r.Source);
        Assert.Equal("Giv altid klagevejledning i afgørelser om hjælpemidler.", r.Text);
    }

    [Fact]
    public async Task Progress_reported_from_a_page_loaded_before_a_colleagues_report_is_refused_and_nothing_is_overwritten()
    {
        var buf = await AdminId("BUF");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var created = await advisor.PostFormAsync("/Recommendations", "/Recommendations", new()
        {
            ["administrationId"] = buf.ToString(), ["source"] = "AuditorNote", ["reference"] = "Direktionsnotat 2026/9",
            ["text"] = "Svar borgerne inden for fristen.", ["due"] = app.Clock.GetUtcNow().AddMonths(2).ToString("yyyy-MM-dd"),
        });
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('=')[1]);
        var a = app.NewClient();
        var b = app.NewClient();
        await a.LoginOkAsync("buf");
        await b.LoginOkAsync("buf");
        var shownToA = await a.ShownVersionAsync(page);
        var shownToB = await b.ShownVersionAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(page, $"{page}&handler=Progress", new() { ["text"] = "Fristerne følges nu ugentligt.", ["version"] = shownToB })).StatusCode);
        var stale = await a.PostFormAsync(page, $"{page}&handler=Progress", new() { ["text"] = "Intet nyt.", ["version"] = shownToA });
        var staleClose = await advisor.PostFormAsync(page, $"{page}&handler=Close", new() { ["note"] = "Lukket uden at se opfølgningen.", ["version"] = shownToA });

        await VersionField.AssertStaleAsync(stale, "Henstillingen");
        await VersionField.AssertStaleAsync(staleClose, "Henstillingen");
        var stored = await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));
        Assert.Equal(["Fristerne følges nu ugentligt."], stored.Updates.Select(u => u.Text));
        Assert.NotEqual(RecommendationStatus.Closed, stored.Status);

        // Having reloaded, A reports (no false conflict).
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync(page, $"{page}&handler=Progress", new() { ["text"] = "Intet nyt.", ["version"] = await a.ShownVersionAsync(page) })).StatusCode);
        Assert.Equal(2, (await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.Id == id))).Updates.Count);
    }
}
