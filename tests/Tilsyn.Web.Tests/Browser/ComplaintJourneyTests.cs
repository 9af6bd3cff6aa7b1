using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ComplaintJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_complaint_goes_from_the_citizen_through_BUF_to_a_criticism_the_citizen_can_read()
    {
        // The citizen submits a complaint with an attachment.
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/klage");
        await citizen.GetByLabel("Navn *").FillAsync("Maria Nielsen");
        await citizen.GetByLabel("E-mail").FillAsync("maria@borger.example");
        await citizen.GetByLabel("Hvilken forvaltning drejer det sig om?").SelectOptionAsync(new SelectOptionValue { Label = "Børne- og Ungdomsforvaltningen" });
        await citizen.GetByLabel("Overskrift *").FillAsync("Plads opsagt uden partshøring");
        await citizen.GetByLabel("Hvad er der sket? *").FillAsync("Vores søns plads i vuggestuen blev opsagt, uden at vi fik lov at udtale os først.");
        var file = Path.Combine(Path.GetTempPath(), $"opsigelse-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, TestFiles.Pdf("Opsigelse"));
        await citizen.SetInputFilesAsync("#Files", file);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Send til Borgerrådgiveren" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "Tak – vi har modtaget din henvendelse" })).ToBeVisibleAsync();
        var number = (await citizen.Locator("#sagsnummer").TextContentAsync())!.Trim();
        var statusLink = (await citizen.Locator("#statuslink").GetAttributeAsync("href"))!;

        // The advisor classifies it and asks BUF for a statement.
        var advisor = await browser.NewPageAsync();
        await advisor.LogInAsync("sagsbehandler");
        await advisor.GotoAsync($"/Cases/{number}");
        await Assertions.Expect(advisor.Locator("#forvaltning")).ToContainTextAsync("BUF");
        await advisor.GetByText("Klassificér", new() { Exact = true }).ClickAsync();
        await advisor.GetByLabel("Partshøring (Forvaltningsloven § 19)").CheckAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Gem klassificering" }).ClickAsync();
        await advisor.GetByText("Sæt under behandling").ClickAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Under behandling" }).ClickAsync();
        await advisor.GetByText("Anmod om udtalelse").ClickAsync();
        await advisor.GetByLabel("Spørgsmål til forvaltningen").FillAsync("Blev forældrene partshørt før opsigelsen?");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Send anmodning" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#status")).ToHaveTextAsync("Udtalelse anmodet");

        // BUF's contact answers from the administration portal.
        var buf = await browser.NewPageAsync();
        await buf.LogInAsync("buf");
        await buf.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
        await buf.GetByLabel("Forvaltningens udtalelse").FillAsync("Forældrene blev desværre ikke partshørt. Vi har rettet vores procedure.");
        await buf.GetByRole(AriaRole.Button, new() { Name = "Send udtalelse" }).ClickAsync();
        await Assertions.Expect(buf.Locator("#status")).ToHaveTextAsync("Udtalelse modtaget");

        // The advisor concludes with criticism for the missing hearing.
        await advisor.ReloadAsync();
        await advisor.GetByText("Afslut med konklusion").ClickAsync();
        await advisor.GetByLabel("Udfald").SelectOptionAsync("Criticism");
        await advisor.Locator("input[name=breached][value=Hearing]").CheckAsync();
        await advisor.GetByLabel("Konklusion (til brevet)").FillAsync("Borgerrådgiveren kritiserer, at forældrene ikke blev partshørt, jf. forvaltningslovens § 19.");
        await advisor.GetByLabel("Kort anonymiseret resumé (læringsbibliotek)").FillAsync("Forældre blev ikke partshørt før opsigelse af vuggestueplads.");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Afslut sagen" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#udfald")).ToHaveTextAsync("Kritik");

        // The citizen's status page shows the conclusion letter as a PDF.
        await citizen.GotoAsync(statusLink);
        await Assertions.Expect(citizen.Locator("#udfald")).ToHaveTextAsync("Kritik");
        var letter = citizen.GetByRole(AriaRole.Link, new() { Name = "Borgerrådgiverens konklusion", Exact = false }).Last;
        var href = await letter.GetAttributeAsync("href");
        var pdf = await citizen.APIRequest.GetAsync(href!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

        // And the mails reached the SMTP server: receipt and conclusion to the citizen, the request to BUF.
        var smtp = browser.App.Smtp;
        await smtp.WaitForAsync("maria@borger.example", m => (m.Subject ?? "").Contains(number) && (m.Subject ?? "").StartsWith("Kvittering", StringComparison.Ordinal));
        await smtp.WaitForAsync("buf@tilsyn.example", m => (m.Subject ?? "").Contains(number));
        await smtp.WaitForAsync("maria@borger.example", m => (m.Subject ?? "").Contains(number) && !(m.Subject ?? "").StartsWith("Kvittering", StringComparison.Ordinal));
        File.Delete(file);
    }
}
