using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FokusJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_FOKUS_round_goes_from_opening_through_BUFs_answer_to_the_invitation_and_the_reports()
    {
        var nextYear = browser.App.Clock.GetUtcNow().Year + 1;
        var advisor = await browser.NewPageAsync();
        await advisor.LogInAsync("sagsbehandler");
        await advisor.GotoAsync("/Evaluations");
        await advisor.GetByLabel("År").FillAsync(nextYear.ToString());
        await advisor.GetByLabel("Svarfrist").FillAsync($"{nextYear}-03-01");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Åbn runde" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Cell, new() { Name = nextYear.ToString(), Exact = false }).First).ToBeVisibleAsync();

        var buf = await browser.NewPageAsync();
        await buf.LogInAsync("buf");
        await buf.GotoAsync("/Evaluations");
        await buf.Locator("table").GetByRole(AriaRole.Link, new() { Name = "BUF", Exact = true }).First.ClickAsync();
        await buf.Locator("#q-A1").FillAsync("Direktionen gennemgår klager hvert kvartal.");
        await buf.GetByLabel("Initiativ 1").FillAsync("Klageforløb i dagtilbud");
        await buf.GetByRole(AriaRole.Button, new() { Name = "Gem kladde" }).ClickAsync();
        await Assertions.Expect(buf.GetByRole(AriaRole.Status)).ToContainTextAsync("Kladden er gemt.");
        await buf.GetByLabel("Følgebrev").FillAsync("Hermed BUF's besvarelse.");
        await buf.GetByLabel("Tidspunkt 1").FillAsync($"{nextYear}-04-03T10:00");
        await buf.GetByLabel("Tidspunkt 2").FillAsync($"{nextYear}-04-05T13:00");
        await buf.GetByLabel("Tidspunkt 3").FillAsync($"{nextYear}-04-07T09:00");
        await buf.GetByLabel("Forvaltningens deltagere, én pr. linje som Navn <e-mail>").FillAsync("Lene Mortensen <lene@buf.example>\nKim Kvalitet <kim@buf.example>");
        await buf.GetByRole(AriaRole.Button, new() { Name = "Indsend" }).ClickAsync();
        await Assertions.Expect(buf.Locator("#status")).ToHaveTextAsync("Indsendt");

        await advisor.GotoAsync(buf.Url);
        await advisor.GetByLabel("Afsnit A. Ledelsens forankring og opfølgning", new() { Exact = true }).SelectOptionAsync("3");
        await advisor.GetByLabel("Initiativ: Klageforløb i dagtilbud", new() { Exact = true }).SelectOptionAsync("4");
        await advisor.GetByLabel("Samlet vurdering", new() { Exact = true }).SelectOptionAsync("3");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Gem vurdering" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Vurderingen er gemt.");
        await advisor.GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Vælg tidspunkt og send invitation" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#moede")).ToContainTextAsync("5. april");

        var mail = await browser.App.Smtp.WaitForAsync("lene@buf.example", m => (m.Subject ?? "").Contains($"FOKUS {nextYear}: opfølgningsmøde"));
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "text/calendar");

        await advisor.GotoAsync($"/Evaluations/Report?year={nextYear}");
        await Assertions.Expect(advisor.Locator("#rapport")).ToContainTextAsync("BUF");
        var pdf = await advisor.APIRequest.GetAsync($"/Evaluations/Report?handler=Pdf&year={nextYear}");
        Assert.Contains("Sammenligning pr. afsnit", Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await pdf.BodyAsync()));
        var docx = await advisor.APIRequest.GetAsync($"/Evaluations/Report?handler=Docx&year={nextYear}");
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.BodyAsync()), false);
        Assert.Single(word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());
    }
}
