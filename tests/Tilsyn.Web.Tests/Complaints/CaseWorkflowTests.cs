using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

public sealed class CaseWorkflowTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<int> AdminId(string code) => await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private async Task<HttpResponseMessage> Act(HttpClient client, string number, string handler, Dictionary<string, string> fields) =>
        await client.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields);

    private static void Redirected(HttpResponseMessage r, string why) =>
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{why}: {r.StatusCode}");

    [Fact]
    public async Task The_advisor_takes_a_complaint_through_statement_and_conclusion_and_the_mails_arrive()
    {
        var (number, statusPath) = await ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintForms.ValidComplaint(email: "loop@borger.example"));
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var buf = await AdminId("BUF");

        var classify = new FormUrlEncodedContent([]);
        Redirected(await Act(advisor, number, "Classify", new()
        {
            ["type"] = "Complaint", ["administrationId"] = buf.ToString(), ["unitId"] = "", ["kleCode"] = "28.09", ["categories"] = "Hearing",
        }), "classify");
        Redirected(await Act(advisor, number, "Review", []), "review");
        Redirected(await Act(advisor, number, "RequestStatement", new() { ["question"] = "Hvorfor blev familien ikke partshørt?", ["workingDays"] = "10" }), "request statement");
        var request = await app.Smtp.WaitForAsync("buf@tilsyn.example", m => (m.Subject ?? "").Contains(number));
        Assert.Contains("Hvorfor blev familien ikke partshørt?", request.TextBody);

        // BUF's contact answers in the portal.
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        Assert.Contains(number, await contact.GetStringAsync("/"));
        var requestId = await app.WithDbAsync(db => db.StatementRequests.Where(r => r.AnsweredAt == null).Join(db.Cases.Where(c => c.Number == number), r => r.CaseId, c => c.Id, (r, c) => r.Id).SingleAsync());
        Redirected(await ComplaintForms.PostMultipartAsync(contact, $"/Cases/{number}", $"/Cases/{number}?handler=Answer",
            new() { ["requestId"] = requestId.ToString(), ["text"] = "Forvaltningen beklager, at partshøring ikke blev foretaget." },
            ("notat.pdf", TestFiles.Pdf("Notat"))), "answer");

        Redirected(await Act(advisor, number, "Conclude", new()
        {
            ["outcome"] = "Criticism", ["breached"] = "Hearing",
            ["conclusion"] = "Borgerrådgiveren kritiserer, at forældrene ikke blev partshørt, jf. forvaltningslovens § 19.",
            ["recommendation"] = "", ["summary"] = "Forældre blev ikke partshørt før afgørelse om dagtilbudsplads.",
        }), "conclude");

        var c = await app.WithDbAsync(db => db.Cases.Include(x => x.Documents).Include(x => x.Events).SingleAsync(x => x.Number == number));
        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.Equal(Outcome.Criticism, c.Outcome);
        Assert.True(c.Categories.Single(x => x.Category == ComplaintCategory.Hearing).Breached);
        Assert.Contains(c.Documents, d => d.Kind == DocumentKind.Statement);
        Assert.Contains(c.Events, e => e.ToStatus == CaseStatus.StatementReceived && e.ActorName == "Lene Mortensen");

        var conclusionMail = await app.Smtp.WaitForAsync("loop@borger.example", m => m.Attachments.Any() && !(m.Subject ?? "").StartsWith("Kvittering", StringComparison.Ordinal));
        Assert.Contains(number, conclusionMail.Subject);
        var status = await app.NewClient().GetStringAsync(statusPath);
        Assert.Contains("Kritik", status);
        var conclusionDoc = c.Documents.Where(d => d.Kind == DocumentKind.Outgoing).OrderBy(d => d.Sequence).Last();
        var pdf = await app.NewClient().GetAsync($"{statusPath}/dokument/{conclusionDoc.Sequence}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
        // The statement is between the administration and the advisor: not on the citizen's page.
        Assert.DoesNotContain("Udtalelse fra forvaltningen", status);
    }

    [Fact]
    public async Task An_invalid_step_is_refused_with_a_danish_message_and_nothing_changes()
    {
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");

        var response = await Act(advisor, number, "Close", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("En sag med status 'Modtaget' kan ikke få status 'Lukket'.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(CaseStatus.Received, await app.WithDbAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Notes_are_journalised_with_author_and_time_and_found_by_full_text_search()
    {
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Redirected(await Act(advisor, number, "Note", new() { ["text"] = "Talte med institutionslederen om opsigelsen af pladsen.", ["corrects"] = "" }), "note");

        var note = await app.WithDbAsync(db => db.CaseDocuments.SingleAsync(d => d.Kind == DocumentKind.Note && d.Text!.Contains("institutionslederen")));
        Assert.Equal("Sara Holm", note.CreatedByName);

        var hits = await advisor.GetStringAsync("/Cases?q=institutionslederen");
        Assert.Contains(number, hits);
        var misses = await advisor.GetStringAsync("/Cases?q=zebraspringvand");
        Assert.DoesNotContain(number, misses);
    }

    [Fact]
    public async Task Viewing_a_case_is_logged_and_the_head_of_office_can_search_the_log()
    {
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        await advisor.GetStringAsync($"/Cases/{number}");

        var entry = await app.WithDbAsync(db => db.AccessLog.Where(a => a.CaseNumber == number && a.Action == Tilsyn.Web.AccessLogging.AccessAction.View && a.UserName.Contains("Sara Holm")).FirstAsync());
        Assert.Equal("Sagen er åbnet", entry.Detail);

        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        Assert.Contains("Sara Holm", await lead.GetStringAsync($"/Adgangslog?caseNumber={number}"));
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.GetAsync("/Adgangslog")).StatusCode); // to access denied

        // The application cannot alter the log.
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var row = await db.AccessLog.FirstAsync(a => a.CaseNumber == number);
            db.Entry(row).Property(a => a.Detail).CurrentValue = "ændret";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("kan ikke ændres", ex.Message);
    }
}

public sealed class OpenCaseQueryTests
{
    [Fact]
    public void The_database_form_of_open_agrees_with_the_workflow_for_every_status()
    {
        var isOpen = CaseDeadlines.OpenCase.Compile();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var c = (ComplaintCase)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(ComplaintCase));
            typeof(ComplaintCase).GetProperty(nameof(ComplaintCase.Status))!.SetValue(c, status);
            Assert.Equal(CaseWorkflow.IsOpen(status), isOpen(c));
        }
    }
}
