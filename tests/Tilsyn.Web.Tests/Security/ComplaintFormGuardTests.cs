using System.Text.RegularExpressions;
using Tilsyn.Complaints;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Security;

/// <summary>The complaint form's own guards (issue 12, point 3): the robot field and at most three receipts per address a day.</summary>
public sealed partial class ComplaintFormGuardTests(ComplaintFormGuardTests.ReceiptCapApp app) : IClassFixture<ComplaintFormGuardTests.ReceiptCapApp>
{
    public sealed class ReceiptCapApp : TilsynApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:ReceiptsPerAddressPerDay"] = "3" };
    }

    [Fact]
    public async Task The_robot_field_is_hidden_from_sight_screen_readers_and_the_tab_order_and_is_empty()
    {
        var html = await app.NewClient().GetStringAsync("/klage");

        var hidden = HiddenBlock().Match(html);
        Assert.True(hidden.Success, "the robot field sits in a visually hidden, aria-hidden block");
        Assert.Contains("<label for=\"website\">Lad dette felt være tomt</label>", hidden.Value);
        var input = Regex.Match(hidden.Value, "<input [^>]*name=\"website\"[^>]*>").Value;
        Assert.Contains("tabindex=\"-1\"", input);
        Assert.Contains("autocomplete=\"off\"", input);
        Assert.Contains("value=\"\"", input);
    }

    [Fact]
    public async Task A_complaint_with_the_robot_field_filled_in_is_answered_kindly_but_not_stored_or_mailed()
    {
        var client = app.NewClient();
        var fields = ComplaintForms.ValidComplaint(email: "robot@spam.example");
        var subject = fields["Form.Subject"] = $"Køb billige ure {Guid.NewGuid():N}";
        fields["website"] = "https://spam.example";

        var response = await ComplaintForms.SubmitAsync(client, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Tak for din henvendelse", page);
        Assert.DoesNotContain("id=\"sagsnummer\"", page);
        Assert.False(await app.WithDbAsync(db => db.Cases.AnyAsync(c => c.Subject == subject)));
        Assert.False(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.To == "robot@spam.example")));
    }

    [Fact]
    public async Task The_fourth_complaint_from_one_address_on_a_Copenhagen_day_is_stored_without_a_receipt_mail()
    {
        var client = app.NewClient();
        // One address, however it is written.
        string[] spellings = ["kvote@borger.example", "Kvote@Borger.example", " KVOTE@borger.example", "kvote@BORGER.EXAMPLE"];
        var receipts = new List<(string Number, string Page)>();
        foreach (var email in spellings)
            receipts.Add(await SubmitAsync(client, email));

        var numbers = receipts.Select(r => r.Number).ToList();
        var cases = await app.WithDbAsync(db => db.Cases.Include(c => c.Documents).Where(c => numbers.Contains(c.Number)).ToListAsync());
        Assert.Equal(4, cases.Count);
        Assert.Equal([true, true, true, false], numbers.Select(n => cases.Single(c => c.Number == n).Documents.Any(d => d.Kind == DocumentKind.Outgoing)));
        var mailed = await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.CaseNumber != null && numbers.Contains(m.CaseNumber)).Select(m => m.CaseNumber).ToListAsync());
        Assert.Equal(numbers.Take(3).Order(), mailed.Order());
        Assert.DoesNotContain("id=\"ingen-kvittering\"", receipts[2].Page);
        Assert.Contains("id=\"ingen-kvittering\"", receipts[3].Page);
        Assert.Contains("id=\"statuslink\"", receipts[3].Page); // the citizen still has the link to the case

        // The next Copenhagen day the address gets receipts again.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var (next, nextPage) = await SubmitAsync(client, "kvote@borger.example");
        Assert.DoesNotContain("id=\"ingen-kvittering\"", nextPage);
        Assert.True(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.CaseNumber == next)));
    }

    [Fact]
    public async Task Six_complaints_from_one_address_at_once_are_all_stored_and_exactly_three_get_a_receipt()
    {
        var clients = Enumerable.Range(0, 6).Select(_ => app.NewClient()).ToList();
        var tokens = await Task.WhenAll(clients.Select(c => c.AntiforgeryTokenAsync("/klage")));
        var subject = $"Samtidige {Guid.NewGuid():N}";

        var responses = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var fields = ComplaintForms.ValidComplaint(email: "samtidig@borger.example");
            fields["Form.Subject"] = subject;
            fields["__RequestVerificationToken"] = tokens[i];
            using var form = new MultipartFormDataContent();
            foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
            return await client.PostAsync("/klage", form);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await app.WithDbAsync(db => db.Cases.Where(c => c.Subject == subject).Select(c => c.Number).ToListAsync());
        Assert.Equal(6, numbers.Count);
        Assert.Equal(3, await app.WithDbAsync(db => db.OutgoingMail.CountAsync(m => m.CaseNumber != null && numbers.Contains(m.CaseNumber))));
    }

    private static async Task<(string Number, string Page)> SubmitAsync(HttpClient client, string email)
    {
        var response = await ComplaintForms.SubmitAsync(client, ComplaintForms.ValidComplaint(email: email));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"submit failed: {response.StatusCode} {ComplaintForms.Errors(await response.Content.ReadAsStringAsync())}");
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        return (Regex.Match(page, "id=\"sagsnummer\">([0-9-]+)<").Groups[1].Value, page);
    }

    [GeneratedRegex("<div class=\"visually-hidden\" aria-hidden=\"true\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex HiddenBlock();
}
