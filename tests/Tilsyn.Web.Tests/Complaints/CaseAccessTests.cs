using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>Forbidden paths on case data: another administration's contact, Leadership, anonymous, an expired link.</summary>
public sealed class CaseAccessTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<string> BufCaseAsync(bool shared = false)
    {
        var fields = ComplaintForms.ValidComplaint();
        fields["Form.AdministrationId"] = (await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync())).ToString();
        var number = (await ComplaintForms.SubmitOkAsync(app.NewClient(), fields)).Number;
        if (shared)
        {
            var advisor = app.NewClient();
            await advisor.LoginOkAsync("sagsbehandler");
            var response = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Share", []);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return number;
    }

    // Issue 12 (need-to-know): the contact sees its administration's case once the advisor has shared it, not from intake on.
    [Fact]
    public async Task The_administrations_own_contact_sees_the_case()
    {
        var number = await BufCaseAsync(shared: true);
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf");
        Assert.Equal(HttpStatusCode.OK, (await buf.GetAsync($"/Cases/{number}")).StatusCode);
        Assert.Contains(number, await buf.GetStringAsync("/Cases"));
    }

    [Fact]
    public async Task Another_administrations_contact_gets_404_on_the_case_its_documents_and_sees_it_in_no_list()
    {
        var number = await BufCaseAsync();
        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Cases/{number}/dokument/1")).StatusCode);
        Assert.DoesNotContain($"/Cases/{number}\"", await sof.GetStringAsync("/Cases"));
        Assert.DoesNotContain($"/Cases/{number}\"", await sof.GetStringAsync($"/Cases?q={number}"));
        var post = await sof.PostFormAsync("/Cases", $"/Cases/{number}?handler=Note", new() { ["text"] = "indbrud" });
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, post.StatusCode.ToString());
        Assert.False(await app.WithDbAsync(db => db.CaseDocuments.AnyAsync(d => d.Text == "indbrud")));
    }

    [Fact]
    public async Task Leadership_sees_no_case_at_all()
    {
        var number = await BufCaseAsync();
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        var response = await leadership.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await leadership.GetAsync("/Cases")).StatusCode);
        Assert.DoesNotContain(number, await leadership.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_anonymous_user_is_sent_to_login_and_cannot_fetch_documents()
    {
        var number = await BufCaseAsync();
        var anonymous = app.NewClient();
        var response = await anonymous.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/Cases/{number}/dokument/1")).StatusCode);
    }

    [Fact]
    public async Task A_contact_cannot_take_the_advisors_steps_on_its_own_administrations_case()
    {
        var number = await BufCaseAsync(shared: true);
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf");
        var response = await buf.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Reject", new() { ["reason"] = "Vi vil ikke" });
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains($"/Cases/{number}") != true,
            $"{response.StatusCode} {response.Headers.Location}");
        Assert.Equal(CaseStatus.Received, await app.WithDbAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Status).SingleAsync()));
        // Internal notes are the advisor's: the contact does not see them.
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Note", new() { ["text"] = "Intern vurdering: borgeren har ret.", ["corrects"] = "" });
        Assert.DoesNotContain("Intern vurdering", await buf.GetStringAsync($"/Cases/{number}"));
    }

    [Fact]
    public async Task An_expired_status_link_shows_nothing()
    {
        // A case closed more than half a year ago, built through the domain with past times.
        var token = Tilsyn.Web.Complaints.StatusToken.New();
        var longAgo = app.Clock.GetUtcNow().AddDays(-400);
        await app.WithDbAsync(async db =>
        {
            var c = CaseBuilder.ACase().OfType(CaseType.Inquiry).From("Gammel Sag").About("Gammel", "Gammel sag").ReceivedAt(longAgo).Build();
            c.SetStatusToken(Tilsyn.Web.Complaints.StatusToken.Hash(token));
            c.Reject("Uden for kompetence", longAgo.AddDays(1), Actor.System);
            c.Close(longAgo.AddDays(2), Actor.System);
            db.Cases.Add(c);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/status/{token}")).StatusCode);
    }
}
