using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tilsyn.Calendar;
using Tilsyn.Notifications;
using Tilsyn.Recommendations;
using Tilsyn.Web.Notifications;

namespace Tilsyn.Web.Tests.Notifications;

/// <summary>
/// Delivery by the user's choice ("straks", "daglig oversigt" at 07:00 Copenhagen time, "fra"), never twice, also with two
/// instances; the user's own list and its forbidden paths; the preferences form.
/// </summary>
public sealed class NotificationDeliveryTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string ContactRole = Tilsyn.Identity.Roles.AdministrationContact;

    /// <summary>The next 07:00 in Copenhagen after the clock's now.</summary>
    private DateTimeOffset NextDigest()
    {
        var now = app.Clock.GetUtcNow();
        var today = DanishTime.At(DanishTime.LocalDate(now), new TimeOnly(7, 0));
        return now < today ? today : DanishTime.At(DanishTime.LocalDate(now).AddDays(1), new TimeOnly(7, 0));
    }

    private async Task<int> NewRecommendationAsync(string code) => await app.WithDbAsync(async db =>
    {
        var admin = await db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
        var r = new Recommendation(RecommendationSource.AuditorNote, "Direktionsnotat", admin, null, "Følg op.", DanishTime.LocalDate(app.Clock.GetUtcNow()).AddMonths(3), app.Clock.GetUtcNow(), "Test");
        db.Recommendations.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    });

    private Task RaiseCreatedAsync(int recommendationId) =>
        app.WithNotifierAsync(async (n, db) => await n.RecommendationCreatedAsync(await db.Recommendations.SingleAsync(r => r.Id == recommendationId), default));

    private async Task<HttpClient> LoginAsync(string userName)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(userName, NotificationTestData.Password);
        return client;
    }

    private static Dictionary<string, string> Choices(DeliveryChoice forCreated) => new()
    {
        ["Choices[RecommendationCreated]"] = forCreated.ToString(), ["Choices[RecommendationOverdue]"] = "Immediately",
        ["Choices[EarlyWarning]"] = "Immediately", ["Choices[FokusAssessmentCompleted]"] = "Off",
    };

    [Fact]
    public async Task A_daily_digest_is_mailed_once_at_seven_oclock_Copenhagen_time_and_not_again()
    {
        await app.CreateUserAsync("buf-oversigt", ContactRole, "BUF");
        var client = await LoginAsync("buf-oversigt");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Notifikationer/Indstillinger", "/Notifikationer/Indstillinger", Choices(DeliveryChoice.DailyDigest))).StatusCode);
        var digestAt = NextDigest();
        var first = await NewRecommendationAsync("BUF");
        await RaiseCreatedAsync(first);
        Assert.Empty(await app.MailsToAsync("buf-oversigt@tilsyn.example"));
        Assert.Equal(NotificationMailState.Waiting, (await app.NotesAsync("buf-oversigt")).Single().MailState);

        await app.Job().DeliverAsync(default);
        app.Clock.Advance(digestAt - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1)); // 06:59
        await app.Job().DeliverAsync(default);
        Assert.Empty(await app.MailsToAsync("buf-oversigt@tilsyn.example"));

        app.Clock.Advance(TimeSpan.FromMinutes(1)); // 07:00
        var second = await NewRecommendationAsync("BUF"); // raised at 07:00: tomorrow's digest
        await RaiseCreatedAsync(second);
        await app.Job().DeliverAsync(default);
        await app.Job().DeliverAsync(default);
        var digest = Assert.Single(await app.MailsToAsync("buf-oversigt@tilsyn.example"));
        Assert.Equal($"Tilsyn: daglig oversigt {DanishTime.LocalDate(digestAt):dd-MM-yyyy} (1 notifikation)", digest.Subject);
        Assert.Contains($"/Recommendations/Details?id={first}", digest.Body);
        Assert.DoesNotContain($"/Recommendations/Details?id={second}", digest.Body);
        var notes = await app.NotesAsync("buf-oversigt");
        Assert.Equal([NotificationMailState.Mailed, NotificationMailState.Waiting], notes.Select(n => n.MailState));

        // Later that day: nothing more; the next morning the second one goes in that day's digest.
        app.Clock.Advance(TimeSpan.FromHours(10));
        await app.Job().DeliverAsync(default);
        Assert.Single(await app.MailsToAsync("buf-oversigt@tilsyn.example"));
        app.Clock.Advance(TimeSpan.FromHours(14));
        await app.Job().DeliverAsync(default);
        var mails = await app.MailsToAsync("buf-oversigt@tilsyn.example");
        Assert.Equal(2, mails.Count);
        Assert.Contains($"/Recommendations/Details?id={second}", mails[1].Body);
    }

    [Fact]
    public async Task Off_mails_nothing_but_the_notification_is_listed()
    {
        await app.CreateUserAsync("sof-fra", ContactRole, "SOF");
        var client = await LoginAsync("sof-fra");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Notifikationer/Indstillinger", "/Notifikationer/Indstillinger", Choices(DeliveryChoice.Off))).StatusCode);
        var id = await NewRecommendationAsync("SOF");
        await RaiseCreatedAsync(id);
        app.Clock.Advance(NextDigest() - app.Clock.GetUtcNow());
        await app.Job().DeliverAsync(default);
        Assert.Empty(await app.MailsToAsync("sof-fra@tilsyn.example"));
        Assert.Equal(NotificationMailState.NotMailed, (await app.NotesAsync("sof-fra")).Single().MailState);
        client = await LoginAsync("sof-fra"); // the clock moved past the session's length
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/Notifikationer"));
        Assert.Contains("Ny henstilling til SOF", list);
        Assert.Contains($"/Recommendations/Details?id={id}", list);
        Assert.Contains("Du har 1 ulæst notifikation af 1 i alt.", list);
        // The choices page shows what was chosen.
        Assert.Matches("id=\"valg-RecommendationCreated-Off\"[^>]*checked", await client.GetStringAsync("/Notifikationer/Indstillinger"));
    }

    [Fact]
    public async Task Immediately_with_no_choice_made_puts_one_mail_in_the_outbox()
    {
        await app.CreateUserAsync("tmf-straks", ContactRole, "TMF");
        var id = await NewRecommendationAsync("TMF");
        await RaiseCreatedAsync(id);
        await RaiseCreatedAsync(id);
        await app.Job().DeliverAsync(default);
        var mail = Assert.Single(await app.MailsToAsync("tmf-straks@tilsyn.example"));
        Assert.Equal("Tilsyn: Ny henstilling til TMF", mail.Subject);
        Assert.Single(await app.NotesAsync("tmf-straks"));
    }

    [Fact]
    public async Task A_user_reads_and_marks_only_their_own_notifications_and_anothers_answers_404()
    {
        await app.CreateUserAsync("kff-egen", ContactRole, "KFF");
        await app.CreateUserAsync("kff-anden", ContactRole, "KFF");
        var id = await NewRecommendationAsync("KFF");
        await RaiseCreatedAsync(id);
        var mine = (await app.NotesAsync("kff-egen")).Single();
        var theirs = (await app.NotesAsync("kff-anden")).Single();

        var me = await LoginAsync("kff-egen");
        Assert.Contains("Notifikationer (1<span class=\"visually-hidden\"> ulæste</span>)", WebUtility.HtmlDecode(await me.GetStringAsync("/")));
        var list = await me.GetStringAsync("/Notifikationer");
        Assert.Contains($"notifikation-{mine.Id}", list);
        Assert.DoesNotContain($"notifikation-{theirs.Id}", list);

        // Someone else's id: 404, and it stays unread.
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostFormAsync("/Notifikationer", $"/Notifikationer?handler=Read&id={theirs.Id}", [])).StatusCode);
        Assert.Null((await app.NotesAsync("kff-anden")).Single().ReadAt);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.PostFormAsync("/Notifikationer", $"/Notifikationer?handler=Read&id={mine.Id}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostFormAsync("/Notifikationer", "/Notifikationer?handler=Read&id=999999", [])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await me.PostFormAsync("/Notifikationer", $"/Notifikationer?handler=Read&id={mine.Id}", [])).StatusCode);
        Assert.NotNull((await app.NotesAsync("kff-egen")).Single().ReadAt);
        Assert.DoesNotContain("ulæste</span>)", WebUtility.HtmlDecode(await me.GetStringAsync("/")));
        Assert.Contains("id=\"nav-notifikationer\">Notifikationer</a>", await me.GetStringAsync("/"));

        // "Markér alle som læst" marks the user's own only.
        var other = await LoginAsync("kff-anden");
        Assert.Equal(HttpStatusCode.Redirect, (await me.PostFormAsync("/Notifikationer", "/Notifikationer?handler=ReadAll", [])).StatusCode);
        Assert.Null((await app.NotesAsync("kff-anden")).Single().ReadAt);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync("/Notifikationer", "/Notifikationer?handler=ReadAll", [])).StatusCode);
        Assert.NotNull((await app.NotesAsync("kff-anden")).Single().ReadAt);

        // Not logged in: to the login page.
        var anonymous = await app.NewClient().GetAsync("/Notifikationer");
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_choices_form_offers_each_role_its_kinds_and_refuses_unknown_choices_and_kinds()
    {
        await app.CreateUserAsync("suf-valg", ContactRole, "SUF");
        var contact = await LoginAsync("suf-valg");
        var page = await contact.GetStringAsync("/Notifikationer/Indstillinger");
        Assert.Contains("id=\"valg-EarlyWarning\"", page);
        Assert.DoesNotContain("id=\"valg-TargetsSubmitted\"", page);

        var bad = Choices(DeliveryChoice.Immediately);
        bad["Choices[EarlyWarning]"] = "Sometimes";
        var refused = await contact.PostFormAsync("/Notifikationer/Indstillinger", "/Notifikationer/Indstillinger", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Vælg straks, daglig oversigt eller fra", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var notOffered = Choices(DeliveryChoice.Immediately);
        notOffered["Choices[TargetsSubmitted]"] = "Off";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await contact.PostFormAsync("/Notifikationer/Indstillinger", "/Notifikationer/Indstillinger", notOffered)).StatusCode);
        var missing = Choices(DeliveryChoice.Immediately);
        missing.Remove("Choices[EarlyWarning]");
        var missed = await contact.PostFormAsync("/Notifikationer/Indstillinger", "/Notifikationer/Indstillinger", missing);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missed.StatusCode);
        Assert.Contains("Vælg en leveringsform for \"Tidlig varsling for en enhed\"", WebUtility.HtmlDecode(await missed.Content.ReadAsStringAsync()));
        Assert.Empty(await app.WithDbAsync(db => db.Set<NotificationPreference>().Where(p => db.Users.Any(u => u.Id == p.UserId && u.UserName == "suf-valg")).ToListAsync()));

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var advisorPage = await advisor.GetStringAsync("/Notifikationer/Indstillinger");
        Assert.Contains("id=\"valg-TargetsSubmitted\"", advisorPage);
        Assert.Contains("id=\"valg-StatementAnswered\"", advisorPage);
        Assert.DoesNotContain("id=\"valg-EarlyWarning\"", advisorPage);
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        Assert.Contains("Din rolle modtager ingen notifikationer.", await leadership.GetStringAsync("/Notifikationer/Indstillinger"));
    }

    [Fact]
    public async Task Two_instances_running_the_digest_job_at_the_same_time_mail_each_digest_once()
    {
        var users = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var id = await app.CreateUserAsync($"bif-samtidig-{i}", ContactRole, "BIF");
            users.Add(id);
            await app.WithDbAsync(async db =>
            {
                db.Add(new NotificationPreference { UserId = id, Kind = NotificationKind.RecommendationCreated, Choice = DeliveryChoice.DailyDigest });
                return await db.SaveChangesAsync();
            });
        }
        for (var i = 0; i < 3; i++) await RaiseCreatedAsync(await NewRecommendationAsync("BIF"));
        app.Clock.Advance(NextDigest() - app.Clock.GetUtcNow());

        NotificationJob Instance() => new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock,
            app.Services.GetRequiredService<IOptions<NotificationOptions>>(), app.Services.GetRequiredService<ILogger<NotificationJob>>());
        var (a, b) = (Instance(), Instance());
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(Task.Run(() => a.DeliverAsync(default)), Task.Run(() => b.DeliverAsync(default)));

        for (var i = 0; i < 4; i++)
        {
            var digest = Assert.Single(await app.MailsToAsync($"bif-samtidig-{i}@tilsyn.example"));
            Assert.Contains("(3 notifikationer)", digest.Subject);
        }
        var keys = await app.WithDbAsync(db => db.Set<NotificationMail>().Where(m => users.Contains(m.RecipientId)).ToListAsync());
        Assert.Equal(4, keys.Count);
        Assert.All(keys, k => Assert.NotNull(k.DigestDay));
    }
}
