using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;

namespace Tilsyn.Web.Tests.Evaluations;

public sealed class EvaluationPageTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<(int Buf, int Sof)> RoundAsync(int year)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenRoundAsync(year, new DateOnly(year, 3, 1), "Test", CancellationToken.None);
        return (await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync()),
                await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "SOF").Select(a => a.Id).SingleAsync()));
    }

    [Fact]
    public async Task BUF_saves_a_draft_submits_with_three_slots_and_only_a_logged_reopening_unlocks_it()
    {
        var (buf, _) = await RoundAsync(2033);
        var page = $"/Evaluations/Answer?year=2033&administration={buf}";
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");

        var save = await contact.PostFormAsync(page, $"/Evaluations/Answer?handler=Save&year=2033&administration={buf}", new()
        {
            ["scope"] = "Afgrænset til klagebehandling efter aftale", ["answers[A1]"] = "Direktionen følger op hvert kvartal.", ["answers[A2]"] = "ja",
            ["init-B1-0-name"] = "Klageforløb i dagtilbud", ["init-B1-0-purpose"] = "Hurtigere svar", ["init-B1-0-target"] = "Ledere", ["init-B1-0-start"] = "2032-09-01", ["init-B1-0-effect"] = "Måling hvert halve år",
        });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        // Documents are attached to the draft; a disguised one is refused by name.
        var attached = await Tilsyn.Web.Tests.Complaints.ComplaintForms.PostMultipartAsync(contact, page, $"/Evaluations/Answer?handler=Attach&year=2033&administration={buf}",
            new() { ["year"] = "2033", ["administration"] = buf.ToString() }, ("handleplan.pdf", TestFiles.Pdf("Handleplan")));
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var disguised = await Tilsyn.Web.Tests.Complaints.ComplaintForms.PostMultipartAsync(contact, page, $"/Evaluations/Answer?handler=Attach&year=2033&administration={buf}",
            new() { ["year"] = "2033", ["administration"] = buf.ToString() }, ("notat.pdf", TestFiles.Executable()));
        Assert.Contains("notat.pdf", WebUtility.HtmlDecode(await disguised.Content.ReadAsStringAsync()));
        var withAttachment = await contact.GetStringAsync(page);
        Assert.Contains("handleplan.pdf", withAttachment);
        Assert.DoesNotContain(">notat.pdf<", withAttachment);

        var submit = await contact.PostFormAsync(page, $"/Evaluations/Answer?handler=Submit&year=2033&administration={buf}", new Dictionary<string, string>
        {
            ["coverLetter"] = "Hermed BUF's besvarelse.", ["participants"] = "Direktør\nKvalitetschef",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode); // no meeting slots
        var badParticipant = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", await contact.AntiforgeryTokenAsync(page)), new("coverLetter", "x"), new("participants", "Direktør uden adresse"),
            new("slots", "2033-04-03T10:00"), new("slots", "2033-04-05T13:00"), new("slots", "2033-04-07T09:00"),
        };
        var bad = await contact.PostAsync($"/Evaluations/Answer?handler=Submit&year=2033&administration={buf}", new FormUrlEncodedContent(badParticipant));
        Assert.Contains("Deltager på linje 1 skal skrives som Navn <e-mail>", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", await contact.AntiforgeryTokenAsync(page)),
            new("coverLetter", "Hermed BUF's besvarelse."), new("participants", "Anna Direktør <direktor@buf.example>\nKim Kvalitet <kvalitet@buf.example>"),
            new("slots", "2033-04-03T10:00"), new("slots", "2033-04-05T13:00"), new("slots", "2033-04-07T09:00"),
        };
        var submitted = await contact.PostAsync($"/Evaluations/Answer?handler=Submit&year=2033&administration={buf}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(AnswerStatus.Submitted, await app.WithDbAsync(db => db.Set<EvaluationAnswerRecord>().Where(a => a.AdministrationId == buf && a.Status == AnswerStatus.Submitted).Select(a => a.Status).SingleAsync()));

        // The advisor picks the second slot; both participants get an .ics invitation through SMTP.
        var chooser = app.NewClient();
        await chooser.LoginOkAsync("sagsbehandler");
        var choose = await chooser.PostFormAsync(page, $"/Evaluations/Answer?handler=ChooseSlot&year=2033&administration={buf}", new() { ["slot"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        foreach (var to in new[] { "direktor@buf.example", "kvalitet@buf.example" })
        {
            var mail = await app.Smtp.WaitForAsync(to, m => (m.Subject ?? "").Contains("FOKUS 2033"));
            var ics = mail.Attachments.OfType<MimeKit.MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
            using var content = new MemoryStream();
            await ics.Content!.DecodeToAsync(content);
            var text = System.Text.Encoding.UTF8.GetString(content.ToArray()).Replace("\r\n ", ""); // unfold long iCalendar lines
            Assert.Contains("METHOD:REQUEST", text);
            Assert.Contains("DTSTART:20330405T110000Z", text); // 5 April 2033 13:00 in Copenhagen (summer time, UTC+2)
            Assert.Contains("mailto:direktor@buf.example", text);
        }

        // The advisor assesses the initiative, the sections and the whole; the city-wide report shows it.
        var assess = await chooser.PostFormAsync(page, $"/Evaluations/Answer?handler=Assess&year=2033&administration={buf}", new()
        {
            ["score-init-B1-0"] = "4", ["comment-init-B1-0"] = "Effekten måles", ["score-section-A"] = "3", ["comment-section-A"] = "",
            ["score-section-B"] = "4", ["comment-section-B"] = "", ["score-overall"] = "3", ["comment-overall"] = "Tydelig fremgang",
        });
        Assert.Equal(HttpStatusCode.Redirect, assess.StatusCode);
        var report = System.Text.RegularExpressions.Regex.Replace(await contact.GetStringAsync("/Evaluations/Report?year=2033"), @"\s+", " ");
        Assert.Contains("<td>BUF</td> <td>3 <span class=\"muted\">–</span></td> <td>4 <span class=\"muted\">–</span></td>", report);
        // The report downloads as PDF and DOCX and both parse: the PDF's text has the table; the DOCX has heading styles and a real table.
        var pdf = await contact.GetByteArrayAsync("/Evaluations/Report?handler=Pdf&year=2033");
        var pdfText = Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(pdf);
        Assert.Contains("FOKUS 2033", pdfText);
        Assert.Contains("Sammenligning pr. afsnit", pdfText);
        Assert.Contains("BUF", pdfText);
        var docx = await contact.GetByteArrayAsync("/Evaluations/Report?handler=Docx&year=2033");
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>(), s => s.Val == "Heading1");
            var table = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());
            Assert.Contains(table.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), r => r.InnerText.StartsWith("BUF3", StringComparison.Ordinal));
        }

        var invalid = await chooser.PostFormAsync(page, $"/Evaluations/Answer?handler=Assess&year=2033&administration={buf}", new() { ["score-overall"] = "9", ["comment-overall"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);

        // Locked: a change is refused and nothing changes.
        var change = await contact.PostFormAsync(page, $"/Evaluations/Answer?handler=Save&year=2033&administration={buf}", new() { ["answers[A1]"] = "Ændret efter indsendelse" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, change.StatusCode);
        Assert.Contains("låst", WebUtility.HtmlDecode(await change.Content.ReadAsStringAsync()));
        // The contact cannot reopen; the advisor can, with a reason that is logged.
        var contactReopen = await contact.PostFormAsync(page, $"/Evaluations/Answer?handler=Reopen&year=2033&administration={buf}", new() { ["reason"] = "x" });
        Assert.Contains("/Account/AccessDenied", contactReopen.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Set<EvaluationAnswerRecord>().AnyAsync(a => a.AdministrationId == buf && a.RoundId == db.Set<EvaluationRound>().Single(r => r.Year == 2033).Id && a.Status == AnswerStatus.Draft)));
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var reopen = await advisor.PostFormAsync(page, $"/Evaluations/Answer?handler=Reopen&year=2033&administration={buf}", new() { ["reason"] = "Afsnit B mangler opfølgning" });
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        var html = WebUtility.HtmlDecode(await advisor.GetStringAsync(page));
        Assert.Contains("genåbnet: Afsnit B mangler opfølgning", html);
        Assert.Contains("Direktionen følger op hvert kvartal.", html);
        Assert.Contains("Klageforløb i dagtilbud", html);
    }

    [Fact]
    public async Task Another_administrations_contact_can_neither_see_nor_change_the_answer()
    {
        var (buf, _) = await RoundAsync(2035);
        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Evaluations/Answer?year=2035&administration={buf}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Evaluations/Answer?handler=Attachment&year=2035&administration={buf}&attachmentId=1")).StatusCode);
        var token = await sof.AntiforgeryTokenAsync("/Evaluations");
        var post = await sof.PostAsync($"/Evaluations/Answer?handler=Save&year=2035&administration={buf}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["answers[A1]"] = "Indbrud",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var index = await sof.GetStringAsync("/Evaluations");
        Assert.DoesNotContain($"/Evaluations/Answer?year=2035&amp;administration={buf}", index);
        Assert.DoesNotContain($"/Evaluations/Answer?year=2035&administration={buf}", index);
        var stored = await app.WithDbAsync(db => db.Set<EvaluationAnswerRecord>().Where(a => a.AdministrationId == buf).ToListAsync());
        Assert.DoesNotContain(stored, a => System.Text.Json.JsonSerializer.Serialize(a.Snapshot).Contains("Indbrud"));
    }

    [Fact]
    public async Task A_draft_saved_from_a_page_loaded_before_a_colleagues_save_is_refused_and_the_colleagues_draft_stands()
    {
        var (buf, _) = await RoundAsync(2041);
        var page = $"/Evaluations/Answer?year=2041&administration={buf}";
        var save = $"/Evaluations/Answer?handler=Save&year=2041&administration={buf}";
        var a = app.NewClient();
        var b = app.NewClient();
        await a.LoginOkAsync("buf");
        await b.LoginOkAsync("buf");
        var shownToA = await a.ShownVersionAsync(page);
        var shownToB = await b.ShownVersionAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(page, save, new() { ["answers[A1]"] = "Direktionen følger op hvert kvartal.", ["version"] = shownToB })).StatusCode);
        var stale = await a.PostFormAsync(page, save, new() { ["answers[A1]"] = "Ingen opfølgning.", ["version"] = shownToA });

        await VersionField.AssertStaleAsync(stale, "Besvarelsen");
        string Stored(EvaluationAnswerRecord r) => System.Text.Json.JsonSerializer.Serialize(r.Snapshot, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var stored = Stored(await app.WithDbAsync(db => db.Set<EvaluationAnswerRecord>().SingleAsync(r => r.AdministrationId == buf && db.Set<EvaluationRound>().Any(x => x.Id == r.RoundId && x.Year == 2041))));
        Assert.Contains("Direktionen følger op hvert kvartal.", stored);
        Assert.DoesNotContain("Ingen opfølgning.", stored);

        // Having reloaded, A saves (no false conflict).
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync(page, save, new() { ["answers[A1]"] = "Ingen opfølgning.", ["version"] = await a.ShownVersionAsync(page) })).StatusCode);
        Assert.Contains("Ingen opfølgning.", Stored(await app.WithDbAsync(db => db.Set<EvaluationAnswerRecord>().SingleAsync(r => r.AdministrationId == buf && db.Set<EvaluationRound>().Any(x => x.Id == r.RoundId && x.Year == 2041)))));
    }

    [Fact]
    public async Task An_assessment_from_a_page_loaded_before_a_colleagues_assessment_is_refused()
    {
        var (buf, _) = await RoundAsync(2042);
        var page = $"/Evaluations/Answer?year=2042&administration={buf}";
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var submitted = await contact.PostAsync($"/Evaluations/Answer?handler=Submit&year=2042&administration={buf}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await contact.AntiforgeryTokenAsync(page)), new("coverLetter", "Hermed BUF's besvarelse."),
            new("participants", "Anna Direktør <direktor@buf.example>"),
            new("slots", "2042-04-03T10:00"), new("slots", "2042-04-05T13:00"), new("slots", "2042-04-07T09:00"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var a = app.NewClient();
        var b = app.NewClient();
        await a.LoginOkAsync("sagsbehandler");
        await b.LoginOkAsync("sagsbehandler");
        var shownToA = await a.ShownVersionAsync(page);
        var shownToB = await b.ShownVersionAsync(page);
        var assess = $"/Evaluations/Answer?handler=Assess&year=2042&administration={buf}";

        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(page, assess, new() { ["score-overall"] = "3", ["comment-overall"] = "Tydelig fremgang", ["version"] = shownToB })).StatusCode);
        var stale = await a.PostFormAsync(page, assess, new() { ["score-overall"] = "1", ["comment-overall"] = "Ingen fremgang", ["version"] = shownToA });

        await VersionField.AssertStaleAsync(stale, "Besvarelsen");
        var stored = await app.WithDbAsync(db => db.Set<EvaluationAnswerRecord>().SingleAsync(r => r.AdministrationId == buf && db.Set<EvaluationRound>().Any(x => x.Id == r.RoundId && x.Year == 2042)));
        Assert.Equal(3, stored.Assessment!.Overall!.Value);
    }
}
