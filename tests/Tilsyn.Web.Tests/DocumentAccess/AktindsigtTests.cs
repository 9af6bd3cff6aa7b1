using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.DocumentAccess;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Tests.Letters;

namespace Tilsyn.Web.Tests.DocumentAccess;

/// <summary>
/// <i>Aktindsigt</i> (OFL) end to end: registration with the 7-working-day deadline (OFL § 36) on the
/// worklist and in reminders, choosing and redacting documents, the decision letter, and the released
/// PDF from which the redacted words are gone; advisor staff only.
/// </summary>
public sealed class AktindsigtTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string Secret = "Hemmeligsen";
    private const string Kept = "Synligvej";
    private static int next;

    private async Task<HttpClient> AdvisorAsync()
    {
        var c = app.NewClient();
        await c.LoginOkAsync("sagsbehandler");
        return c;
    }

    /// <summary>A complaint with a text document naming <see cref="Secret"/>, a PDF attachment and a Word file; and an aktindsigt case asking for it.</summary>
    private async Task<(string Source, string Request)> CasesAsync()
    {
        return await app.WithDbAsync(async db =>
        {
            var buf = await db.Administrations.SingleAsync(a => a.Code == "BUF");
            var now = app.Clock.GetUtcNow();
            var source = CaseBuilder.ACase().Numbered(DanishTime.LocalDate(now).Year, 700_000 + Interlocked.Increment(ref next)).For(buf.Id).About("Klage over sagsbehandling", $"Borgeren {Secret} bor på {Kept} 4 og klager. {Secret} ønsker svar.").ReceivedAt(now).Build();
            source.AddDocument(DocumentKind.Incoming, $"Klage fra {Secret}", now, Actor.Citizen, source.Description, null, null, null);
            source.AddDocument(DocumentKind.Attachment, "Bilag som PDF", now, Actor.Citizen, null, "bilag.pdf", "application/pdf",
                Tilsyn.Web.Letters.LetterPdf.Render(new(["Afsender"], "Modtager", [], new DateOnly(2026, 1, 5), "2026-0000001", "Bilagsbrev", "Bilagets tekst")));
            source.AddDocument(DocumentKind.Attachment, "Word-fil", now, Actor.Citizen, null, "notat.docx", "application/octet-stream", [0x50, 0x4B, 3, 4, 1, 2]);
            db.Cases.Add(source);
            await db.SaveChangesAsync();
            var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
            var request = new ComplaintCase(DanishTime.LocalDate(now).Year, 800_000 + Interlocked.Increment(ref next), CaseType.DocumentAccessRequest, Channel.Email,
                new Citizen("Journalist Jensen", "journalist@example.dk", null, null, null, null), "Aktindsigt i klagesag", $"Jeg beder om aktindsigt i sag {source.Number}.",
                now, new DeadlinePolicy().FirstAnswerDue(calendar, DanishTime.LocalDate(now), CaseType.DocumentAccessRequest), Actor.Citizen);
            db.Cases.Add(request);
            await db.SaveChangesAsync();
            return (source.Number, request.Number);
        });
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string request, string handler, Dictionary<string, string> fields)
    {
        var page = $"/Cases/{request}/aktindsigt";
        // The version the page's forms carry, as a browser would post it (a decided request has no forms).
        var m = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"version\" value=\"(\\d+)\"");
        if (m.Success) fields.TryAdd("version", m.Groups[1].Value);
        return await client.PostFormAsync(page, $"{page}?handler={handler}", fields);
    }

    private static async Task PostOkAsync(HttpClient client, string request, string handler, Dictionary<string, string> fields)
    {
        var response = await PostAsync(client, request, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{handler}: {response.StatusCode} {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "id=\"fejl\">([^<]*)").Groups[1].Value}");
    }

    [Fact]
    public async Task An_aktindsigt_registered_by_a_caseworker_is_due_in_7_working_days_on_the_worklist_and_in_reminders()
    {
        var advisor = await AdvisorAsync();
        var response = await advisor.PostFilesAsync("/Cases/New", "/Cases/New",
        [
            new("Form.Channel", "Email"), new("Form.Type", "DocumentAccessRequest"), new("Form.Name", "Presse Person"),
            new("Form.Email", "presse@example.dk"), new("Form.Subject", "Aktindsigt i klagesager"), new("Form.Description", "Jeg beder om aktindsigt."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = response.Headers.Location!.OriginalString.Split('/')[^1];
        var c = await app.WithDbAsync(db => db.Cases.SingleAsync(x => x.Number == number));
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var received = DanishTime.LocalDate(c.ReceivedAt);
        Assert.Equal(CaseType.DocumentAccessRequest, c.Type);
        Assert.Equal(calendar.AddWorkingDays(received, 7), c.FirstAnswerDue);

        var home = await advisor.GetStringAsync("/");
        var row = home[home.LastIndexOf("<tr", home.IndexOf(number, StringComparison.Ordinal), StringComparison.Ordinal)..home.IndexOf(number, StringComparison.Ordinal)];
        Assert.Contains("7 arbejdsdage, offentlighedslovens § 36", row);
        Assert.Contains(c.FirstAnswerDue.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), row);
        Assert.Contains("7 arbejdsdage, offentlighedslovens § 36", await advisor.GetStringAsync($"/Cases/{number}"));

        // The day before the deadline the caseworkers are reminded, with the legal basis named.
        var dayBefore = DanishTime.StartOf(c.FirstAnswerDue.AddDays(-1)).AddHours(9);
        app.Clock.Advance(dayBefore - app.Clock.GetUtcNow());
        await app.Services.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None);
        var mails = await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.CaseNumber == number && (m.Subject ?? "").StartsWith("Påmindelse")).ToListAsync());
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.Contains("offentlighedslovens § 36", m.Subject));
    }

    [Fact]
    public async Task A_partly_granted_aktindsigt_releases_one_pdf_without_the_redacted_words_and_sends_the_decision_letter()
    {
        var (source, request) = await CasesAsync();
        var advisor = await AdvisorAsync();
        await PostOkAsync(advisor, request, "AddCase", new() { ["caseNumber"] = source });
        await PostOkAsync(advisor, request, "Choose", new() { ["caseNumber"] = source, ["sequence"] = "1" });
        await PostOkAsync(advisor, request, "Choose", new() { ["caseNumber"] = source, ["sequence"] = "2" });
        await PostOkAsync(advisor, request, "Withhold", new() { ["caseNumber"] = source, ["sequence"] = "3", ["ground"] = "PrivateMatters" });
        await PostOkAsync(advisor, request, "Redact", new() { ["document"] = $"{source}/1", ["ground"] = "PrivateMatters", ["passages"] = Secret });

        // A Word file cannot go into the PDF: choosing it is refused with the page (422).
        var refused = await PostAsync(advisor, request, "Clear", new() { ["caseNumber"] = source, ["sequence"] = "3" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        // Full access is refused while something is redacted.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(advisor, request, "Decide", new() { ["decision"] = "Granted" })).StatusCode);

        var page = await advisor.GetStringAsync($"/Cases/{request}/aktindsigt");
        Assert.Contains($"Borgeren {Redactions.Marker} bor på {Kept}", page);

        await PostOkAsync(advisor, request, "Decide", new() { ["decision"] = "PartlyGranted" });

        var (pdf, letter, firstAnswered) = await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Documents).SingleAsync(x => x.Number == request);
            return (c.Documents.Single(d => d.Title == "Udleverede dokumenter (aktindsigt)").Content!,
                c.Documents.Single(d => d.Title.StartsWith("Delvis aktindsigt", StringComparison.Ordinal)), c.FirstAnsweredAt);
        });
        var text = LetterPdfTests.PdfToText(pdf);
        Assert.Contains(Kept, text);
        Assert.Contains(Redactions.Marker, text);
        Assert.Contains("Bilagets tekst", text); // the PDF attachment's own page, copied in whole
        Assert.Contains("undtaget efter offentlighedslovens § 30, nr. 1", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(Secret, text.Replace("\n", "").Replace(" ", ""));
        AssertAbsentFromBytes(pdf, Secret);

        Assert.Contains("offentlighedslovens § 30, nr. 1", letter.Text);
        Assert.Contains("Ankestyrelsen", letter.Text);
        Assert.NotNull(firstAnswered);
        var mails = await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.CaseNumber == request && m.To == "journalist@example.dk").ToListAsync());
        Assert.Contains(mails, m => m.Subject!.StartsWith("Udleverede dokumenter", StringComparison.Ordinal) && m.Attachment!.SequenceEqual(pdf));
        Assert.Contains(mails, m => m.Subject!.StartsWith("Delvis aktindsigt", StringComparison.Ordinal));
        var logged = await app.WithDbAsync(db => db.AccessLog.Where(e => e.Action == AccessAction.Release && e.CaseNumber == source).ToListAsync());
        Assert.Single(logged);

        // Decided: frozen, and the PDF link now serves the journalised document.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(advisor, request, "Choose", new() { ["caseNumber"] = source, ["sequence"] = "3" })).StatusCode);
        var link = await advisor.GetAsync($"/Cases/{request}/aktindsigt?handler=Pdf");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Contains("/dokument/", link.Headers.Location!.OriginalString);
    }

    /// <summary>The word is in none of the file's bytes, nor in any stream once PDFsharp has decompressed it (as Latin-1 or UTF-16).</summary>
    private static void AssertAbsentFromBytes(byte[] pdf, string word)
    {
        Assert.DoesNotContain(word, Encoding.Latin1.GetString(pdf));
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var streams = 0;
        foreach (var o in doc.Internals.GetAllObjects())
        {
            if (o is not PdfDictionary { Stream: { } stream }) continue;
            streams++;
            var bytes = stream.UnfilteredValue;
            Assert.DoesNotContain(word, Encoding.Latin1.GetString(bytes));
            Assert.DoesNotContain(word, Encoding.BigEndianUnicode.GetString(bytes));
        }
        Assert.True(streams > 0);
    }

    [Fact]
    public async Task Passages_typed_that_are_not_in_the_document_are_refused_without_repeating_them()
    {
        var (source, request) = await CasesAsync();
        var advisor = await AdvisorAsync();
        await PostOkAsync(advisor, request, "AddCase", new() { ["caseNumber"] = source });
        await PostOkAsync(advisor, request, "Choose", new() { ["caseNumber"] = source, ["sequence"] = "1" });
        var response = await PostAsync(advisor, request, "Redact", new() { ["document"] = $"{source}/1", ["ground"] = "PrivateMatters", ["passages"] = "Ukendt Navnesen" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tekst nr. 1 findes ikke ordret", html);
        Assert.DoesNotContain("Ukendt Navnesen", html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(advisor, request, "AddCase", new() { ["caseNumber"] = "2026-9999999" })).StatusCode);
    }

    [Fact]
    public async Task A_refusal_releases_nothing_and_the_letter_names_the_rule()
    {
        var (source, request) = await CasesAsync();
        var advisor = await AdvisorAsync();
        await PostOkAsync(advisor, request, "AddCase", new() { ["caseNumber"] = source });
        await PostOkAsync(advisor, request, "Decide", new() { ["decision"] = "Refused", ["grounds"] = "Employment" });
        var docs = await app.WithDbAsync(db => db.Cases.Where(c => c.Number == request).SelectMany(c => c.Documents).ToListAsync());
        Assert.DoesNotContain(docs, d => d.Title == "Udleverede dokumenter (aktindsigt)");
        var letter = Assert.Single(docs, d => d.Title.StartsWith("Afslag på aktindsigt", StringComparison.Ordinal));
        Assert.Contains("offentlighedslovens § 21", letter.Text);
        Assert.Contains("Klagevejledning", letter.Text);
    }

    [Fact]
    public async Task Only_advisor_staff_reach_aktindsigt_and_only_on_an_aktindsigt_case()
    {
        var (source, request) = await CasesAsync();
        var advisor = await AdvisorAsync();
        await PostOkAsync(advisor, request, "AddCase", new() { ["caseNumber"] = source });
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/Cases/{request}/aktindsigt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/Cases/{source}/aktindsigt")).StatusCode);
        foreach (var path in new[] { $"/Cases/{request}/aktindsigt", $"/Cases/{request}/aktindsigt?handler=Pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync(path)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await leadership.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().GetAsync(path)).StatusCode);
        }
        var token = await contact.AntiforgeryTokenAsync("/");
        var post = await contact.PostAsync($"/Cases/{request}/aktindsigt?handler=Decide",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["decision"] = "Refused", ["grounds"] = "Employment" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Set<DocumentAccessRequest>().Where(r => r.RequestCaseNumber == request).Select(r => r.Decision).SingleAsync()));
    }
}
