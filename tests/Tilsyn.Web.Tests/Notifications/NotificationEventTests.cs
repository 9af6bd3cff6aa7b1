using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Notifications;
using Tilsyn.Recommendations;
using Tilsyn.Web.Notifications;

namespace Tilsyn.Web.Tests.Notifications;

/// <summary>Each wired event notifies the right people and nobody else (issue 15, point 4).</summary>
public sealed class NotificationEventTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static void Redirected(HttpResponseMessage r, string why) => Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{why}: {r.StatusCode}");

    [Fact]
    public async Task A_recommendation_for_BUF_notifies_BUFs_contacts_once_and_mails_them_once_even_when_raised_twice()
    {
        var buf = await app.AdminId("BUF");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var created = await advisor.PostFormAsync("/Recommendations", "/Recommendations", new()
        {
            ["administrationId"] = buf.ToString(), ["source"] = "AuditorNote", ["reference"] = "Direktionsnotat 2026/7",
            ["text"] = "Sikr partshøring i sager om dagtilbud.", ["due"] = app.Clock.GetUtcNow().AddMonths(2).ToString("yyyy-MM-dd"),
        });
        Redirected(created, "create");
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('=')[1]);

        var note = Assert.Single(await app.NotesAsync("buf", NotificationKind.RecommendationCreated), n => n.Subject == $"recommendation:{id}");
        Assert.Equal("Ny henstilling til BUF", note.Title);
        Assert.Equal($"/Recommendations/Details?id={id}", note.Link);
        Assert.Equal(NotificationMailState.Mailed, note.MailState);
        Assert.DoesNotContain(await app.NotesAsync("sof"), n => n.Subject == $"recommendation:{id}");
        Assert.DoesNotContain(await app.NotesAsync("sagsbehandler"), n => n.Subject == $"recommendation:{id}");

        // The same event again (e.g. a retried call): no second notification, no second mail.
        var again = await app.WithNotifierAsync(async (n, db) => await n.RecommendationCreatedAsync(await db.Recommendations.SingleAsync(r => r.Id == id), default));
        Assert.Equal(0, again);
        Assert.Single(await app.NotesAsync("buf", NotificationKind.RecommendationCreated), n => n.Subject == $"recommendation:{id}");
        var mail = Assert.Single(await app.MailsToAsync("buf@tilsyn.example"), m => m.Subject == "Tilsyn: Ny henstilling til BUF");
        Assert.Contains($"/Recommendations/Details?id={id}", mail.Body);
        Assert.DoesNotContain("partshøring", mail.Body); // the recommendation's own text stays in Tilsyn
        Assert.DoesNotContain(await app.MailsToAsync("sof@tilsyn.example"), m => m.Subject.Contains("BUF"));
    }

    [Fact]
    public async Task A_recommendation_in_a_concluded_case_and_the_answered_statement_notify_the_administration_and_the_caseworker()
    {
        var sof = await app.AdminId("SOF");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var (number, _) = await Tilsyn.Web.Tests.Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), Tilsyn.Web.Tests.Complaints.ComplaintForms.ValidComplaint(name: "Bo Borgersen"));
        async Task Act(string handler, Dictionary<string, string> fields) => Redirected(await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields), handler);
        await Act("Classify", new() { ["type"] = "Complaint", ["administrationId"] = sof.ToString(), ["unitId"] = "", ["kleCode"] = "", ["categories"] = "Hearing" });
        await Act("Assign", new() { ["caseworkerId"] = await app.UserId("sagsbehandler") });
        await Act("Review", []);
        await Act("RequestStatement", new() { ["question"] = "Hvorfor blev der ikke partshørt?", ["workingDays"] = "10" });
        var requestId = await app.WithDbAsync(db => db.StatementRequests.Join(db.Cases.Where(c => c.Number == number), r => r.CaseId, c => c.Id, (r, c) => r.Id).SingleAsync());

        var contact = app.NewClient();
        await contact.LoginOkAsync("sof");
        Redirected(await Tilsyn.Web.Tests.Complaints.ComplaintForms.PostMultipartAsync(contact, $"/Cases/{number}", $"/Cases/{number}?handler=Answer",
            new() { ["requestId"] = requestId.ToString(), ["text"] = "Forvaltningen beklager." }), "answer");

        var answered = Assert.Single(await app.NotesAsync("sagsbehandler", NotificationKind.StatementAnswered), n => n.Subject == $"case:{number}");
        Assert.Equal($"Udtalelse modtaget på sag {number}", answered.Title);
        Assert.Equal($"/Cases/{number}", answered.Link);
        Assert.DoesNotContain("Borgersen", answered.Text); // no citizen's name
        Assert.Empty(await app.NotesAsync("kontorchef", NotificationKind.StatementAnswered)); // only the case's caseworker
        Assert.Empty(await app.NotesAsync("sof", NotificationKind.StatementAnswered));

        await Act("Conclude", new()
        {
            ["outcome"] = "Recommendation", ["conclusion"] = "Borgerrådgiveren henstiller.", ["recommendation"] = "Partshør altid før afgørelse.", ["summary"] = "Manglende partshøring.",
        });
        var recommendation = await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.SourceReference == number));
        var note = Assert.Single(await app.NotesAsync("sof", NotificationKind.RecommendationCreated), n => n.Subject == $"recommendation:{recommendation.Id}");
        Assert.DoesNotContain(number, note.Text + note.Title); // the case number of a complaint source is not repeated (need-to-know)
        Assert.DoesNotContain(await app.NotesAsync("buf"), n => n.Subject == $"recommendation:{recommendation.Id}");
    }

    [Fact]
    public async Task An_overdue_recommendation_notifies_its_contacts_once_per_due_date_however_often_the_daily_check_runs()
    {
        var tmf = await app.AdminId("TMF");
        var deactivated = await app.CreateUserAsync("tmf-tidligere", Tilsyn.Identity.Roles.AdministrationContact, "TMF", deactivated: true);
        var id = await app.WithDbAsync(async db =>
        {
            var r = new Recommendation(RecommendationSource.Fokus, "FOKUS 2024", tmf, null, "Følg op på byggesagernes svartider.", new DateOnly(2026, 10, 1), new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), "Borgerrådgiveren");
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        await app.Job().RunDailyChecksAsync(default);
        await app.Job().RunDailyChecksAsync(default);
        var overdue = Assert.Single(await app.NotesAsync("tmf", NotificationKind.RecommendationOverdue), n => n.Subject == $"recommendation:{id}");
        Assert.Equal("2026-10-01", overdue.Occasion);
        Assert.Contains("01-10-2026", overdue.Text);
        Assert.DoesNotContain(await app.NotesAsync("kff", NotificationKind.RecommendationOverdue), n => n.Subject == $"recommendation:{id}");
        Assert.Empty(await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.RecipientId == deactivated).ToListAsync())); // deactivated: nothing
        Assert.Single(await app.MailsToAsync("tmf@tilsyn.example"), m => m.Subject == "Tilsyn: Henstilling til TMF har overskredet fristen");
    }

    [Fact]
    public async Task An_early_warning_on_a_BUF_unit_notifies_BUFs_contacts_once_per_quarter_and_not_SOFs()
    {
        var buf = await app.AdminId("BUF");
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.AdministrationId == buf && u.Name == "Børnehuset Solsikken").Select(u => u.Id).SingleAsync());
        // No complaints about the unit in the four quarters before; six in this quarter (Q4 2026): P(X ≥ 6 | 0.5) ≈ 1.4e-5 < 0.01.
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 6; i++)
            {
                var c = CaseBuilder.ACase().For(buf).ReceivedAt(app.Clock.GetUtcNow().AddDays(-i - 1)).Build();
                c.Classify(CaseType.Complaint, buf, unit, null, [ComplaintCategory.Hearing], app.Clock.GetUtcNow(), new Actor(null, "Test"));
                db.Cases.Add(c);
            }
            return await db.SaveChangesAsync();
        });
        await app.Job().RunDailyChecksAsync(default);
        await app.Job().RunDailyChecksAsync(default);
        var warning = Assert.Single(await app.NotesAsync("buf", NotificationKind.EarlyWarning), n => n.Subject == $"unit:{unit}:Hearing");
        Assert.Equal("2026-Q4", warning.Occasion);
        Assert.Equal("Tidlig varsling: Børnehuset Solsikken (BUF)", warning.Title);
        Assert.Contains("6 klager", warning.Text);
        Assert.Empty(await app.NotesAsync("sof", NotificationKind.EarlyWarning));
        Assert.Empty(await app.NotesAsync("sagsbehandler", NotificationKind.EarlyWarning));
    }

    [Fact]
    public async Task A_completed_FOKUS_assessment_notifies_the_administrations_contacts_once_and_a_partial_one_does_not()
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Evaluations.EvaluationService>().OpenRoundAsync(2044, new DateOnly(2044, 3, 1), "Test", default);
        var kff = await app.AdminId("KFF");
        var page = $"/Evaluations/Answer?year=2044&administration={kff}";
        var contact = app.NewClient();
        await contact.LoginOkAsync("kff");
        Redirected(await contact.PostAsync($"/Evaluations/Answer?handler=Submit&year=2044&administration={kff}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await contact.AntiforgeryTokenAsync(page)), new("coverLetter", "Hermed KFF's besvarelse."),
            new("participants", "Anna Direktør <direktor@kff.example>"),
            new("slots", "2044-04-04T10:00"), new("slots", "2044-04-05T13:00"), new("slots", "2044-04-06T09:00"),
        ])), "submit");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Redirected(await advisor.PostFormAsync(page, $"/Evaluations/Answer?handler=Assess&year=2044&administration={kff}", new() { ["score-section-A"] = "3", ["comment-section-A"] = "" }), "partial");
        Assert.Empty(await app.NotesAsync("kff", NotificationKind.FokusAssessmentCompleted));
        for (var i = 0; i < 2; i++)
            Redirected(await advisor.PostFormAsync(page, $"/Evaluations/Answer?handler=Assess&year=2044&administration={kff}", new() { ["score-overall"] = "3", ["comment-overall"] = "Fremgang" }), "overall");
        var note = Assert.Single(await app.NotesAsync("kff", NotificationKind.FokusAssessmentCompleted));
        Assert.Equal($"/Evaluations/Answer?year=2044&administration={kff}", note.Link);
        Assert.DoesNotContain("3", note.Title + note.Text.Replace("2044", "")); // no score before the report is published
        Assert.Empty(await app.NotesAsync("buf", NotificationKind.FokusAssessmentCompleted));
    }

    [Fact]
    public async Task Submitted_targets_notify_the_advisors_staff_once_per_submission_and_no_administration()
    {
        var bif = await app.AdminId("BIF");
        var at = app.Clock.GetUtcNow();
        Assert.Equal(2, await app.WithNotifierAsync((n, _) => n.TargetsSubmittedAsync(bif, 2027, at, "/Maaltal?administration=BIF", default)));
        Assert.Equal(0, await app.WithNotifierAsync((n, _) => n.TargetsSubmittedAsync(bif, 2027, at, "/Maaltal?administration=BIF", default)));
        foreach (var staff in new[] { "sagsbehandler", "kontorchef" })
        {
            var note = Assert.Single(await app.NotesAsync(staff, NotificationKind.TargetsSubmitted), n => n.AdministrationId == bif); // another test of the class submits SOF's
            Assert.Equal("BIF har indsendt måltal for 2027", note.Title);
        }
        Assert.Empty(await app.NotesAsync("bif", NotificationKind.TargetsSubmitted));
        Assert.Empty(await app.NotesAsync("ledelse"));
        // A later resubmission is a new notice.
        Assert.Equal(2, await app.WithNotifierAsync((n, _) => n.TargetsSubmittedAsync(bif, 2027, at.AddDays(3), "/Maaltal?administration=BIF", default)));
        await Assert.ThrowsAsync<ArgumentException>(() => app.WithNotifierAsync((n, _) => n.TargetsSubmittedAsync(bif, 2027, at.AddDays(4), "https://evil.example/", default)));
    }

    [Fact]
    public async Task Submitting_targets_on_the_targets_page_notifies_the_advisors_staff_in_the_same_transaction()
    {
        var sof = await app.AdminId("SOF");
        await app.WithDbAsync(async db =>
        {
            db.Add(Tilsyn.Targets.AdministrationTarget.Record(Tilsyn.Targets.ComplaintTarget.Ceiling(sof, Tilsyn.Targets.TargetArea.Kle("27.36"), Tilsyn.Targets.TargetMeasure.Count, 12,
                new DateOnly(2026, 10, 1), "Socialudvalget", new DateOnly(2026, 11, 3)), 2027, 2027, false, app.Clock.GetUtcNow(), "Test"));
            await db.SaveChangesAsync();
            return 0;
        });
        var contact = app.NewClient();
        await contact.LoginOkAsync("sof");
        var page = $"/Targets/Administration?id={sof}&year=2027";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await contact.PostFormAsync(page, $"/Targets/Administration?handler=Submit&id={sof}&year=2027", [])).StatusCode);
        foreach (var staff in new[] { "sagsbehandler", "kontorchef" })
        {
            var note = Assert.Single(await app.NotesAsync(staff, NotificationKind.TargetsSubmitted), n => n.AdministrationId == sof);
            Assert.Equal("SOF har indsendt måltal for 2027", note.Title);
        }
        Assert.Empty(await app.NotesAsync("sof", NotificationKind.TargetsSubmitted));
    }
}
