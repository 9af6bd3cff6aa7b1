using System.Text;
using System.Text.RegularExpressions;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>The application with its public address configured, as in production.</summary>
public sealed class PublicAddressApp : TilsynApp
{
    public const string BaseUrl = "https://tilsyn.kommune.example";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PublicBaseUrl"] = BaseUrl };
}

public sealed partial class StatusLinkTests(PublicAddressApp app) : IClassFixture<PublicAddressApp>
{
    [Fact]
    public async Task The_link_is_in_the_mail_only_never_in_the_journalised_receipt_the_search_index_or_the_kept_mail()
    {
        var (number, statusPath) = await ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintForms.ValidComplaint(email: "kun-mail@borger.example"));
        var token = statusPath["/status/".Length..];

        var mail = await app.Smtp.WaitForAsync("kun-mail@borger.example");
        Assert.Contains(PublicAddressApp.BaseUrl + statusPath, mail.TextBody);

        var c = await app.WithDbAsync(db => db.Cases.Include(x => x.Documents).SingleAsync(x => x.Number == number));
        var receipt = c.Documents.Single(d => d.Kind == DocumentKind.Outgoing);
        Assert.Contains("Link til at følge sagen er sendt til borgerens e-mail", receipt.Text);
        Assert.All(c.Documents, d =>
        {
            Assert.DoesNotContain(token, d.Text ?? "");
            Assert.DoesNotContain(token, Encoding.Latin1.GetString(d.Content ?? []));
        });
        Assert.DoesNotContain(token, await SearchIndexTextAsync(c.Id));
        Assert.Contains(number, await SearchIndexTextAsync(c.Id)); // the index row is there, only without the link

        var kept = await WaitUntilSentAsync(number);
        Assert.DoesNotContain(token, kept.Body);
        Assert.Contains(StatusLinks.Placeholder, kept.Body);
        Assert.Null(kept.ProtectedStatusToken); // erased once sent

