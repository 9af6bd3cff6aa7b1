using Tilsyn.Identity;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Identity;

/// <summary>Issue 12: a deactivated user is not given cases, and the last head of office keeps the role.</summary>
public sealed class UserRulesTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string Password = "en-rigtig-god-adgangskode";

    private async Task<HttpResponseMessage> SaveUserAsync(HttpClient lead, string? id, string userName, string role) =>
        await lead.PostFormAsync(id is null ? "/Users/Edit" : $"/Users/Edit?id={id}", id is null ? "/Users/Edit" : $"/Users/Edit?id={id}", new()
        {
            ["Input.FullName"] = "Test " + userName, ["Input.UserName"] = userName, ["Input.Email"] = userName + "@tilsyn.example",
            ["Input.Role"] = role, ["Input.AdministrationId"] = "", ["Input.Password"] = id is null ? Password : "",
        });

    private Task<string> IdOfAsync(string userName) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private async Task<List<string>> RolesOfAsync(string userName) => await app.WithDbAsync(db =>
        db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.UserName == userName))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync());

    [Fact]
    public async Task A_deactivated_caseworker_is_not_offered_and_cannot_be_given_a_case()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveUserAsync(lead, null, "gaaet-paa-pension", "Advisor")).StatusCode);
        var id = await IdOfAsync("gaaet-paa-pension");
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintForms.ValidComplaint(email: "tildeling@borger.example"));
        Assert.Contains($"value=\"{id}\"", await lead.GetStringAsync($"/Cases/{number}"));

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/Users", "/Users?handler=Deactivate", new() { ["id"] = id })).StatusCode);

        Assert.DoesNotContain($"value=\"{id}\"", await lead.GetStringAsync($"/Cases/{number}"));
        var refused = await lead.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Assign", new()
        {
            ["caseworkerId"] = id, ["version"] = await lead.ShownVersionAsync($"/Cases/{number}"),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("aktiv medarbejder", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.CaseworkerId).SingleAsync()));
        // The case list can still filter on the work the user did before.
        Assert.Contains($"value=\"{id}\"", await lead.GetStringAsync("/Cases"));
    }

    [Fact]
    public async Task The_last_head_of_office_cannot_be_given_another_role_but_one_of_two_can()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var me = await IdOfAsync("kontorchef");
        Assert.Equal(1, await app.WithDbAsync(db => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.AdvisorLead)
            && db.Users.Any(u => u.Id == ur.UserId && u.DeactivatedAt == null))));

        var refused = await lead.PostFormAsync($"/Users/Edit?id={me}", $"/Users/Edit?id={me}", new()
        {
            ["Input.FullName"] = "Kontorchefen", ["Input.UserName"] = "kontorchef", ["Input.Email"] = "kontorchef@tilsyn.example",
            ["Input.Role"] = Roles.Advisor, ["Input.AdministrationId"] = "", ["Input.Password"] = "",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("sidste aktive kontorchef", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal([Roles.AdvisorLead], await RolesOfAsync("kontorchef"));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveUserAsync(lead, null, "konstitueret-chef", Roles.AdvisorLead)).StatusCode);
        var second = await IdOfAsync("konstitueret-chef");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveUserAsync(lead, second, "konstitueret-chef", Roles.Advisor)).StatusCode);
        Assert.Equal([Roles.Advisor], await RolesOfAsync("konstitueret-chef"));
    }
}
