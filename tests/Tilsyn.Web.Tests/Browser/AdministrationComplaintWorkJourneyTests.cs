using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// Issue 15's acceptance journey in the browser: BUF's own complaint handler registers a complaint about missing
/// hearing (forvaltningsloven § 19), handles it to a conclusion with a remedy; a complaint to the advisor about BUF
/// shows up in BUF's register as a linked entry; BUF downloads its quarterly committee report (PDF text and the DOCX
/// table) with both complaints, split by where they were handled; BUF's contact submits targets for two KLE groups
/// and a reasoned "no target" for a third; the advisor is notified, and the annual report draft shows them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationComplaintWorkJourneyTests(BrowserFixture browser)
{
    /// <summary>The category whose legal rule is forvaltningsloven § 19 (partshøring), found by its rule.</summary>
    private static readonly ComplaintCategory Fvl19 = ComplaintCategories.All.Single(c => c.LegalRule == "Forvaltningsloven § 19").Category;

    /// <summary>A plain HTTP client of the running server (the browser fixture serves over Kestrel), with its own cookies.</summary>
    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(browser.BaseUrl) };

    [Fact]
    public async Task BUF_handles_its_own_complaint_sees_the_advisors_linked_reports_it_per_quarter_and_submits_targets_the_advisor_is_told_of()
    {
        var app = browser.App;
        var today = DanishTime.Today(app.Clock);
        var period = ReportingPeriod.ForQuarter(today.Year, (today.Month - 1) / 3 + 1).Key;
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());

        // A complaint to the advisor about BUF (the citizens' form), classified by the advisor as missing hearing.
        var fields = ComplaintForms.ValidComplaint("Bente Browsersen", "bente.browser@borger.example");
        fields["Form.AdministrationId"] = buf.ToString();
        var advisorCase = (await ComplaintForms.SubmitOkAsync(Client(), fields)).Number;
        var advisorClient = Client();
        await advisorClient.LoginOkAsync("sagsbehandler");
        var classified = await advisorClient.PostFormAsync($"/Cases/{advisorCase}", $"/Cases/{advisorCase}?handler=Classify",
            new() { ["type"] = nameof(CaseType.Complaint), ["administrationId"] = buf.ToString(), ["categories"] = Fvl19.ToString() });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, classified.StatusCode);

        // BUF's complaint handler registers and handles its own complaint.
        var page = await browser.NewPageAsync();
        await page.LogInAsync("buf-klage");
        await page.GotoAsync("/Forvaltning/Klager/Ny");
        await page.GetByLabel("Modtaget den").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Borgerens navn").FillAsync("Karen Partshøring");
        await page.GetByLabel("Emne").FillAsync("Ikke partshørt før afgørelsen om skoleskift");
        await page.GetByLabel("Klagen", new() { Exact = true }).FillAsync("Vi fik afgørelsen uden at være blevet hørt.");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Registrér klagen" }).ClickAsync());
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync("forvaltningens eget klageregister");
        var own = page.Url[(page.Url.IndexOf("/Cases/", StringComparison.Ordinal) + "/Cases/".Length)..];

        await page.Locator("summary", new() { HasTextString = "Klassificér" }).First.ClickAsync();
        await page.SelectOptionAsync("#type", nameof(CaseType.Complaint));
        await page.Locator($"form[action*='handler=Classify'] input[name=categories][value={Fvl19}]").CheckAsync();
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem klassificering" }).ClickAsync());
        await page.Locator("summary", new() { HasTextString = "Sæt under behandling" }).First.ClickAsync();
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Under behandling" }).ClickAsync());
        await page.Locator("summary", new() { HasTextString = "Afslut med konklusion" }).First.ClickAsync();
        await page.SelectOptionAsync("#outcome", nameof(Outcome.Criticism));
        await page.Locator($"form[action*='handler=Conclude'] input[name=breached][value={Fvl19}]").CheckAsync();
        await page.GetByLabel("Konklusion (til brevet)").FillAsync("Forvaltningen burde have partshørt familien før afgørelsen.");
        await page.GetByLabel("Kort resumé").FillAsync("Manglende partshøring før skoleskift.");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Afslut sagen" }).ClickAsync());
        await page.Locator("summary", new() { HasTextString = "Bed om afhjælpning" }).First.ClickAsync();
        await page.SelectOptionAsync("#afhjaelpning-type", nameof(Tilsyn.Remedies.RemedyKind.Apology));
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tilføj afhjælpning" }).ClickAsync());
        await Assertions.Expect(page.Locator("#afhjaelpninger")).ToContainTextAsync("Undskyldning");
        await Axe.AssertNoViolationsAsync(page);
        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Categories).SingleAsync(c => c.Number == own));
        Assert.Equal((CaseStatus.Concluded, Outcome.Criticism, buf), (stored.Status, stored.Outcome!.Value, stored.OwnerAdministrationId!.Value));
        Assert.Contains(stored.Categories, c => c.Category == Fvl19 && c.Breached);

        // The advisor's complaint about BUF is in BUF's register as a linked entry.
        await page.GotoAsync("/Forvaltning/Klager");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync($"Klage til Borgerrådgiveren (sag {advisorCase})");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync(own);

        // The quarterly committee report: both complaints, split by where they were handled, as PDF and DOCX.
        await page.GotoAsync($"/Statistics/Kvartal?administration=BUF&period={period}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Børne- og Ungdomsforvaltningen");
        await Axe.AssertNoViolationsAsync(page);
        var pdfHref = await page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).GetAttributeAsync("href");
        var docxHref = await page.GetByRole(AriaRole.Link, new() { Name = "Word (DOCX, kan redigeres)" }).GetAttributeAsync("href");
        var pdfResponse = await page.Context.APIRequest.GetAsync(pdfHref!);
        Assert.Equal(200, pdfResponse.Status);
        var pdf = string.Join(" ", Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await pdfResponse.BodyAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Kvartalsrapport til Børne- og Ungdomsudvalget", pdf);
        // The split in the summary: this test's own complaint (handled by BUF) and its advisor complaint (other tests of the collection may add more).
        var split = System.Text.RegularExpressions.Regex.Match(pdf, @"Forvaltningen har selv behandlet (\d+), Borgerrådgiveren (\d+)\.");
        Assert.True(split.Success, pdf);
        Assert.True(int.Parse(split.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1 && int.Parse(split.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, split.Value);
        var docxResponse = await page.Context.APIRequest.GetAsync(docxHref!);
        Assert.Equal(200, docxResponse.Status);
        List<string[]> rows;
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docxResponse.BodyAsync()), false))
            rows = [.. word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray())];
        Assert.Contains(rows, r => r.SequenceEqual(["Klager", "Forvaltningen selv", "Borgerrådgiveren", "I alt", "Pr. 1.000 sager"]) || r.Take(4).SequenceEqual(["Klager", "Forvaltningen selv", "Borgerrådgiveren", "I alt"]));
        // The hearing row: at least this test's own complaint (handled by BUF) and its advisor complaint (handled by the advisor).
        var hearing = Assert.Single(rows, r => r.Length >= 4 && r[0] == "Partshøring" && r[1] == "Forvaltningsloven § 19");
        Assert.True(int.Parse(hearing[2], System.Globalization.CultureInfo.InvariantCulture) >= 1, "handled by BUF: " + string.Join(" | ", hearing));
        Assert.True(int.Parse(hearing[3], System.Globalization.CultureInfo.InvariantCulture) >= 1, "handled by the advisor: " + string.Join(" | ", hearing));
        await page.Context.CloseAsync();

        // BUF's contact records targets for two KLE groups and a reasoned "no target" for a third, and submits them.
        var contact = await browser.NewPageAsync();
        await contact.LogInAsync("buf");
        foreach (var (kle, ceiling) in new[] { ("28.13", "3,5"), ("28.24", "6") })
        {
            await contact.GotoAsync($"/Targets/Edit?administration={buf}");
            await contact.GetByLabel("Et KLE-område").CheckAsync();
            await contact.GetByLabel("KLE-gruppe eller -emne", new() { Exact = true }).FillAsync(kle);
            await contact.GetByLabel("Måltal: højst et antal").CheckAsync();
            await contact.GetByLabel("Klager pr. 1.000 sager").CheckAsync();
            await contact.GetByLabel("Måltal (højst)").FillAsync(ceiling);
            await contact.GetByLabel("Besluttet den").FillAsync($"{today.Year}-09-15");
            await contact.GetByLabel("Første år").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await contact.GetByLabel("Sidste år").FillAsync((today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await contact.GetByLabel("Besluttet af (fx Børne- og Ungdomsudvalget)").FillAsync("Børne- og Ungdomsudvalget");
            await contact.AfterNavigationAsync(() => contact.GetByRole(AriaRole.Button, new() { Name = "Gem som kladde" }).ClickAsync());
            await Assertions.Expect(contact.Locator("#egne-maltal")).ToContainTextAsync("KLE " + kle);
        }
        await contact.GotoAsync($"/Targets/Edit?administration={buf}");
        await contact.GetByLabel("Et KLE-område").CheckAsync();
        await contact.GetByLabel("KLE-gruppe eller -emne", new() { Exact = true }).FillAsync("28.15");
        await contact.GetByLabel("Intet måltal (begrundet)").CheckAsync();
        await contact.GetByLabel("Begrundelse (ved intet måltal)").FillAsync("Klagerne på området er få og meget forskellige; et måltal ville ikke sige noget om kvaliteten.");
        await contact.GetByLabel("Besluttet den").FillAsync($"{today.Year}-09-15");
        await contact.GetByLabel("Første år").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await contact.GetByLabel("Sidste år").FillAsync((today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await contact.GetByLabel("Besluttet af (fx Børne- og Ungdomsudvalget)").FillAsync("Børne- og Ungdomsudvalget");
        await contact.AfterNavigationAsync(() => contact.GetByRole(AriaRole.Button, new() { Name = "Gem som kladde" }).ClickAsync());
        await Assertions.Expect(contact.Locator("#egne-maltal")).ToContainTextAsync("Intet måltal: Klagerne på området er få");
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // a submission of its own (another test of the collection may submit BUF's at the same instant)
        await contact.AfterNavigationAsync(() => contact.GetByRole(AriaRole.Button, new() { Name = "Indsend måltal" }).ClickAsync());
        await Assertions.Expect(contact.GetByRole(AriaRole.Status)).ToContainTextAsync("indsendt til Borgerrådgiveren");
        await contact.Context.CloseAsync();

        // The advisor is notified, and the annual report draft shows the targets and the reason.
        var advisor = await browser.NewPageAsync();
        await advisor.LogInAsync("sagsbehandler");
        await advisor.GotoAsync("/Notifikationer");
        await Assertions.Expect(advisor.Locator("main")).ToContainTextAsync($"BUF har indsendt måltal for {today.Year}");
        await advisor.GotoAsync("/AnnualReports");
        // Next year's draft: another test of the collection publishes this year's report (then frozen); the targets apply to both years.
        await advisor.GetByLabel("År").FillAsync((today.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await advisor.AfterNavigationAsync(() => advisor.GetByRole(AriaRole.Button, new() { Name = "Opret eller åbn" }).ClickAsync());
        await advisor.GotoAsync($"/AnnualReports/View?year={today.Year + 1}");
        var report = advisor.Locator("main");
        await Assertions.Expect(report).ToContainTextAsync("Forvaltningernes måltal for klager");
        await Assertions.Expect(report).ToContainTextAsync("KLE 28.13");
        await Assertions.Expect(report).ToContainTextAsync("KLE 28.24");
        await Assertions.Expect(report).ToContainTextAsync("Klagerne på området er få og meget forskellige");
        await advisor.Context.CloseAsync();
    }
}