        // Staff see the receipt, but never the link.
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.DoesNotContain(token, await advisor.GetStringAsync($"/Cases/{number}"));
        Assert.DoesNotContain(token, await advisor.GetStringAsync($"/Cases/{number}/dokument/{receipt.Sequence}"));
    }

    [Fact]
    public async Task The_receipt_page_builds_the_link_from_PublicBaseUrl_and_not_from_the_Host_header()
    {
        var citizen = app.NewClient();
        var response = await ComplaintForms.SubmitAsync(citizen, ComplaintForms.ValidComplaint(email: "vaert@borger.example"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        request.Headers.Host = "angriber.example";
        var receipt = await (await citizen.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($">{PublicAddressApp.BaseUrl}/status/", receipt);
        Assert.DoesNotContain("angriber.example", receipt);
        Assert.DoesNotContain("angriber.example", (await app.Smtp.WaitForAsync("vaert@borger.example")).TextBody);
    }

    [Fact]
    public async Task Staff_send_a_new_link_the_old_one_stops_working_and_the_step_is_logged()
    {
        var (number, oldPath) = await ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintForms.ValidComplaint(email: "nyt-link@borger.example"));
        await app.Smtp.WaitForAsync("nyt-link@borger.example");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains("Send nyt link til borgerens e-mail", await advisor.GetStringAsync($"/Cases/{number}"));

        var response = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}/statuslink?handler=Reissue", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Cases/{number}", response.Headers.Location!.OriginalString);
        var old = await app.NewClient().GetAsync(oldPath);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Contains("ikke længere gyldigt", WebUtility.HtmlDecode(await old.Content.ReadAsStringAsync()));

        var mail = await app.Smtp.WaitForAsync("nyt-link@borger.example", m => (m.Subject ?? "").StartsWith("Nyt link", StringComparison.Ordinal));
        var newPath = LinkPattern().Match(mail.TextBody ?? "").Groups[1].Value;
        Assert.StartsWith("/status/", newPath);
        Assert.NotEqual(oldPath, newPath);
        Assert.Contains($"Din sag {number}", await app.NewClient().GetStringAsync(newPath));

        var advisorId = await UserIdAsync("sagsbehandler");
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == number && a.Action == AccessAction.ReissueStatusLink && a.UserId == advisorId)));
        Assert.Contains("Nyt link til borgerens statusside", await advisor.GetStringAsync($"/Cases/{number}"));
        var kept = await WaitUntilSentAsync(number, "Nyt link");
        Assert.DoesNotContain(newPath, kept.Body);
    }

    [Fact]
    public async Task A_revoked_link_shows_a_danish_page_with_how_to_reach_the_advisor_and_revoking_twice_is_refused()
    {
        var (number, path) = await ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintForms.ValidComplaint(email: "tilbagekald@borger.example"));
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("kontorchef");

        var response = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}/statuslink?handler=Revoke", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Linket er ikke gyldigt eller er ikke længere gyldigt", html);
        Assert.Contains("Kontakt Borgerrådgiveren", html);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"{path}/dokument/1")).StatusCode);
        var leadId = await UserIdAsync("kontorchef");
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == number && a.Action == AccessAction.RevokeStatusLink && a.UserId == leadId)));

        var again = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}/statuslink?handler=Revoke", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Sagen har intet gyldigt link til borgerens statusside.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("buf")]
    [InlineData("ledelse")]
    [InlineData(null)]
    public async Task Only_the_advisors_staff_can_send_a_new_link_or_revoke_it(string? user)
    {
        var number = await app.WithDbAsync(async db =>
        {
            var bufId = await db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync();
            var c = CaseBuilder.ACase().For(bufId).Build();
            c.SetStatusToken(StatusToken.Hash("uroert-" + Guid.NewGuid()), app.Clock.GetUtcNow());
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return c.Number;
        });
        var before = await HashAsync(number);
        var client = app.NewClient();
        if (user is not null) await client.LoginOkAsync(user);
        var token = user is null ? await client.AntiforgeryTokenAsync("/klage") : await client.AntiforgeryTokenAsync("/Account/Login");

        foreach (var handler in new[] { "Reissue", "Revoke" })
        {
            var response = await client.PostAsync($"/Cases/{number}/statuslink?handler={handler}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{response.StatusCode}");
            Assert.DoesNotContain($"/Cases/{number}", response.Headers.Location?.OriginalString ?? "");
        }
        Assert.Equal(before, await HashAsync(number));
        Assert.False(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == number && (a.Action == AccessAction.ReissueStatusLink || a.Action == AccessAction.RevokeStatusLink))));
    }

    [Fact]
    public async Task A_staff_member_opening_the_citizens_page_is_logged_as_that_staff_member()
    {
        var (number, path) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");

        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(path)).StatusCode);

        var advisorId = await UserIdAsync("sagsbehandler");
        var views = await app.WithDbAsync(db => db.AccessLog.Where(a => a.CaseNumber == number && a.Action == AccessAction.View).ToListAsync());
        var staff = Assert.Single(views, v => v.UserId is not null);
        Assert.Equal(advisorId, staff.UserId);
        Assert.Contains("Sara Holm", staff.UserName);
        Assert.Contains("medarbejder", staff.Detail);
        var citizen = Assert.Single(views, v => v.UserId is null);
        Assert.Equal("Borgerens statusside", citizen.Detail);
    }

    private Task<string> UserIdAsync(string userName) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<string?> HashAsync(string number) => app.WithDbAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.StatusTokenHash).SingleAsync());

    private async Task<OutgoingMail> WaitUntilSentAsync(string number, string subjectStart = "Kvittering")
    {
        for (var i = 0; i < 100; i++)
        {
            var mail = await app.WithDbAsync(db => db.OutgoingMail.AsNoTracking().Where(m => m.CaseNumber == number && m.Subject.StartsWith(subjectStart)).SingleAsync());
            if (mail.SentAt is not null) return mail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the mail on {number} was not marked sent");
    }

    private Task<string> SearchIndexTextAsync(int caseId) => app.WithDbAsync(db => TestDatabase.IsPostgres
        ? db.Database.SqlQuery<string>($"SELECT content AS \"Value\" FROM case_search WHERE case_id = {caseId}").SingleAsync()
        : db.Database.SqlQuery<string>($"SELECT content AS \"Value\" FROM case_search WHERE rowid = {caseId}").SingleAsync());

    [GeneratedRegex(@"https?://[^/\s]+(/status/[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
