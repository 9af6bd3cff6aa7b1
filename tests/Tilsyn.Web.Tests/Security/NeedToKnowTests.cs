using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Evaluations;
using Tilsyn.Extracts;
using Tilsyn.Organisation;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Data;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Security;

/// <summary>
/// Need-to-know (issue 12, point 6), forbidden paths first: an administration's contact sees a case
/// only once the advisor has involved the administration, and then only what is shared with it;
/// never the CPR number, never another administration's case, per-unit figures or unpublished FOKUS scores.
/// </summary>
public sealed class NeedToKnowTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string Cpr = "010203-1234";

    private Task<int> AdministrationAsync(string code) => app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private async Task<HttpClient> LoggedInAsync(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        return client;
    }

    /// <summary>A BUF complaint through the public form: with a CPR number, also written into the description, and a unique word in the subject.</summary>
    private async Task<string> BufComplaintAsync(string word)
    {
        var fields = ComplaintForms.ValidComplaint();
        fields["Form.AdministrationId"] = (await AdministrationAsync("BUF")).ToString();
        fields["Form.Cpr"] = Cpr;
        fields["Form.Subject"] = $"Partshøring {word}";
        fields["Form.Description"] = $"Min datter mistede sin plads uden partshøring. Mit CPR-nummer er {Cpr}.";
        return (await ComplaintForms.SubmitOkAsync(app.NewClient(), fields)).Number;
    }

    private static async Task PostOkAsync(HttpClient client, string number, string handler, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {response.StatusCode} {ComplaintForms.Errors(await response.Content.ReadAsStringAsync())}");
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task A_contact_does_not_see_its_administrations_case_before_the_advisor_shares_it_and_never_another_administrations()
    {
        var number = await BufComplaintAsync("zebrafinke");
        var buf = await LoggedInAsync("buf");
        var sof = await LoggedInAsync("sof");
        foreach (var contact in new[] { buf, sof })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"/Cases/{number}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"/Cases/{number}/dokument/1")).StatusCode);
            Assert.DoesNotContain($"/Cases/{number}\"", await contact.GetStringAsync("/Cases"));
            Assert.DoesNotContain($"/Cases/{number}\"", await contact.GetStringAsync($"/Cases?q={number}"));
            Assert.DoesNotContain($"/Cases/{number}\"", await contact.GetStringAsync("/Cases?q=zebrafinke"));
            Assert.DoesNotContain($"/Cases/{number}\"", await contact.GetStringAsync("/"));
            var answer = await contact.PostFormAsync("/Cases", $"/Cases/{number}?handler=Answer", new() { ["requestId"] = "1", ["text"] = "x" });
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        var advisor = await LoggedInAsync("sagsbehandler");
        await PostOkAsync(advisor, number, "Share", []);
        Assert.Equal(HttpStatusCode.OK, (await buf.GetAsync($"/Cases/{number}")).StatusCode);
        Assert.Contains($"/Cases/{number}\"", await buf.GetStringAsync("/Cases?q=zebrafinke"));
        // SOF never sees BUF's case, shared or not.
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Cases/{number}")).StatusCode);
        Assert.DoesNotContain($"/Cases/{number}\"", await sof.GetStringAsync("/Cases"));
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.CaseNumber == number && e.Action == AccessAction.Share)));
    }

    [Fact]
    public async Task A_shared_case_shows_the_contact_no_cpr_number_and_contact_details_only_once_shared()
    {
        var number = await BufComplaintAsync("kolibri");
        var advisor = await LoggedInAsync("sagsbehandler");
        var staffPage = Text(await advisor.GetStringAsync($"/Cases/{number}"));
        Assert.Contains("010203-xxxx", staffPage);
        Assert.Contains("anna@borger.example", staffPage);

        await PostOkAsync(advisor, number, "Share", []);
        var buf = await LoggedInAsync("buf");
        var page = Text(await buf.GetStringAsync($"/Cases/{number}"));
        Assert.Contains("Anna Hansen", page);
        Assert.DoesNotContain("010203", page);
        Assert.DoesNotContain("anna@borger.example", page);
        Assert.DoesNotContain("Nørregade", page);
        Assert.DoesNotContain("12 34 56 78", page);
        Assert.Contains("[cpr-nr.]", page);
        var reveal = await buf.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=RevealCpr", []);
        Assert.True(reveal.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && !(await reveal.Content.ReadAsStringAsync()).Contains("010203"), reveal.StatusCode.ToString());
        Assert.Contains("AccessDenied", reveal.Headers.Location?.OriginalString ?? "AccessDenied");

        await PostOkAsync(advisor, number, "Share", new() { ["contactDetails"] = "true" });
        page = Text(await buf.GetStringAsync($"/Cases/{number}"));
        Assert.Contains("anna@borger.example", page);
        Assert.Contains("Nørregade", page);
        Assert.DoesNotContain("010203", page);
    }

    [Fact]
    public async Task A_contact_sees_only_shared_documents_and_gets_404_on_the_others()
    {
        var number = await BufComplaintAsync("struds");
        var advisor = await LoggedInAsync("sagsbehandler");
        await PostOkAsync(advisor, number, "Note", new() { ["text"] = "Intern vurdering: ring til lederen.", ["corrects"] = "" });
        await PostOkAsync(advisor, number, "Review", []);
        await PostOkAsync(advisor, number, "RequestStatement", new() { ["question"] = "Hvorfor blev familien ikke hørt?", ["workingDays"] = "10" });
        var documents = await app.WithDbAsync(db => db.CaseDocuments.Where(d => d.CaseId == db.Cases.Single(c => c.Number == number).Id)
            .Select(d => new { d.Sequence, d.Kind, d.SharedWithAdministration, d.StatementRequestId }).ToListAsync());
        var note = documents.Single(d => d.Kind == DocumentKind.Note).Sequence;
        var incoming = documents.Single(d => d.Kind == DocumentKind.Incoming).Sequence;
        var request = documents.Single(d => d.SharedWithAdministration).Sequence; // the statement request letter

        var buf = await LoggedInAsync("buf");
        Assert.Equal(HttpStatusCode.NotFound, (await buf.GetAsync($"/Cases/{number}/dokument/{note}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buf.GetAsync($"/Cases/{number}/dokument/{incoming}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buf.GetAsync($"/Cases/{number}/dokument/{request}")).StatusCode);
        var page = await buf.GetStringAsync($"/Cases/{number}");
        Assert.Contains($"/dokument/{request}\"", page);
        Assert.DoesNotContain($"/dokument/{note}\"", page);
        Assert.DoesNotContain("Intern vurdering", page);
        Assert.DoesNotContain("Notat", page);

        // The administration answers; the statement is its own. The advisor shares the complaint itself; a note is refused.
        await PostOkAsync(buf, number, "Answer", new() { ["requestId"] = (await app.WithDbAsync(db => db.StatementRequests.Where(r => r.CaseId == db.Cases.Single(c => c.Number == number).Id).Select(r => r.Id).SingleAsync())).ToString(), ["text"] = "Vi beklager." });
        var statement = await app.WithDbAsync(db => db.CaseDocuments.Where(d => d.CaseId == db.Cases.Single(c => c.Number == number).Id && d.Kind == DocumentKind.Statement).Select(d => d.Sequence).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await buf.GetAsync($"/Cases/{number}/dokument/{statement}")).StatusCode);
        await PostOkAsync(advisor, number, "ShareDocument", new() { ["sequence"] = incoming.ToString() });
        Assert.Equal(HttpStatusCode.OK, (await buf.GetAsync($"/Cases/{number}/dokument/{incoming}")).StatusCode);
        var refused = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=ShareDocument", new() { ["sequence"] = note.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buf.GetAsync($"/Cases/{number}/dokument/{note}")).StatusCode);
        // A contact cannot share anything itself.
        var byContact = await buf.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=ShareDocument", new() { ["sequence"] = note.ToString() });
        Assert.True(byContact.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && byContact.Headers.Location?.OriginalString.Contains("/Cases/") != true, byContact.StatusCode.ToString());
        Assert.False(await app.WithDbAsync(db => db.CaseDocuments.AnyAsync(d => d.Kind == DocumentKind.Note && d.SharedWithAdministration)));
    }

    [Fact]
    public async Task A_contact_cannot_find_a_case_by_a_word_that_only_occurs_in_an_internal_note()
    {
        var number = await BufComplaintAsync("pelikan");
        var advisor = await LoggedInAsync("sagsbehandler");
        await PostOkAsync(advisor, number, "Note", new() { ["text"] = "Xylofonkvartet ringede om sagen.", ["corrects"] = "" });
        await PostOkAsync(advisor, number, "Share", []);
        Assert.Contains($"/Cases/{number}\"", await advisor.GetStringAsync("/Cases?q=xylofonkvartet"));
        var buf = await LoggedInAsync("buf");
        Assert.Contains($"/Cases/{number}\"", await buf.GetStringAsync("/Cases?q=pelikan"));
        Assert.DoesNotContain($"/Cases/{number}\"", await buf.GetStringAsync("/Cases?q=xylofonkvartet"));
        Assert.DoesNotContain($"/Cases/{number}\"", await buf.GetStringAsync("/Cases?q=0102031234"));
        Assert.DoesNotContain("Xylofonkvartet", await buf.GetStringAsync("/Library?q=xylofonkvartet"));
    }

    [Fact]
    public async Task Another_administrations_per_unit_statistics_and_early_warnings_are_hidden_from_a_contact()
    {
        var sof = await AdministrationAsync("SOF");
        var buf = await AdministrationAsync("BUF");
        var sofUnit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.AdministrationId == sof && u.Kind == OrgUnitKind.Unit).OrderBy(u => u.Id).FirstAsync());
        var bufUnit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.AdministrationId == buf && u.Kind == OrgUnitKind.Unit).OrderBy(u => u.Id).FirstAsync());
        // Six complaints against the SOF unit this quarter and none before: an early warning.
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 6; i++)
            {
                var at = new DateTimeOffset(2026, 10, 5 + i, 10, 0, 0, TimeSpan.Zero);
                var c = CaseBuilder.ACase().Numbered(2026, 800 + i).From("P").About("Hjemmehjælp").ReceivedAt(at).FirstAnswerDue(new DateOnly(2026, 10, 30)).For(sof).Build();
                c.Classify(CaseType.Complaint, sof, sofUnit.Id, null, [ComplaintCategory.NoAnswer], at, Actor.System);
                db.Cases.Add(c);
            }
            return await db.SaveChangesAsync();
        });
        var csv = new StringBuilder("case_id;administration;unit;kle;case_type;opened;decided\n");
        for (var i = 0; i < 200; i++)
        {
            var opened = new DateOnly(2026, 7, 1).AddDays(i % 60);
            csv.Append($"S{i};SOF;{sofUnit.Name};;Hjælp;{opened:yyyy-MM-dd};{opened.AddDays(10):yyyy-MM-dd}\n");
            csv.Append($"B{i};BUF;{bufUnit.Name};;Plads;{opened:yyyy-MM-dd};{opened.AddDays(10):yyyy-MM-dd}\n");
        }
        using (var scope = app.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ExtractImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
                new ImportRequest("Test-ESDH", new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), ErrorPolicy.RejectFile, new ColumnMap(), "test.csv", "Test"), null, CancellationToken.None);
            Assert.True(report.Imported, string.Join(" | ", report.FirstErrors.Take(3)));
        }

        var contact = await LoggedInAsync("buf");
        var page = Text(await contact.GetStringAsync("/Statistics"));
        Assert.DoesNotContain(sofUnit.Name, page);
        Assert.Contains("SOF", page); // the administration's totals stay visible
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync("/Statistics?administration=SOF")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"/Statistics?unit={sofUnit.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync("/api/statistics/kpi?administration=SOF")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync("/api/statistics/tables/kategorier?administration=SOF")).StatusCode);
        Assert.DoesNotContain(sofUnit.Name, Text(await contact.GetStringAsync("/api/statistics/cube")));
        Assert.DoesNotContain(sofUnit.Name, await contact.GetStringAsync("/api/statistics/tables/afvigelser?format=csv"));
        Assert.Contains("SOF", await contact.GetStringAsync("/api/statistics/kpi"));
        Assert.Contains(bufUnit.Name, Text(await contact.GetStringAsync("/Statistics?administration=BUF")));

        // The advisor and Leadership see the SOF unit and its warning.
        var advisor = await LoggedInAsync("sagsbehandler");
        Assert.Contains(sofUnit.Name, Text(await advisor.GetStringAsync("/Statistics")));
        var leadership = await LoggedInAsync("ledelse");
        Assert.Equal(HttpStatusCode.OK, (await leadership.GetAsync("/Statistics?administration=SOF")).StatusCode);
        Assert.Contains(sofUnit.Name, Text(await leadership.GetStringAsync("/api/statistics/cube")));
    }

    [Fact]
    public async Task Another_administrations_fokus_scores_are_hidden_until_the_advisor_publishes_the_rounds_report()
    {
        var sof = await AdministrationAsync("SOF");
        using (var scope = app.Services.CreateScope())
        {
            var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
            var round = await evaluations.OpenRoundAsync(2027, new DateOnly(2027, 3, 15), "Borgerrådgiveren", CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
            var record = await db.Set<EvaluationAnswerRecord>().SingleAsync(a => a.RoundId == round.Id && a.AdministrationId == sof);
            var answer = record.AnswerOn(round);
            var now = app.Clock.GetUtcNow();
            answer.Submit("Følgebrev", Enumerable.Range(1, 3).Select(i => new MeetingSlot(now.AddDays(30 + i), TimeSpan.FromHours(1))).ToList(), ["Direktør <d@sof.example>"], now, "SOF");
            record.Store(answer, now);
            var assessment = record.StartAssessment();
            foreach (var section in round.Scheme.Sections) assessment.AssessSection(round.Scheme, section.Letter, 3, null);
            assessment.AssessOverall(3, null);
            record.Assess(assessment, now);
            await db.SaveChangesAsync();
        }

        var buf = await LoggedInAsync("buf");
        var report = Text(await buf.GetStringAsync("/Evaluations/Report?year=2027"));
        Assert.DoesNotContain("<td>SOF</td>", report);
        // The only round is unpublished: SOF's page over time has nothing BUF may see.
        Assert.Equal(HttpStatusCode.NotFound, (await buf.GetAsync($"/Evaluations/Administration?administration={sof}")).StatusCode);
        Assert.DoesNotContain("SOF", Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await buf.GetByteArrayAsync("/Evaluations/Report?handler=Pdf&year=2027")));
        var byContact = await buf.PostFormAsync("/Evaluations/Report?year=2027", "/Evaluations/Report?handler=Publish&year=2027", []);
        Assert.True(byContact.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && byContact.Headers.Location?.OriginalString.Contains("AccessDenied") == true, byContact.StatusCode.ToString());
        var sofContact = await LoggedInAsync("sof");
        Assert.Contains("<td>SOF</td>", Text(await sofContact.GetStringAsync("/Evaluations/Report?year=2027"))); // its own, always

        var advisor = await LoggedInAsync("sagsbehandler");
        Assert.Contains("<td>SOF</td>", Text(await advisor.GetStringAsync("/Evaluations/Report?year=2027")));
        var publish = await advisor.PostFormAsync("/Evaluations/Report?year=2027", "/Evaluations/Report?handler=Publish&year=2027", []);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == AccessAction.Share && e.Detail.Contains("FOKUS-rapporten 2027"))));
        Assert.Contains("<td>SOF</td>", Text(await buf.GetStringAsync("/Evaluations/Report?year=2027")));
        Assert.Contains("<th scope=\"col\">2027</th>", await buf.GetStringAsync($"/Evaluations/Administration?administration={sof}"));
        var again = await advisor.PostFormAsync("/Evaluations/Report?year=2027", "/Evaluations/Report?handler=Publish&year=2027", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_needs_a_login_outside_development()
    {
        var anonymous = await app.NewClient().GetAsync("/openapi/v1.json");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, anonymous.StatusCode.ToString());
        if (anonymous.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
        var advisor = await LoggedInAsync("sagsbehandler");
        var document = await advisor.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/statistics", await document.Content.ReadAsStringAsync());
    }
}
