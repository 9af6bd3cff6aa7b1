using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>Only a letter that answers the citizen meets the first-answer deadline; a title never decides it.</summary>
public sealed class FirstAnswerTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<HttpResponseMessage> Act(HttpClient client, string number, string handler, Dictionary<string, string> fields) =>
        await client.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields);

    private Task<ComplaintCase> CaseAsync(string number) =>
        app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Documents).SingleAsync(c => c.Number == number));

    private async Task<(string Number, HttpClient Advisor)> CaseUnderReviewAsync()
    {
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Classify", new()
        {
            ["type"] = "Complaint", ["administrationId"] = buf.ToString(), ["unitId"] = "", ["kleCode"] = "", ["categories"] = "Hearing",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Review", [])).StatusCode);
        return (number, advisor);
    }

    [Fact]
    public async Task The_statement_request_letter_to_the_administration_is_no_answer_to_the_citizen()
    {
        var (number, advisor) = await CaseUnderReviewAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "RequestStatement", new() { ["question"] = "Hvorfor?", ["workingDays"] = "10" })).StatusCode);

        var c = await CaseAsync(number);
        Assert.Contains(c.Documents, d => d.Kind == DocumentKind.Outgoing && d.Title == "Anmodning om udtalelse");
        Assert.Null(c.FirstAnsweredAt);
        Assert.Contains("Overskredet", await ShowAfterFirstAnswerDeadlineAsync(advisor, number, c));
    }

    /// <summary>Moves the clock past the case's first-answer deadline and shows the case page.</summary>
    private async Task<string> ShowAfterFirstAnswerDeadlineAsync(HttpClient advisor, string number, ComplaintCase c)
    {
        while (Tilsyn.Calendar.DanishTime.Today(app.Clock) <= c.FirstAnswerDue) app.Clock.Advance(TimeSpan.FromDays(1));
        await advisor.LoginOkAsync("sagsbehandler"); // the login of days ago has run out
        return await advisor.GetStringAsync($"/Cases/{number}");
    }

    [Fact]
    public async Task A_concluded_case_shows_no_overdue_deadline_even_with_a_statement_unanswered()
    {
        var (number, advisor) = await CaseUnderReviewAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "RequestStatement", new() { ["question"] = "Hvorfor?", ["workingDays"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Conclude", new()
        {
            ["outcome"] = "NoCriticism", ["conclusion"] = "Ingen grund til kritik.", ["recommendation"] = "", ["summary"] = "Ingen kritik.",
        })).StatusCode);
        var request = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.Number == number).SelectMany(c => c.StatementRequests).SingleAsync());
        Assert.False(request.IsAnswered);

        while (Tilsyn.Calendar.DanishTime.Today(app.Clock) <= request.DueDate) app.Clock.Advance(TimeSpan.FromDays(1));
        await advisor.LoginOkAsync("sagsbehandler");
        var page = await advisor.GetStringAsync($"/Cases/{number}");
        Assert.Contains(request.DueDate.ToString("dd-MM-yyyy"), page);
        Assert.DoesNotContain("Overskredet", page);
    }

    [Fact]
    public async Task A_receipt_whose_template_title_was_edited_is_still_no_answer()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/Letters", "/Letters", new()
        {
            ["kind"] = "Receipt", ["title"] = "Tak for din henvendelse", ["body"] = "Kære {{borger.navn}}\n\nVi har modtaget din sag {{sag.nummer}}: {{statuslink}}",
        })).StatusCode);
        try
        {
            var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
            var c = await CaseAsync(number);
            Assert.Contains(c.Documents, d => d.Kind == DocumentKind.Outgoing && d.Title == "Tak for din henvendelse");
            Assert.Null(c.FirstAnsweredAt);
        }
        finally
        {
            await lead.PostFormAsync("/Letters", "/Letters", new() { ["kind"] = "Receipt", ["title"] = "", ["body"] = "", ["reset"] = "true" });
        }
    }

    [Fact]
    public async Task The_conclusion_letter_answers_the_citizen()
    {
        var (number, advisor) = await CaseUnderReviewAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Conclude", new()
        {
            ["outcome"] = "NoCriticism", ["conclusion"] = "Ingen grund til kritik.", ["recommendation"] = "", ["summary"] = "Ingen kritik.",
        })).StatusCode);
        Assert.NotNull((await CaseAsync(number)).FirstAnsweredAt);
    }

    [Fact]
    public async Task The_caseworker_says_whether_a_letter_to_the_citizen_is_an_answer()
    {
        var (number, advisor) = await CaseUnderReviewAsync();

        var unsaid = await Act(advisor, number, "Letter", new() { ["title"] = "Orientering", ["text"] = "Vi har brug for mere tid." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsaid.StatusCode);
        Assert.Contains("Angiv, om brevet er et svar til borgeren.", await unsaid.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Letter", new() { ["title"] = "Svar på din henvendelse", ["text"] = "Vi undersøger sagen.", ["answersCitizen"] = "false" })).StatusCode);
        Assert.Null((await CaseAsync(number)).FirstAnsweredAt);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Letter", new() { ["title"] = "Orientering", ["text"] = "Her er vores svar.", ["answersCitizen"] = "true" })).StatusCode);
        var c = await CaseAsync(number);
        Assert.Equal(app.Clock.GetUtcNow(), c.FirstAnsweredAt);
        Assert.Equal(2, c.Documents.Count(d => d.Kind == DocumentKind.Outgoing && d.ContentType == "application/pdf" && d.Title != "Kvittering for din henvendelse"));
        await app.Smtp.WaitForAsync("anna@borger.example", m => (m.Subject ?? "").StartsWith("Orientering", StringComparison.Ordinal) && (m.Subject ?? "").Contains(number));
    }
}
