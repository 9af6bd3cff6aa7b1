using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilsyn.Anonymisation;
using Tilsyn.Publishing;
using Tilsyn.Recommendations;

namespace Tilsyn.Web.Tests.AnnualReports;

public sealed class AnnualReportTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string Summary = "Jens Hansen (010190-1234) klagede over, at Hansens klager om pladsanvisning ikke blev besvaret. Klagerne blev sendt fra Nørregade 12, 2. th.";

    /// <summary>A case example straight from a summary, as the example page stores it (no concluded case needed).</summary>
    private Task<int> ExampleAsync(string title, int? reportYear) => app.WithDbAsync(async db =>
    {
        var review = AnonymisationReview.Start(Summary, new ScanContext(["Jens Hansen"]));
        var e = new CaseExample(title, review, reportYear ?? 2030, DateTimeOffset.UtcNow, "test", legalRule: "Forvaltningsloven § 19", outcome: "Kritik");
        e.ChooseFor(reportYear, reportYear is { } y ? await db.Set<AnnualReport>().AsNoTracking().SingleAsync(r => r.Year == y) : null);
        db.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    [Fact]
    public async Task A_report_cannot_be_published_with_an_unresolved_example_and_once_published_is_served_exactly_as_stored()
    {
        const int year = 2031;
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync("/AnnualReports", "/AnnualReports", new() { ["year"] = $"{year}" })).StatusCode);
        var edit = $"/AnnualReports/Edit?year={year}";
        await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Texts&year={year}", new()
        {
            ["foreword"] = "Et år med **mange** klager.\n\n<script>alert(1)</script>", ["themes"] = "- Partshøring\n- Frister", ["recommendations"] = "Vi anbefaler:",
        });
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Recommendation&year={year}", new()
        {
            ["administrationId"] = $"{buf}", ["text"] = "Partshør forældrene før afgørelser om pladsanvisning.", ["due"] = app.Clock.GetUtcNow().AddDays(120).ToString("yyyy-MM-dd"),
        });
        var exampleId = await ExampleAsync("Manglende partshøring", year);

        // Drafts are for the advisor only.
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        Assert.Equal(HttpStatusCode.NotFound, (await leadership.GetAsync($"/AnnualReports/View?year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leadership.GetAsync($"/AnnualReports/View?year={year}&handler=Pdf")).StatusCode);

        // The unresolved example is left out of the draft and blocks publication.
        var draft = await advisor.GetStringAsync($"/AnnualReports/View?year={year}");
        Assert.DoesNotContain("010190-1234", draft);
        Assert.DoesNotContain("<script>alert", draft);
        var refused = await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Publish&year={year}", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("uafklarede personoplysninger", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Set<AnnualReport>().Where(r => r.Year == year).Select(r => r.PublishedAt).SingleAsync()));

        // Resolve every finding, then publish.
        var examplePage = $"/AnnualReports/Example?id={exampleId}";
        Assert.Contains("CPR-nummer", await advisor.GetStringAsync(examplePage));
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(examplePage, $"/AnnualReports/Example?handler=ReplaceAll&id={exampleId}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Publish&year={year}", [])).StatusCode);

        var pdf = await advisor.GetByteArrayAsync($"/AnnualReports/View?year={year}&handler=Pdf");
        var text = Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(pdf);
        foreach (var heading in new[] { "Indhold", "Forord", "Henvendelser og klager", "Formalitetsklager", "Klager i forhold til sagsmængden", "Sagsaudit", "Anbefalinger", "Eksempler fra årets sager", "Manglende partshøring" })
            Assert.Contains(heading, text);
        Assert.DoesNotContain("010190", text);
        Assert.DoesNotContain("Jens", text);
        Assert.Contains("[cpr-nr.]", text);

        var docx = await advisor.GetByteArrayAsync($"/AnnualReports/View?year={year}&handler=Docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var headings = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Contains("Forord", headings);
            Assert.Contains("Anbefalinger", headings);
            Assert.NotEmpty(body.Descendants<Table>());
            Assert.NotEmpty(body.Descendants<Drawing>());
            Assert.NotEmpty(word.MainDocumentPart.ImageParts);
        }

        // Frozen: later changes to the data do not change what is served.
        await app.WithDbAsync(async db =>
        {
            db.Add(new Tilsyn.Evaluations.CommitteeStatus(buf, year, "Børne- og Ungdomsudvalget", "Ny status efter offentliggørelsen", DateTimeOffset.UtcNow, "test"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(pdf, await advisor.GetByteArrayAsync($"/AnnualReports/View?year={year}&handler=Pdf"));
        Assert.Equal(docx, await advisor.GetByteArrayAsync($"/AnnualReports/View?year={year}&handler=Docx"));
        Assert.DoesNotContain("Ny status efter offentliggørelsen", await advisor.GetStringAsync($"/AnnualReports/View?year={year}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Texts&year={year}", new() { ["foreword"] = "Ændret" })).StatusCode);
        var again = await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Publish&year={year}", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains($"Beretning {year} er offentliggjort", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Recommendation&year={year}", new()
        {
            ["administrationId"] = $"{buf}", ["text"] = "For sent.", ["due"] = Tilsyn.Calendar.DanishTime.Today(app.Clock).AddDays(120).ToString("yyyy-MM-dd"),
        })).StatusCode);
        var lateExample = await ExampleAsync("For sent", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await advisor.PostFormAsync($"/AnnualReports/Example?id={lateExample}", $"/AnnualReports/Example?handler=Report&id={lateExample}", new() { ["reportYear"] = $"{year}" })).StatusCode);
        Assert.Equal(pdf, await advisor.GetByteArrayAsync($"/AnnualReports/View?year={year}&handler=Pdf"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.SourceReference == $"Beretning {year}")));

        // Published: Leadership and the administrations read it.
        Assert.Equal(pdf, await leadership.GetByteArrayAsync($"/AnnualReports/View?year={year}&handler=Pdf"));

        // The recommendation entered the register; BUF accounts for it to its committee; SOF cannot.
        var rec = await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.SourceReference == $"Beretning {year}"));
        Assert.Equal(RecommendationSource.AnnualReport, rec.Source);
        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        var account = $"/AnnualReports/Account?year={year}&administration={buf}";
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync(account)).StatusCode);
        var bufContact = app.NewClient();
        await bufContact.LoginOkAsync("buf");
        var incomplete = await bufContact.PostFormAsync(account, account, new() { ["committee"] = "Børne- og Ungdomsudvalget", ["introduction"] = "BUF's opfølgning.", ["submit"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var submitted = await bufContact.PostFormAsync(account, account, new()
        {
            ["committee"] = "Børne- og Ungdomsudvalget", ["introduction"] = "BUF's opfølgning.", [$"done-{rec.Id}"] = "Ny procedure for partshøring.", [$"planned-{rec.Id}"] = "Stikprøver i 2032.", ["submit"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        rec = await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.Id == rec.Id));
        Assert.Equal(RecommendationStatus.InProgress, rec.Status);
        Assert.Contains("Ny procedure for partshøring.", rec.Updates.Last().Text);
        Assert.Contains("Indsendt", await advisor.GetStringAsync($"/AnnualReports/Accounts?year={year}"));
    }

    [Fact]
    public async Task The_library_holds_only_resolved_summaries_and_finds_inflected_Danish_words()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var id = await ExampleAsync("Klage over pladsanvisning", null);
        var page = $"/AnnualReports/Example?id={id}";
        var refused = await advisor.PostFormAsync(page, $"/AnnualReports/Example?handler=Library&id={id}", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<CaseExample>().Where(e => e.Id == id).Select(e => e.InLibrary).SingleAsync()));

        var contact = app.NewClient();
        await contact.LoginOkAsync("sof");
        Assert.DoesNotContain("Klage over pladsanvisning", await contact.GetStringAsync("/Library?q=pladsanvisning"));

        // Resolve: replace the CPR number, confirm nothing else is personal… no: replace all, then publish.
        await advisor.PostFormAsync(page, $"/AnnualReports/Example?handler=ReplaceAll&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, $"/AnnualReports/Example?handler=Library&id={id}", [])).StatusCode);

        // Every logged-in user reads it; "klagerne" finds the summary's "klagede"/"klager" through the stem "klag".
        var found = WebUtility.HtmlDecode(await contact.GetStringAsync("/Library?q=klagerne"));
        Assert.Contains("Klage over pladsanvisning", found);
        Assert.DoesNotContain("010190-1234", found);
        Assert.Contains("[cpr-nr.]", found);
        Assert.Contains("Klage over pladsanvisning", WebUtility.HtmlDecode(await contact.GetStringAsync("/Library?q=pladsanvisningen&rule=Forvaltningsloven+%C2%A7+19")));
        Assert.DoesNotContain("Klage over pladsanvisning", WebUtility.HtmlDecode(await contact.GetStringAsync("/Library?q=byggesag")));
        Assert.DoesNotContain("Klage over pladsanvisning", WebUtility.HtmlDecode(await contact.GetStringAsync("/Library?q=klage&outcome=Afvist")));
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        Assert.Contains("Klage over pladsanvisning", WebUtility.HtmlDecode(await leadership.GetStringAsync("/Library")));
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().GetAsync("/Library")).StatusCode); // not anonymous
        Assert.Equal(HttpStatusCode.Redirect, (await contact.GetAsync($"/AnnualReports/Example?id={id}")).StatusCode); // the review is the advisor's
    }

    [Fact]
    public async Task Texts_or_a_publication_from_a_page_loaded_before_a_colleagues_save_are_refused()
    {
        const int year = 2037;
        var a = app.NewClient();
        var b = app.NewClient();
        await a.LoginOkAsync("sagsbehandler");
        await b.LoginOkAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync("/AnnualReports", "/AnnualReports", new() { ["year"] = $"{year}" })).StatusCode);
        var edit = $"/AnnualReports/Edit?year={year}";
        var texts = $"/AnnualReports/Edit?handler=Texts&year={year}";
        var shownToA = await a.ShownVersionAsync(edit);
        var shownToB = await b.ShownVersionAsync(edit);

        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(edit, texts, new() { ["foreword"] = "B's forord.", ["themes"] = "", ["recommendations"] = "", ["version"] = shownToB })).StatusCode);
        var stale = await a.PostFormAsync(edit, texts, new() { ["foreword"] = "A's forord.", ["themes"] = "", ["recommendations"] = "", ["version"] = shownToA });
        var stalePublish = await a.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Publish&year={year}", new() { ["version"] = shownToA });

        await VersionField.AssertStaleAsync(stale, "Beretningen");
        await VersionField.AssertStaleAsync(stalePublish, "Beretningen");
        var stored = await app.WithDbAsync(db => db.Set<AnnualReport>().SingleAsync(r => r.Year == year));
        Assert.Equal("B's forord.", stored.Foreword);
        Assert.Null(stored.PublishedAt);

        // Having reloaded, A saves (no false conflict).
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync(edit, texts, new() { ["foreword"] = "A's forord.", ["themes"] = "", ["recommendations"] = "", ["version"] = await a.ShownVersionAsync(edit) })).StatusCode);
        Assert.Equal("A's forord.", await app.WithDbAsync(db => db.Set<AnnualReport>().Where(r => r.Year == year).Select(r => r.Foreword).SingleAsync()));
    }
}
