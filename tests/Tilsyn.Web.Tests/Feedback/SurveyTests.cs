using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Feedback;
using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports.Sections;
using Tilsyn.Web.Feedback;

namespace Tilsyn.Web.Tests.Feedback;

/// <summary>
/// Issue 16, point 5 (acceptance: "Survey: sent on closure, answerable once (a second answer is refused), expired after
/// 30 days, suppressed below 5 answers, free text held back until reviewed; forbidden paths tested").
/// </summary>
public sealed partial class SurveyTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static int mailNumber;
    private static int nextSequence = 9_500_000;

    private async Task<int> AdminId(string code) => await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>A rejected citizen's case at the advisor's office, ready to be closed.</summary>
    private async Task<ComplaintCase> RejectedCaseAsync(string? email, string admin = "BUF", CaseType type = CaseType.Complaint, bool ownRegister = false)
    {
        var adminId = await AdminId(admin);
        return await app.WithDbAsync(async db =>
        {
            // Numbers counting down from high up: closing an advisor's complaint adds a linked entry to the administration's register,
            // numbered max + 1 (CaseNumberAllocator), which must not be a number this test uses next.
            var received = app.Clock.GetUtcNow().AddDays(-10);
            var builder = CaseBuilder.ACase().For(adminId).OfType(type).ReceivedAt(received)
                .Numbered(Tilsyn.Calendar.DanishTime.LocalDate(received).Year, Interlocked.Decrement(ref nextSequence));
            if (type == CaseType.OwnInitiative) builder = builder.From(null!);
            else builder = builder.WithCitizen(new Citizen("Anna Testesen", email, null, null, null, null));
            var c = builder.Build();
            if (ownRegister)
                c = ComplaintCase.ForAdministration(adminId, c.Year, c.Sequence, type, Channel.Email, new Citizen("Anna Testesen", email, null, null, null, null),
                    "Testsag", "Borgeren klager.", app.Clock.GetUtcNow().AddDays(-10), DateOnly.FromDateTime(app.Clock.GetUtcNow().AddDays(4).DateTime), Actor.Citizen);
            c.Reject("Uden for Borgerrådgiverens kompetence.", app.Clock.GetUtcNow().AddDays(-1), Actor.System);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
    }

    private static async Task<HttpResponseMessage> CloseAsync(HttpClient staff, string number) =>
        await staff.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Close", []);

    private Task<int> InvitationsAsync(int caseId) => app.WithDbAsync(db => db.Set<FeedbackInvitation>().CountAsync(i => i.CaseId == caseId));

    private Task<int> AnswersAsync() => app.WithDbAsync(db => db.Set<FeedbackAnswer>().CountAsync());

    /// <summary>Closes a fresh BUF case as the advisor and returns the survey token from the mail the citizen received.</summary>
    private async Task<(ComplaintCase Case, string Token, string Url)> ClosedWithLinkAsync(HttpClient advisor)
    {
        var email = $"borger{Interlocked.Increment(ref mailNumber)}@survey.example";
        var c = await RejectedCaseAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(advisor, c.Number)).StatusCode);
        var mail = await app.Smtp.WaitForAsync(email, m => m.Subject?.Contains("Borgerrådgiverens behandling") == true);
        var body = mail.TextBody ?? "";
        var match = LinkPattern().Match(body);
        Assert.True(match.Success, body);
        return (c, match.Groups[2].Value, match.Value);
    }

    private static Dictionary<string, string> Answer(string? comment = null, params int[] scores)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < 5; i++) form[$"q{i + 1}"] = i < scores.Length ? scores[i].ToString() : "";
        if (comment is not null) form["Comment"] = comment;
        return form;
    }

    [GeneratedRegex(@"(https?://[^/\s]+)/offentlig/tilfredshed/([A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task Closing_a_citizens_case_creates_one_invitation_and_mails_an_absolute_link_whose_token_is_stored_only_as_a_hash()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var (c, token, url) = await ClosedWithLinkAsync(advisor);
        Assert.StartsWith("http", url);
        Assert.Equal(1, await InvitationsAsync(c.Id));
        var stored = await app.WithDbAsync(db => db.Set<FeedbackInvitation>().SingleAsync(i => i.CaseId == c.Id));
        Assert.Equal(Tilsyn.Web.Complaints.StatusToken.Hash(token), stored.TokenHash);
        Assert.Null(stored.UsedAt);
        // The outbox kept the placeholder, never the link; the token is gone from the row once sent.
        var outbox = await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.CaseNumber == c.Number && m.Body.Contains(FeedbackLinks.Placeholder)).ToListAsync());
        var row = Assert.Single(outbox);
        Assert.DoesNotContain(token, row.Body);
        // The history says the link was sent (not the link).
        var history = await app.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).SelectMany(x => x.Events).Select(e => e.Text).ToListAsync());
        Assert.Contains(history, h => h.Contains("tilfredshedsundersøgelse er sendt"));
        Assert.DoesNotContain(history, h => h.Contains(token));

        // The page behind the link answers, without login.
        var citizen = app.NewClient();
        var page = await citizen.GetAsync($"/offentlig/tilfredshed/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Var det let at klage?", html);
        Assert.Contains("<legend>", html);
        Assert.DoesNotContain(c.Number, html);
        Assert.DoesNotContain("Anna Testesen", html);
    }

    [Fact]
    public async Task Closing_a_case_without_a_citizen_with_an_email_or_of_an_administrations_own_register_creates_no_invitation()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var own = await RejectedCaseAsync(null, type: CaseType.OwnInitiative);
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(advisor, own.Number)).StatusCode);
        var paper = await RejectedCaseAsync(null);
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(advisor, paper.Number)).StatusCode);
        var handler = app.NewClient();
        await handler.LoginOkAsync("buf-klage");
        var register = await RejectedCaseAsync("register@survey.example", ownRegister: true);
        Assert.Equal(HttpStatusCode.Redirect, (await CloseAsync(handler, register.Number)).StatusCode);

        foreach (var c in new[] { own, paper, register })
        {
            Assert.Equal(CaseStatus.Closed, await app.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.Status).SingleAsync()));
            Assert.Equal(0, await InvitationsAsync(c.Id));
        }
        var history = await app.WithDbAsync(db => db.Cases.Where(x => x.Id == paper.Id).SelectMany(x => x.Events).Select(e => e.Text).ToListAsync());
        Assert.Contains(history, h => h.Contains("ikke sendt"));
        Assert.False(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.To == "register@survey.example")));
    }

    [Fact]
    public async Task An_answer_is_stored_without_case_token_or_time_and_a_second_answer_is_refused()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var (c, token, _) = await ClosedWithLinkAsync(advisor);
        var citizen = app.NewClient();
        var before = await AnswersAsync();
        var antiforgery = await citizen.AntiforgeryTokenAsync($"/offentlig/tilfredshed/{token}");

        var sent = await citizen.PostFormAsync($"/offentlig/tilfredshed/{token}", $"/offentlig/tilfredshed/{token}", Answer("Tak for hjælpen.", 5, 4, 3, 5, 4));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/offentlig/tilfredshed/tak", sent.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, await AnswersAsync());

        // The answers table has no column that could lead back to the case, the invitation, the citizen or the moment.
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(FeedbackAnswer))!.GetProperties().Select(p => p.GetColumnName()).ToList()));
        Assert.DoesNotContain(columns, col => col.Contains("Case", StringComparison.OrdinalIgnoreCase) || col.Contains("Token", StringComparison.OrdinalIgnoreCase)
            || col.Contains("Invitation", StringComparison.OrdinalIgnoreCase) || col.Contains("Citizen", StringComparison.OrdinalIgnoreCase) || col.EndsWith("At", StringComparison.Ordinal) && col != "ReviewedAt");
        var buf = await AdminId("BUF");
        var half = HalfYear.Of(app.Clock.GetUtcNow()).Key;
        Assert.True(await app.WithDbAsync(db => db.Set<FeedbackAnswer>().AnyAsync(a => a.AdministrationId == buf && a.HalfYearKey == half && a.Overall == 4 && a.Comment == "Tak for hjælpen.")));
        Assert.NotNull(await app.WithDbAsync(db => db.Set<FeedbackInvitation>().Where(i => i.CaseId == c.Id).Select(i => i.UsedAt).SingleAsync()));

        // Second answer with the same link: refused, nothing stored.
        var second = Answer(null, 1, 1, 1, 1, 1);
        second["__RequestVerificationToken"] = antiforgery;
        var again = await citizen.PostAsync($"/offentlig/tilfredshed/{token}", new FormUrlEncodedContent(second));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("allerede besvaret", await again.Content.ReadAsStringAsync());
        var page = await citizen.GetAsync($"/offentlig/tilfredshed/{token}");
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("allerede besvaret", await page.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await AnswersAsync());
    }

    [Fact]
    public async Task An_answer_with_no_question_answered_is_refused_with_an_error_summary()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var (_, token, _) = await ClosedWithLinkAsync(advisor);
        var before = await AnswersAsync();
        var refused = await app.NewClient().PostFormAsync($"/offentlig/tilfredshed/{token}", $"/offentlig/tilfredshed/{token}", Answer("Kun en kommentar."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"fejl\"", html);
        Assert.Contains("Besvar mindst ét", html);
        Assert.Contains("Kun en kommentar.", html);
        Assert.Equal(before, await AnswersAsync());
    }

    [Fact]
    public async Task An_unknown_link_answers_404_without_revealing_anything()
    {
        var citizen = app.NewClient();
        var page = await citizen.GetAsync("/offentlig/tilfredshed/dette-link-findes-ikke-0000000000");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Linket findes ikke", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_answers_sent_at_once_with_the_same_link_store_exactly_one()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var (c, token, _) = await ClosedWithLinkAsync(advisor);
        var clients = Enumerable.Range(0, 6).Select(_ => app.NewClient()).ToList();
        var forms = new List<FormUrlEncodedContent>();
        foreach (var client in clients)
        {
            var fields = Answer(null, 3, 3, 3, 3, 3);
            fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync($"/offentlig/tilfredshed/{token}");
            forms.Add(new FormUrlEncodedContent(fields));
        }
        var before = await AnswersAsync();
        var results = await Task.WhenAll(clients.Select((client, i) => client.PostAsync($"/offentlig/tilfredshed/{token}", forms[i])));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(before + 1, await AnswersAsync());
        Assert.Equal(1, await InvitationsAsync(c.Id));
    }

    [Fact]
    public async Task A_link_is_refused_after_30_days()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var (_, token, _) = await ClosedWithLinkAsync(advisor);
        var citizen = app.NewClient();
        var antiforgery = await citizen.AntiforgeryTokenAsync($"/offentlig/tilfredshed/{token}");
        var before = await AnswersAsync();
        app.Clock.Advance(TimeSpan.FromDays(31));
        var page = await citizen.GetAsync($"/offentlig/tilfredshed/{token}");
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("udløbet", await page.Content.ReadAsStringAsync());
        var fields = Answer(null, 4, 4, 4, 4, 4);
        fields["__RequestVerificationToken"] = antiforgery;
        var refused = await citizen.PostAsync($"/offentlig/tilfredshed/{token}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Equal(before, await AnswersAsync());
    }

    private async Task SeedAnswersAsync(int administrationId, HalfYear half, IEnumerable<int> overall, string? comment = null)
    {
        await app.WithDbAsync(async db =>
        {
            var first = true;
            foreach (var o in overall)
            {
                var scores = FeedbackQuestions.All.ToDictionary(q => q, q => q == FeedbackQuestion.Overall ? (int?)o : 4);
                db.Add(FeedbackAnswer.Submit(administrationId, half, scores, first ? comment : null));
                first = false;
            }
            return await db.SaveChangesAsync();
        });
    }

    private static string Row(string html, int administrationId, HalfYear half)
    {
        var m = Regex.Match(html, $"<tr data-administration=\"{administrationId}\" data-half=\"{half.Key}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no row for {administrationId} {half}");
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task A_group_of_4_answers_is_suppressed_and_a_group_of_5_shows_its_hand_computed_means()
    {
        var suf = await AdminId("SUF");
        var tmf = await AdminId("TMF");
        var half = HalfYear.Of(app.Clock.GetUtcNow());
        await SeedAnswersAsync(suf, half, [5, 5, 5, 1]);
        await SeedAnswersAsync(tmf, half, [1, 2, 4, 5, 5]); // overall (1+2+4+5+5)/5 = 3,4; every other question 4,0
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        var html = await leadership.GetStringAsync("/Statistics");
        var suppressed = Row(html, suf, half);
        Assert.Contains("færre end 5 svar", suppressed);
        Assert.DoesNotContain("class=\"num\"", suppressed);
        var shown = Row(html, tmf, half);
        Assert.DoesNotContain("færre end", shown);
        Assert.Contains(">5</td>", shown);
        Assert.Contains(">3,4</td>", shown);
        Assert.Contains(">4,0</td>", shown);
    }

    [Fact]
    public async Task A_comment_is_seen_only_by_the_advisors_staff_until_approved_and_then_only_anonymised()
    {
        var sof = await AdminId("SOF");
        var half = HalfYear.Of(app.Clock.GetUtcNow());
        const string comment = "Sagsbehandler Lone Petersen var meget venlig og ringede på 22 33 44 55.";
        await SeedAnswersAsync(sof, half, [4, 4, 5, 3, 4], comment);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        var sofContact = app.NewClient();
        await sofContact.LoginOkAsync("sof");
        var bufContact = app.NewClient();
        await bufContact.LoginOkAsync("buf");

        async Task<string> Report()
        {
            using var scope = app.Services.CreateScope();
            var part = new CitizenFeedbackPart(scope.ServiceProvider.GetRequiredService<FeedbackQueries>());
            var sections = await part.BuildAsync(new ReportContext(new AnnualReport(half.Year, app.Clock.GetUtcNow(), "Test"), new Dictionary<int, string>()), default);
            return string.Join("\n", sections.SelectMany(s => s.Paragraphs.Concat(s.Bullets).Concat((s.TableRows ?? []).SelectMany(r => r))));
        }

        // Pending: the review page shows it to the advisor; nobody else sees it anywhere.
        var review = await advisor.GetStringAsync("/Tilfredshed");
        Assert.Contains("Lone Petersen", review);
        Assert.Contains("<mark", review);
        foreach (var reader in new[] { leadership, sofContact, advisor })
            Assert.DoesNotContain("var meget venlig", await reader.GetStringAsync("/Statistics"));
        Assert.DoesNotContain("var meget venlig", await Report());

        // Approved with every finding replaced.
        var id = await app.WithDbAsync(db => db.Set<FeedbackAnswer>().Where(a => a.Comment == comment).Select(a => a.Id).SingleAsync());
        var version = await app.WithDbAsync(db => db.Set<FeedbackAnswer>().Where(a => a.Id == id).Select(a => EF.Property<int>(a, "Version")).SingleAsync());
        var findings = await app.WithDbAsync(db => db.Set<FeedbackAnswer>().SingleAsync(a => a.Id == id)).ContinueWith(t => t.Result.StartReview().Items.Count);
        var fields = new Dictionary<string, string> { ["id"] = id.ToString(), ["version"] = version.ToString() };
        var content = fields.ToList();
        content.Add(new("__RequestVerificationToken", await advisor.AntiforgeryTokenAsync("/Tilfredshed")));
        for (var i = 0; i < findings; i++) content.Add(new("replace", i.ToString()));
        var approved = await advisor.PostAsync("/Tilfredshed?handler=Approve", new FormUrlEncodedContent(content));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var stats = await leadership.GetStringAsync("/Statistics");
        Assert.Contains("var meget venlig", stats);
        Assert.DoesNotContain("Petersen", stats);
        Assert.DoesNotContain("22 33 44 55", stats);
        Assert.Contains("[navn]", stats);
        Assert.Contains("var meget venlig", await sofContact.GetStringAsync("/Statistics"));
        Assert.DoesNotContain("var meget venlig", await bufContact.GetStringAsync("/Statistics")); // another administration's comment
        var report = await Report();
        Assert.Contains("var meget venlig", report);
        Assert.DoesNotContain("Petersen", report);
    }

    [Fact]
    public async Task A_comment_in_a_group_below_the_minimum_is_never_shown_even_when_approved()
    {
        var kff = await AdminId("KFF");
        var half = HalfYear.Of(app.Clock.GetUtcNow());
        await app.WithDbAsync(async db =>
        {
            var a = FeedbackAnswer.Submit(kff, half, new Dictionary<FeedbackQuestion, int?> { [FeedbackQuestion.Overall] = 2 }, "Lille gruppe, tydelig kommentar.");
            a.Approve(new HashSet<int>(), "Test", app.Clock.GetUtcNow());
            db.Add(a);
            return await db.SaveChangesAsync();
        });
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        Assert.DoesNotContain("Lille gruppe, tydelig kommentar.", await leadership.GetStringAsync("/Statistics"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("buf")]
    [InlineData("sof")]
    [InlineData("ledelse")]
    [InlineData("buf-klage")]
    public async Task The_review_page_and_its_actions_are_refused_to_everyone_but_the_advisors_staff(string? user)
    {
        var kff = await AdminId("KFF");
        const string secret = "Hemmelig kommentar til gennemgang.";
        if (!await app.WithDbAsync(db => db.Set<FeedbackAnswer>().AnyAsync(a => a.Comment == secret)))
            await SeedAnswersAsync(kff, new HalfYear(2020, 1), [3], secret);
        var answer = await app.WithDbAsync(db => db.Set<FeedbackAnswer>().SingleAsync(a => a.Comment == secret));
        var client = app.NewClient();
        if (user is not null) await client.LoginOkAsync(user);
        var page = await client.GetAsync("/Tilfredshed");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(user is null ? "/Account/Login" : "/Account/AccessDenied", page.Headers.Location!.OriginalString);
        var antiforgery = await client.AntiforgeryTokenAsync(user is null ? "/klage" : "/");
        foreach (var handler in new[] { "Approve", "Withhold" })
        {
            var post = await client.PostAsync($"/Tilfredshed?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id"] = answer.Id.ToString(), ["__RequestVerificationToken"] = antiforgery,
            }));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains(user is null ? "/Account/Login" : "/Account/AccessDenied", post.Headers.Location!.OriginalString);
        }
        Assert.Equal(CommentState.Pending, await app.WithDbAsync(db => db.Set<FeedbackAnswer>().Where(a => a.Id == answer.Id).Select(a => a.CommentState).SingleAsync()));
    }

    [Fact]
    public async Task A_review_saved_from_a_page_loaded_before_a_colleagues_review_is_refused_with_409()
    {
        var kff = await AdminId("KFF");
        const string text = "Kommentar som to kolleger gennemgår samtidig.";
        await SeedAnswersAsync(kff, new HalfYear(2021, 2), [4], text);
        var id = await app.WithDbAsync(db => db.Set<FeedbackAnswer>().Where(a => a.Comment == text).Select(a => a.Id).SingleAsync());
        var version = await app.WithDbAsync(db => db.Set<FeedbackAnswer>().Where(a => a.Id == id).Select(a => EF.Property<int>(a, "Version")).SingleAsync());
        var a = app.NewClient();
        await a.LoginOkAsync("sagsbehandler");
        var b = app.NewClient();
        await b.LoginOkAsync("kontorchef");
        var withheld = await b.PostFormAsync("/Tilfredshed", "/Tilfredshed?handler=Withhold", new() { ["id"] = id.ToString(), ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, withheld.StatusCode);
        var stale = await a.PostFormAsync("/Tilfredshed", "/Tilfredshed?handler=Approve", new() { ["id"] = id.ToString(), ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(CommentState.Withheld, await app.WithDbAsync(db => db.Set<FeedbackAnswer>().Where(x => x.Id == id).Select(x => x.CommentState).SingleAsync()));
    }
}
