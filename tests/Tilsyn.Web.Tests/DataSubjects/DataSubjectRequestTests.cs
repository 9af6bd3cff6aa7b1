using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Tests.Letters;

namespace Tilsyn.Web.Tests.DataSubjects;

/// <summary>"Registreret person" and data subjects' requests (GDPR art. 15–17) through the real pages.</summary>
public sealed class DataSubjectRequestTests(DataSubjectApp app) : IClassFixture<DataSubjectApp>
{
    private async Task<HttpClient> AdvisorAsync()
    {
        var client = app.NewClient();
        await client.LoginOkAsync("sagsbehandler");
        return client;
    }

    private static Task<HttpResponseMessage> SearchAsync(HttpClient client, string kind, string value, string handler = "Search") =>
        client.PostFormAsync("/RegistreretPerson", $"/RegistreretPerson?handler={handler}", new() { ["Kind"] = kind, ["Value"] = value });

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, ComplaintCase request, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/RegistreretPerson/Anmodning/{request.Number}", $"/RegistreretPerson/Anmodning/{request.Number}?handler={handler}", fields);

    [Fact]
    public async Task The_search_finds_a_person_across_cases_by_cpr_name_email_and_phone_and_is_logged_without_the_cpr_number()
    {
        var first = await app.RegisterAsync(CaseType.Complaint, "Birgitte Sørensen", "birgitte@example.org", "+45 22 33 44 55", "1203851234");
        var second = await app.RegisterAsync(CaseType.Inquiry, "Birgitte Sørensen", null, null, "120385-1234");
        var other = await app.RegisterAsync(CaseType.Complaint, "Kurt Olsen", description: "Min nabo Birgitte Sørensen kan bekræfte det.");
        var client = await AdvisorAsync();

        var byCpr = await (await SearchAsync(client, "Cpr", "120385-1234")).Content.ReadAsStringAsync();
        Assert.Contains(first.Number, byCpr);
        Assert.Contains(second.Number, byCpr);
        Assert.DoesNotContain("120385-1234", byCpr);
        var byName = await (await SearchAsync(client, "Name", "birgitte sørensen")).Content.ReadAsStringAsync();
        Assert.Contains(first.Number, byName);
        Assert.Contains(CaseNumber.FormatDocument(other.Number, 1), byName); // named in the neighbour's complaint
        var byEmail = await (await SearchAsync(client, "Email", "Birgitte@Example.org")).Content.ReadAsStringAsync();
        Assert.Contains(first.Number, byEmail);
        Assert.DoesNotContain(second.Number, byEmail);
        Assert.Contains("Kvittering", byEmail); // the receipt mailed to her
        var byPhone = await (await SearchAsync(client, "Phone", "22334455")).Content.ReadAsStringAsync();
        Assert.Contains(first.Number, byPhone);

        var log = await app.WithDbAsync(db => db.AccessLog.Where(l => l.Detail.StartsWith("Registreret person")).Select(l => l.Detail).ToListAsync());
        Assert.Contains(log, d => d.Contains("120385-xxxx"));
        Assert.DoesNotContain(log, d => d.Contains("1234"));
        // The CPR number is neither stored nor searchable in clear: only its keyed hash.
        var lookup = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == first.Id).Select(c => c.Citizen!.CprLookup).SingleAsync());
        Assert.Equal(64, lookup!.Length);
        Assert.DoesNotContain("1203851234", lookup);
    }

    [Fact]
    public async Task A_refused_key_is_shown_as_an_error_and_nothing_is_searched()
    {
        var client = await AdvisorAsync();
        var response = await SearchAsync(client, "Cpr", "999999-9999");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task The_access_export_is_a_zip_with_a_danish_pdf_summary_the_documents_and_a_json_of_the_data()
    {
        var c = await app.RegisterAsync(CaseType.Complaint, "Henrik Ærø", "henrik@example.org", null, "0507701111", description: "Klage over min sag om hjemmehjælp.");
        var client = await AdvisorAsync();
        var response = await SearchAsync(client, "Cpr", "050770-1111", handler: "Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("oversigt.pdf", names);
        Assert.Contains("data.json", names);
        Assert.Contains(names, n => n.StartsWith($"dokumenter/{CaseNumber.FormatDocument(c.Number, 1)}", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith($"dokumenter/{CaseNumber.FormatDocument(c.Number, 2)}", StringComparison.Ordinal) && n.EndsWith(".pdf", StringComparison.Ordinal)); // the receipt letter
        var pdf = Read(zip, "oversigt.pdf");
        var text = LetterPdfTests.PdfToText(pdf);
        Assert.Contains("Oversigt over dine personoplysninger", text);
        Assert.Contains(c.Number, text);
        Assert.Contains("Henrik Ærø", text);
        var json = System.Text.Encoding.UTF8.GetString(Read(zip, "data.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(c.Number, doc.RootElement.GetProperty("cases")[0].GetProperty("number").GetString());
        Assert.Equal("Henrik Ærø", doc.RootElement.GetProperty("cases")[0].GetProperty("citizen").GetProperty("name").GetString());
        Assert.Contains("hjemmehjælp", json);
        Assert.DoesNotContain("0507701111", json);
        Assert.DoesNotContain("050770-1111", json);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(l => l.Detail.StartsWith("Indsigtsudtræk"))));

        // The page's own export form carries the searched key encrypted, never the CPR number in clear.
        var page = await (await SearchAsync(client, "Cpr", "050770-1111")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("050770-1111", page);
        Assert.DoesNotContain("0507701111", page);
        var sealedKey = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"Sealed\" value=\"([^\"]+)\"").Groups[1].Value);
        var viaPage = await client.PostFormAsync("/RegistreretPerson", "/RegistreretPerson?handler=Export", new() { ["Kind"] = "Cpr", ["Sealed"] = sealedKey, ["RequestNumber"] = c.Number });
        Assert.Equal(HttpStatusCode.OK, viaPage.StatusCode);
        using var zip2 = new ZipArchive(await viaPage.Content.ReadAsStreamAsync());
        Assert.Contains(zip2.Entries, e => e.FullName.StartsWith($"dokumenter/{CaseNumber.FormatDocument(c.Number, 1)}", StringComparison.Ordinal));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var s = zip.GetEntry(name)!.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public async Task A_request_is_due_in_a_month_on_the_worklist_and_in_reminders_and_its_extension_moves_the_deadline_once()
    {
        var request = await app.RegisterAsync(CaseType.DataAccessRequest, "Ida Lund", "ida@example.org");
        var received = DanishTime.LocalDate(request.ReceivedAt);
        Assert.Equal(received.AddMonths(1), request.FirstAnswerDue);
        var client = await AdvisorAsync();
        Assert.Contains(received.AddMonths(1).ToString("dd-MM-yyyy"), RowOf(await client.GetStringAsync("/"), request.Number));

        var version = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == request.Id).Select(c => c.Version).SingleAsync());
        var extended = await ActAsync(client, request, "Extend", new() { ["months"] = "2", ["reason"] = "Mange sager skal gennemgås.", ["version"] = $"{version}" });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        var due = received.AddMonths(3);
        Assert.Contains(due.ToString("dd-MM-yyyy"), RowOf(await client.GetStringAsync("/"), request.Number));
        var again = await ActAsync(client, request, "Extend", new() { ["months"] = "1", ["reason"] = "Igen.", ["version"] = $"{version + 1}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        // The day before the extended deadline the reminder goes out as for any first answer.
        app.Clock.Advance(DanishTime.StartOf(due.AddDays(-1)).AddHours(9) - app.Clock.GetUtcNow());
        await app.Services.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None);
        Assert.True(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.CaseNumber == request.Number && m.Subject.StartsWith("Påmindelse"))));
    }

    private static string RowOf(string html, string number)
    {
        var at = html.IndexOf(number, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{number} is not on the page");
        return html[html.LastIndexOf("<tr", at, StringComparison.Ordinal)..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_granted_erasure_erases_the_persons_chosen_cases_and_records_the_outcome_on_the_request()
    {
        var complaint = await app.RegisterAsync(CaseType.Complaint, "Jens Holm", null, null, "0811601234");
        var held = await app.RegisterAsync(CaseType.Inquiry, "Jens Holm", null, null, "0811601234");
        var request = await app.RegisterAsync(CaseType.ErasureRequest, "Jens Holm", null, null, "081160-1234");
        app.Erasure.OnHold.Add(held.Id);
        var client = await AdvisorAsync();
        var page = await client.GetStringAsync($"/RegistreretPerson/Anmodning/{request.Number}");
        Assert.Contains(complaint.Number, page);

        var version = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == request.Id).Select(c => c.Version).SingleAsync());
        var form = new FormUrlEncodedContent([
            new("caseIds", $"{complaint.Id}"), new("caseIds", $"{held.Id}"), new("version", $"{version}"),
            new("__RequestVerificationToken", await client.AntiforgeryTokenAsync($"/RegistreretPerson/Anmodning/{request.Number}"))]);
        var response = await client.PostAsync($"/RegistreretPerson/Anmodning/{request.Number}?handler=Erase", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var call = Assert.Single(app.Erasure.Calls, c => c.Ids.Contains(complaint.Id));
        Assert.DoesNotContain(request.Id, call.Ids);
        Assert.Contains(request.Number, call.Reason);
        var stored = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == request.Id));
        Assert.Equal(CaseStatus.Concluded, stored.Status);
        Assert.True(stored.RequestGranted);
        Assert.Contains(complaint.Number, stored.ConclusionText);
        Assert.Contains($"slettestop: {held.Number}", stored.ConclusionText);
    }

    [Fact]
    public async Task An_erasure_of_a_case_that_is_not_the_persons_is_refused()
    {
        var stranger = await app.RegisterAsync(CaseType.Complaint, "Else Vang");
        var request = await app.RegisterAsync(CaseType.ErasureRequest, "Mads Winther", "mads@example.org");
        var client = await AdvisorAsync();
        var response = await ActAsync(client, request, "Erase", new() { ["caseIds"] = $"{stranger.Id}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain(app.Erasure.Calls, c => c.Ids.Contains(stranger.Id));
    }

    [Fact]
    public async Task A_refused_erasure_sends_a_reasoned_letter_citing_article_17_3_b_and_the_duty_to_journalise_and_concludes_the_request()
    {
        var request = await app.RegisterAsync(CaseType.ErasureRequest, "Lone Krag", "lone@example.org");
        var client = await AdvisorAsync();
        var response = await ActAsync(client, request, "Refuse", new() { ["reason"] = "Sagen er under behandling og skal dokumenteres." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Documents).SingleAsync(c => c.Id == request.Id));
        Assert.Equal(CaseStatus.Concluded, stored.Status);
        Assert.False(stored.RequestGranted);
        Assert.NotNull(stored.FirstAnsweredAt);
        var letter = stored.Documents.Last(d => d.Kind == DocumentKind.Outgoing);
        Assert.Contains("artikel 17, stk. 3, litra b", letter.Text);
        Assert.Contains("offentlighedslovens § 13", letter.Text);
        Assert.Contains("offentlighedslovens § 15", letter.Text);
        Assert.Contains("Sagen er under behandling og skal dokumenteres.", letter.Text);
        Assert.Contains("Lone Krag", LetterPdfTests.PdfToText(letter.Content!));
        Assert.True(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.CaseNumber == request.Number && m.To == "lone@example.org" && m.Subject.StartsWith("Svar på din anmodning om sletning"))));
        Assert.DoesNotContain(app.Erasure.Calls, c => c.Reason.Contains(request.Number));
    }

    [Fact]
    public async Task Rectification_corrects_the_contact_data_leaves_the_documents_and_keeps_the_old_values_only_on_the_request()
    {
        var target = await app.RegisterAsync(CaseType.Complaint, "Maja Friis", "maja@example.org", "11223344", "1506921234", description: "Min klage fra Maja Friis.");
        var request = await app.RegisterAsync(CaseType.RectificationRequest, "Maja Friis", "maja@example.org", null, "150692-1234");
        var client = await AdvisorAsync();
        var response = await ActAsync(client, request, "Rectify", new()
        {
            ["caseNumber"] = target.Number, ["name"] = "Maja Friis Holm", ["email"] = "maja@example.org", ["phone"] = "55667788", ["address"] = "Testvej 1\n2300 København S",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (t, r) = await app.WithDbAsync(async db => (
            await db.Cases.Include(c => c.Documents).Include(c => c.Events).SingleAsync(c => c.Id == target.Id),
            await db.Cases.Include(c => c.Documents).SingleAsync(c => c.Id == request.Id)));
        Assert.Equal("Maja Friis Holm", t.Citizen!.Name);
        Assert.Equal("55667788", t.Citizen.Phone);
        Assert.Equal("Min klage fra Maja Friis.", t.Documents.Single(d => d.Sequence == 1).Text); // journalised: unchanged
        var note = t.Documents.Last(d => d.Kind == DocumentKind.Note);
        Assert.Contains("navn, telefon", note.Text);
        Assert.DoesNotContain("11223344", note.Text);
        Assert.DoesNotContain(t.Events, e => e.Text.Contains("11223344"));
        var record = r.Documents.Last(d => d.Kind == DocumentKind.Note);
        Assert.Contains("\"11223344\" → \"55667788\"", record.Text);
        Assert.Contains(target.Number, record.Text);
    }

    [Theory]
    [InlineData("buf")]
    [InlineData("ledelse")]
    public async Task Administration_contacts_and_leadership_get_404(string user)
    {
        var request = await app.RegisterAsync(CaseType.DataAccessRequest, "Ole Bang", "ole@example.org");
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/RegistreretPerson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/RegistreretPerson/Anmodning/{request.Number}")).StatusCode);
        var token = await client.AntiforgeryTokenAsync("/");
        var search = await client.PostAsync("/RegistreretPerson?handler=Search", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "Name", ["Value"] = "Ole Bang", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
        var export = await client.PostAsync("/RegistreretPerson?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = "Name", ["Value"] = "Ole Bang", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var response = await app.NewClient().GetAsync("/RegistreretPerson");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }
}
