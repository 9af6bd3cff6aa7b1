using System.Text.RegularExpressions;
using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>The rules page (<c>/Retention</c>) with its forecast, and the rule form (<c>/Retention/Rule</c>) for AdvisorLead.</summary>
public sealed partial class RetentionRulePageTests(RetentionApp app) : IClassFixture<RetentionApp>
{
    private async Task<HttpClient> AsAsync(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        return client;
    }

    private Task<HttpResponseMessage> SaveAsync(HttpClient client, Dictionary<string, string> fields, int? id = null) =>
        client.PostFormAsync(id is null ? "/Retention/Rule" : $"/Retention/Rule?id={id}", id is null ? "/Retention/Rule" : $"/Retention/Rule?id={id}", fields);

    private Task<RetentionRule?> RuleAsync(string scopeKey) =>
        app.WithDbAsync(db => db.Set<RetentionRule>().AsNoTracking().FirstOrDefaultAsync(r => r.ScopeKey == scopeKey));

    [Fact]
    public async Task The_head_of_office_creates_changes_and_deletes_a_rule()
    {
        var lead = await AsAsync("kontorchef");
        var created = await SaveAsync(lead, new() { ["caseType"] = "Complaint", ["klePrefix"] = "27.24", ["period"] = "p3650d", ["disposition"] = "Preserve", ["note"] = "Stadsarkivets afgørelse", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rule = await RuleAsync("Complaint|27.24");
        Assert.NotNull(rule);
        Assert.Equal(("P3650D", RetentionDisposition.Preserve, "Stadsarkivets afgørelse"), (rule.Period, rule.Disposition, rule.Note));
        var list = WebUtility.HtmlDecode(await lead.GetStringAsync("/Retention"));
        Assert.Contains("Klage · KLE 27.24", list);
        Assert.Contains("3650 dage (ca. 10 år)", list);

        var form = await lead.GetStringAsync($"/Retention/Rule?id={rule.Id}");
        var version = VersionField().Match(form).Groups[1].Value;
        var changed = await SaveAsync(lead, new() { ["id"] = $"{rule.Id}", ["caseType"] = "Complaint", ["klePrefix"] = "27.24", ["period"] = "P20Y", ["disposition"] = "Discard", ["version"] = version }, rule.Id);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("P20Y", (await RuleAsync("Complaint|27.24"))!.Period);

        // A form based on the old version is refused.
        var stale = await SaveAsync(lead, new() { ["id"] = $"{rule.Id}", ["caseType"] = "Complaint", ["klePrefix"] = "27.24", ["period"] = "P30Y", ["disposition"] = "Discard", ["version"] = version }, rule.Id);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Reglen er blevet ændret af en anden", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));

        var deleted = await lead.PostFormAsync($"/Retention/Rule?id={rule.Id}", $"/Retention/Rule?id={rule.Id}&handler=Delete", new() { ["id"] = $"{rule.Id}" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await RuleAsync("Complaint|27.24"));
    }

    [Theory]
    [InlineData("", "", "5 år", "Slettefristen '5 år' er ikke en ISO 8601-periode")]
    [InlineData("", "", "PT12H", "timer, minutter eller sekunder")]
    [InlineData("", "", "", "Feltet 'Slettefrist' skal udfyldes")]
    [InlineData("", "27.x", "P5Y", "Feltet 'KLE-emne'")]
    [InlineData("", "", "P5Y", "Der findes allerede en regel for Alle sager (standardregel)")]
    public async Task A_bad_rule_is_refused_with_a_message_naming_the_field(string type, string kle, string period, string expected)
    {
        var lead = await AsAsync("kontorchef");
        var count = await app.WithDbAsync(db => db.Set<RetentionRule>().CountAsync());
        var response = await SaveAsync(lead, new() { ["caseType"] = type, ["klePrefix"] = kle, ["period"] = period, ["disposition"] = "Discard", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<RetentionRule>().CountAsync()));
    }

    [Fact]
    public async Task A_second_rule_for_the_same_cases_is_refused()
    {
        var lead = await AsAsync("kontorchef");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(lead, new() { ["caseType"] = "Inquiry", ["klePrefix"] = "", ["period"] = "P2Y", ["disposition"] = "Discard" })).StatusCode);
        var twin = await SaveAsync(lead, new() { ["caseType"] = "Inquiry", ["klePrefix"] = "", ["period"] = "P3Y", ["disposition"] = "Preserve" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twin.StatusCode);
        Assert.Contains("Der findes allerede en regel for Henvendelse", WebUtility.HtmlDecode(await twin.Content.ReadAsStringAsync()));
        Assert.Equal("P2Y", (await RuleAsync("Inquiry|*"))!.Period);
    }

    [Fact]
    public async Task The_default_rule_cannot_be_deleted_or_narrowed_but_its_period_can_change()
    {
        var lead = await AsAsync("kontorchef");
        var form = await lead.GetStringAsync($"/Retention/Rule?id={RetentionRule.DefaultId}");
        Assert.DoesNotContain("Slet reglen", form);
        var deleted = await lead.PostFormAsync("/Retention", $"/Retention/Rule?id={RetentionRule.DefaultId}&handler=Delete", new() { ["id"] = $"{RetentionRule.DefaultId}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, deleted.StatusCode);
        Assert.Contains("Standardreglen kan ikke slettes", WebUtility.HtmlDecode(await deleted.Content.ReadAsStringAsync()));
        var narrowed = await SaveAsync(lead, new() { ["id"] = "1", ["caseType"] = "Complaint", ["period"] = "P5Y", ["disposition"] = "Discard" }, RetentionRule.DefaultId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, narrowed.StatusCode);
        Assert.NotNull(await RuleAsync("*"));

        var changed = await SaveAsync(lead, new() { ["id"] = "1", ["period"] = "P6Y", ["disposition"] = "Discard" }, RetentionRule.DefaultId);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("P6Y", (await RuleAsync("*"))!.Period);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(lead, new() { ["id"] = "1", ["period"] = "P1825D", ["disposition"] = "Discard" }, RetentionRule.DefaultId)).StatusCode);
    }

    [Fact]
    public async Task The_forecast_counts_the_cases_each_rule_sends_to_deletion()
    {
        var lead = await AsAsync("kontorchef");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(lead, new() { ["caseType"] = "OwnInitiative", ["period"] = "P1Y", ["disposition"] = "Preserve" })).StatusCode);
        var id = (await RuleAsync("OwnInitiative|*"))!.Id;
        var now = app.Clock.GetUtcNow();
        await app.CaseAsync(now.AddYears(-2), CaseType.OwnInitiative);          // already due
        await app.CaseAsync(now.AddYears(-1).AddDays(20), CaseType.OwnInitiative); // due within 30 days
        await app.CaseAsync(now.AddYears(-1).AddDays(60), CaseType.OwnInitiative); // within 90
        await app.CaseAsync(now.AddDays(-10), CaseType.OwnInitiative);           // within 365
        await app.CaseAsync(null, CaseType.OwnInitiative);                       // open: never

        var advisor = await AsAsync("sagsbehandler");
        var html = await advisor.GetStringAsync("/Retention");
        var row = Regex.Match(html, $"<tr id=\"regel-{id}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["1", "1", "2", "3", "0"], NumberCells().Matches(row).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain($"/Retention/Rule?id={id}", html); // an advisor sees, does not edit
    }

    [Fact]
    public async Task Advisors_may_not_edit_rules_and_contacts_and_leadership_may_not_see_them()
    {
        var advisor = await AsAsync("sagsbehandler");
        var post = await advisor.PostFormAsync("/Retention", "/Retention/Rule", new() { ["caseType"] = "Complaint", ["period"] = "P1D", ["disposition"] = "Discard" });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Account/AccessDenied", post.Headers.Location!.OriginalString);
        Assert.Null(await RuleAsync("Complaint|*"));
        foreach (var user in new[] { "buf", "ledelse" })
        {
            var client = await AsAsync(user);
            foreach (var path in new[] { "/Retention", "/Retention/Rule?id=1" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
            }
        }
        Assert.Contains("/Account/Login", (await app.NewClient().GetAsync("/Retention")).Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<td class=\"num\">([0-9]+)</td>")]
    private static partial Regex NumberCells();
}
