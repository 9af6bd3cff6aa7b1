using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Evaluations;
using Tilsyn.Publishing;
using Tilsyn.Web.Evaluations;

namespace Tilsyn.Web.Tests.PublicSite;

/// <summary>The public site (issue 16): published reports only, served exactly as stored; FOKUS only once put on the website.</summary>
public sealed class PublicSiteTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<HttpClient> AdvisorAsync()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        return advisor;
    }

    private static async Task<HttpClient> CreateReportAsync(HttpClient advisor, int year, bool publish)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync("/AnnualReports", "/AnnualReports", new() { ["year"] = $"{year}" })).StatusCode);
        var edit = $"/AnnualReports/Edit?year={year}";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Texts&year={year}", new() { ["foreword"] = $"Forord til {year} med æøå." })).StatusCode);
        if (publish) Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(edit, $"/AnnualReports/Edit?handler=Publish&year={year}", [])).StatusCode);
        return advisor;
    }

    [Fact]
    public async Task A_draft_or_unknown_year_is_never_shown_to_the_public()
    {
        var anonymous = app.NewClient();
        var advisor = await AdvisorAsync();
        await CreateReportAsync(advisor, 2041, publish: false);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync("/AnnualReports/View?year=2041")).StatusCode); // the draft exists for the advisor
        foreach (var path in new[] { "/offentlig/beretning/2041", "/offentlig/beretning/2041.pdf", "/offentlig/beretning/2041.docx", "/offentlig/beretning/1999", "/offentlig/beretning/1999.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync(path)).StatusCode); // not even staff see a draft here
        }
        Assert.DoesNotContain("Beretning 2041", await anonymous.GetStringAsync("/offentlig"));
    }

    [Fact]
    public async Task A_published_report_is_listed_and_its_page_pdf_and_word_are_exactly_the_stored_publication()
    {
        await CreateReportAsync(await AdvisorAsync(), 2042, publish: true);
        var stored = await app.WithDbAsync(db => db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == 2042)
            .Select(r => new { r.PublishedHtml, r.PublishedPdf, r.PublishedDocx }).SingleAsync());
        var anonymous = app.NewClient();

        var front = await anonymous.GetStringAsync("/offentlig");
        Assert.Contains("href=\"/offentlig/beretning/2042\"", front);
        Assert.Contains("href=\"/offentlig/beretning/2042.pdf\"", front);
        Assert.Contains("href=\"/offentlig/beretning/2042.docx\"", front);
        Assert.Contains("href=\"/offentlig/tal\"", front);
        Assert.Contains("href=\"/offentlig/data/ordbog\"", front);
        Assert.Contains("href=\"/offentlig/tilgaengelighed\"", front);
        Assert.Contains("href=\"/klage\"", front);

        var page = await anonymous.GetStringAsync("/offentlig/beretning/2042");
        Assert.Contains(stored.PublishedHtml!, page);

        foreach (var (ext, bytes, type) in new[] { ("pdf", stored.PublishedPdf!, "application/pdf"), ("docx", stored.PublishedDocx!, "application/vnd.openxmlformats-officedocument.wordprocessingml.document") })
        {
            var response = await anonymous.GetAsync($"/offentlig/beretning/2042.{ext}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"Beretning-2042.{ext}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.True(response.Headers.CacheControl.Public);
            var etag = response.Headers.ETag!;

            // A client that has the file gets 304 and no body.
            var again = new HttpRequestMessage(HttpMethod.Get, $"/offentlig/beretning/2042.{ext}");
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await anonymous.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            var stale = new HttpRequestMessage(HttpMethod.Get, $"/offentlig/beretning/2042.{ext}");
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/offentlig/beretning/2042.exe")).StatusCode);
    }

    private async Task OpenRoundAsync(int year)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenRoundAsync(year, new DateOnly(year, 3, 1), "Test", CancellationToken.None);
    }

    private static async Task AssertNotPublicAsync(HttpClient client, int year)
    {
        foreach (var path in new[] { $"/offentlig/fokus/{year}", $"/offentlig/fokus/{year}.pdf", $"/offentlig/fokus/{year}.docx" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.DoesNotContain($"FOKUS {year}", await client.GetStringAsync("/offentlig"));
    }

    [Fact]
    public async Task A_FOKUS_round_reaches_the_public_only_when_put_on_the_website_after_the_administrations_and_only_once()
    {
        await OpenRoundAsync(2044);
        var anonymous = app.NewClient();
        var advisor = await AdvisorAsync();
        var report = "/Evaluations/Report?year=2044";

        // Not published at all: not public, and it cannot go on the website before the administrations have it.
        await AssertNotPublicAsync(anonymous, 2044);
        Assert.DoesNotContain("offentliggoer-hjemmeside", await advisor.GetStringAsync(report));
        var early = await advisor.PostFormAsync(report, "/Evaluations/Report?handler=PublishPublicly&year=2044", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("FOKUS-rapporten for 2044 skal først offentliggøres for forvaltningerne.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));

        // Published to the administrations only: still not public.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(report, "/Evaluations/Report?handler=Publish&year=2044", [])).StatusCode);
        await AssertNotPublicAsync(anonymous, 2044);
        Assert.Contains("offentliggoer-hjemmeside", await advisor.GetStringAsync(report));

        // On the website: frozen, listed, served from the stored bytes; logged.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(report, "/Evaluations/Report?handler=PublishPublicly&year=2044", [])).StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<FokusPublication>().AsNoTracking().SingleAsync(p => p.Year == 2044));
        Assert.Contains("href=\"/offentlig/fokus/2044\"", await anonymous.GetStringAsync("/offentlig"));
        var page = await anonymous.GetStringAsync("/offentlig/fokus/2044");
        Assert.Contains(stored.Html, page);
        Assert.Contains("<th scope=\"row\">BUF</th>", page);
        Assert.Equal(stored.Pdf, await anonymous.GetByteArrayAsync("/offentlig/fokus/2044.pdf"));
        Assert.Equal(stored.Docx, await anonymous.GetByteArrayAsync("/offentlig/fokus/2044.docx"));
        Assert.Contains("FOKUS 2044", Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(stored.Pdf));
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Detail == "FOKUS-rapporten 2044 offentliggjort på hjemmesiden")));
        Assert.Contains("paa-hjemmesiden", await advisor.GetStringAsync(report));

        // Twice is refused, and the publication stays the first one.
        var twice = await advisor.PostFormAsync(report, "/Evaluations/Report?handler=PublishPublicly&year=2044", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("FOKUS-rapporten for 2044 er allerede offentliggjort på hjemmesiden.", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<FokusPublication>().CountAsync(p => p.Year == 2044)));
    }

    [Theory]
    [InlineData("buf")]
    [InlineData("ledelse")]
    [InlineData("buf-klage")]
    public async Task Only_the_advisors_staff_put_a_FOKUS_report_on_the_website(string user)
    {
        var year = 2045 + Array.IndexOf(["buf", "ledelse", "buf-klage"], user);
        await OpenRoundAsync(year);
        var advisor = await AdvisorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Evaluations/Report?year={year}", $"/Evaluations/Report?handler=Publish&year={year}", [])).StatusCode);
        var other = app.NewClient();
        await other.LoginOkAsync(user);
        // A contact sees the report page (and gets a token there); the others post with the advisor's page's form.
        var page = user == "buf" ? $"/Evaluations/Report?year={year}" : "/";
        var refused = await other.PostFormAsync(page, $"/Evaluations/Report?handler=PublishPublicly&year={year}", []);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{refused.StatusCode}");
        if (refused.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString());
        Assert.False(await app.WithDbAsync(db => db.Set<EvaluationRound>().AnyAsync(r => r.Year == year && r.PubliclyPublishedAt != null)));
        await AssertNotPublicAsync(app.NewClient(), year);
    }

    [Fact]
    public async Task The_accessibility_statement_names_what_was_tested_the_PDF_limitation_the_contact_and_the_enforcement_body()
    {
        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/offentlig/tilgaengelighed"));
        Assert.Contains("WCAG 2.1 niveau AA", html);
        Assert.Contains("delvist i overensstemmelse", html);
        Assert.Contains("axe-core", html);
        Assert.Contains("tastatur", html);
        Assert.Contains("PDF-filer", html);
        Assert.Contains("mailto:borgerraadgiveren@tilsyn.example", html);
        Assert.Contains("https://www.was.digst.dk", html);
        Assert.Contains("Digitaliseringsstyrelsen", html);
        Assert.Contains("01-12-2026", html); // the statement's date is the setting, not today
    }

    [Fact]
    public async Task The_complaint_form_and_the_footer_link_to_the_public_site()
    {
        var form = await app.NewClient().GetStringAsync("/klage");
        Assert.Contains("<a href=\"/offentlig\">Læs Borgerrådgiverens beretninger og tal</a>", form);
        Assert.Contains("href=\"/offentlig/tilgaengelighed\"", form);
    }
}
