using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilsyn.Audits;
using Tilsyn.Extracts;
using Tilsyn.Organisation;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AuditReportJourneyTests(BrowserFixture browser)
{
    /// <summary>BUF's case system extract: day-care and school cases in every BUF unit.</summary>
    private async Task<(int ExtractId, int Buf)> ImportAsync()
    {
        var app = browser.App;
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        var units = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.AdministrationId == buf && u.Kind == OrgUnitKind.Unit).OrderBy(u => u.Id).Select(u => u.Name).ToListAsync());
        var csv = new StringBuilder("sagsid;forvaltning;enhed;kle;sagstype;oprettet;afgjort\n");
        for (var i = 0; i < units.Count; i++)
            for (var k = 0; k < 12 + 6 * i; k++)
                csv.Append($"B-{i}-{k:D3};BUF;{units[i]};28.09.04;{(k % 4 == 0 ? "Skole" : "Dagtilbud")};0{1 + k % 9}-03-2026;\n");
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ExtractImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            new ImportRequest("Browser-ESDH", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ErrorPolicy.RejectFile, new ColumnMap(), "buf.csv", "test"), null, CancellationToken.None);
        Assert.True(report.Imported, report.Message);
        return (report.ExtractId!.Value, buf);
    }

    [Fact]
    public async Task The_advisor_audits_BUFs_day_care_publishes_the_report_and_BUF_accounts_for_it()
    {
        var (extractId, buf) = await ImportAsync();
        var advisor = await browser.NewPageAsync();
        await advisor.LogInAsync("sagsbehandler");

        // A stratified audit of BUF's day-care cases.
        await advisor.GotoAsync("/CaseAudits");
        await advisor.GetByLabel("Titel", new() { Exact = true }).FillAsync("BUF dagtilbud (browser)");
        await advisor.GetByLabel("Dataudtræk", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = extractId.ToString() });
        await advisor.GetByLabel("Forvaltning", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = buf.ToString() });
        await advisor.GetByLabel("Sagstype (tom = alle)", new() { Exact = true }).FillAsync("Dagtilbud");
        await advisor.GetByLabel("Design", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "unit-proportional" });
        await advisor.GetByLabel("Stikprøvestørrelse", new() { Exact = true }).FillAsync("16");
        await advisor.GetByLabel("Frø (tom = vælges tilfældigt og gemmes)", new() { Exact = true }).FillAsync("2026");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Træk stikprøve" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#seed")).ToHaveTextAsync("2026");
        await Assertions.Expect(advisor.Locator("#strata tbody tr")).ToHaveCountAsync(await browser.App.WithDbAsync(db => db.OrgUnits.CountAsync(u => u.AdministrationId == buf && u.Kind == OrgUnitKind.Unit)));

        // Two cases answered in the browser: the first misses the hearing.
        await advisor.Locator("#sample tbody a").First.ClickAsync();
        for (var c = 0; c < 2; c++)
        {
            var met = advisor.GetByRole(AriaRole.Radio, new() { Name = "Opfyldt", Exact = true });
            for (var i = 0; i < AuditChecklist.Current.Questions.Count; i++) await met.Nth(i).CheckAsync();
            if (c == 0)
            {
                await advisor.GetByRole(AriaRole.Radio, new() { Name = "Ikke opfyldt", Exact = true }).First.CheckAsync();
                await advisor.GetByLabel("Bemærkning", new() { Exact = true }).First.FillAsync("Forældrene blev ikke hørt.");
            }
            await advisor.GetByRole(AriaRole.Button, new() { Name = "Gem og næste sag" }).ClickAsync();
            await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("er gemt");
        }
        // The rest as if from the returned workbook (tested on its own), so the results have numbers.
        var auditId = await browser.App.WithDbAsync(db => db.Set<CaseAudit>().Where(a => a.Title == "BUF dagtilbud (browser)").Select(a => a.Id).SingleAsync());
        using (var scope = browser.App.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<CaseAuditService>();
            var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
            var audit = await db.Set<CaseAudit>().SingleAsync(a => a.Id == auditId);
            var user = Tilsyn.Web.Demo.DemoPublishing.Advisor("Test");
            var k = 0;
            foreach (var c in await db.Set<SampledCase>().Where(c => c.AuditId == auditId && c.AnsweredAt == null).ToListAsync())
                await service.RecordAsync(user, audit, c, new Dictionary<string, AuditCell> { ["hearing"] = new(k++ % 3 == 0 ? AuditAnswer.NotMet : AuditAnswer.Met, null) }, CancellationToken.None);
        }

        // Results with intervals; the hearing finding becomes a recommendation.
        await advisor.GotoAsync($"/CaseAudits/Results?id={auditId}");
        await Assertions.Expect(advisor.Locator("#results tr[data-key='hearing']")).ToContainTextAsync("%–");
        await Assertions.Expect(advisor.Locator("#results thead")).ToContainTextAsync("Skøn for populationen");
        await advisor.GetByLabel("Krav", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "hearing" });
        await advisor.GetByLabel("Henstilling", new() { Exact = true }).FillAsync("Partshør forældrene i dagtilbudssager.");
        await advisor.GetByLabel("Frist for opfølgning", new() { Exact = true }).FillAsync(browser.App.Clock.GetUtcNow().AddDays(60).ToString("yyyy-MM-dd"));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Opret henstilling" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Henstillingen er oprettet i registret.");
        await Assertions.Expect(advisor.GetByRole(AriaRole.Link, new() { Name = "Partshør forældrene i dagtilbudssager." })).ToBeVisibleAsync();

        // The annual report: own texts, a recommendation to BUF, published.
        var year = browser.App.Clock.GetUtcNow().Year; // the year of the audit above, so the report has it
        await advisor.GotoAsync("/AnnualReports");
        await advisor.GetByLabel("År", new() { Exact = true }).FillAsync(year.ToString());
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Opret eller åbn" }).ClickAsync();
        await advisor.GetByLabel("Forord", new() { Exact = true }).FillAsync("Året bød på mange klager over partshøring.");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Gem tekster" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Teksterne er gemt.");
        await advisor.GetByLabel("Forvaltning", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = buf.ToString() });
        await advisor.Locator("#text").FillAsync("Sørg for partshøring før afgørelser om pladsanvisning.");
        await advisor.Locator("#due").FillAsync(browser.App.Clock.GetUtcNow().AddDays(120).ToString("yyyy-MM-dd"));
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Tilføj anbefaling" }).ClickAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = $"Offentliggør beretning {year}" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Heading, new() { Name = $"Borgerrådgiverens beretning {year}" })).ToBeVisibleAsync();

        var pdf = await advisor.APIRequest.GetAsync($"/AnnualReports/View?year={year}&handler=Pdf");
        var text = Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await pdf.BodyAsync());
        foreach (var heading in new[] { "Indhold", "Forord", "Henvendelser og klager", "Sagsaudit", "Anbefalinger", "Opfølgning på tidligere anbefalinger" })
            Assert.Contains(heading, text);
        Assert.Contains("BUF dagtilbud (browser)", text);
        var docx = await advisor.APIRequest.GetAsync($"/AnnualReports/View?year={year}&handler=Docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.BodyAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Contains("Forord", body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText));
            Assert.NotEmpty(body.Descendants<Table>());
            Assert.NotEmpty(body.Descendants<Drawing>());
        }

        // BUF's contact accounts to the committee.
        var contact = await browser.NewPageAsync();
        await contact.LogInAsync("buf");
        await contact.GotoAsync($"/AnnualReports/Account?year={year}&administration={buf}");
        await contact.GetByLabel("Hvad har forvaltningen gjort?", new() { Exact = true }).FillAsync("Ny skabelon for partshøring i pladsanvisningen.");
        await contact.GetByLabel("Hvad planlægger forvaltningen?", new() { Exact = true }).FillAsync("Stikprøver hvert kvartal.");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Indsend redegørelsen" }).ClickAsync();
        await Assertions.Expect(contact.Locator("#account-status")).ToContainTextAsync("Indsendt");
        var rec = await browser.App.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.SourceReference == $"Beretning {year}"));
        Assert.Contains("Ny skabelon for partshøring", rec.Updates.Last().Text);
    }
}
