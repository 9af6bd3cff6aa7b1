using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.DataSubjects;

namespace Tilsyn.Web.Tests.Citizens;

/// <summary>
/// Issue 14 (review): the citizen sees the letters addressed to them, not every outgoing letter. The
/// statement request to the administration is written, journalised and mailed through the real pages;
/// on "Mine sager" and behind the status link it is neither listed nor downloadable by its address.
/// </summary>
public sealed class CitizenLetterRecipientTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string Cpr = "0101912121";

    private async Task<(ComplaintCase Case, string StatusToken)> StoreAsync()
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TilsynDbContext>();
        var protector = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(CaseRegistration.CprPurpose);
        var citizen = new Citizen("Anna Quist", "anna.quist@example.org", null, null, protector.Protect(Cpr), "010191-xxxx", sp.GetRequiredService<CprLookup>().Hash(Cpr));
        var at = app.Clock.GetUtcNow();
        var c = CaseBuilder.ACase().WithCitizen(citizen).About("Sag med brev til forvaltningen", "Min klage.").ReceivedAt(at).Build();
        c.AddDocument(DocumentKind.Incoming, "Klage fra borger", at, Actor.Citizen, "Min klage.", null, null, null);
        var token = StatusToken.New();
        c.SetStatusToken(StatusToken.Hash(token));
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return (c, token);
    }

    private static Task<HttpResponseMessage> Act(HttpClient client, string number, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler={handler}", fields);

    [Fact]
    public async Task A_statement_request_letter_to_BUF_is_not_on_the_citizens_pages_nor_downloadable_but_a_letter_to_the_citizen_is()
    {
        var (stored, token) = await StoreAsync();
        var number = stored.Number;
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Classify", new()
        {
            ["type"] = "Complaint", ["administrationId"] = buf.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unitId"] = "", ["kleCode"] = "", ["categories"] = "Hearing",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Review", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "RequestStatement", new() { ["question"] = "Hvorfor blev familien ikke hørt?", ["workingDays"] = "10" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(advisor, number, "Letter", new()
        {
            ["title"] = "Vi har spurgt forvaltningen", ["text"] = "Vi har bedt forvaltningen om en udtalelse.", ["answersCitizen"] = "false",
        })).StatusCode);

        var c = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(x => x.Documents).SingleAsync(x => x.Number == number));
        var request = c.Documents.Single(d => d.Kind == DocumentKind.Outgoing && d.Title == "Anmodning om udtalelse");
        var letter = c.Documents.Single(d => d.Title == "Vi har spurgt forvaltningen");
        Assert.Null(request.Channel);
        Assert.NotNull(letter.Channel);

        var anna = app.NewClient();
        await anna.SignInAsCitizenAsync(Cpr, "Anna Quist");
        var page = await anna.GetStringAsync($"/borger/sager/{number}");
        Assert.Contains("Vi har spurgt forvaltningen", page);
        Assert.DoesNotContain("Anmodning om udtalelse", page);
        Assert.DoesNotContain("Hvorfor blev familien ikke hørt?", page);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/borger/sager/{number}/dokument/{request.Sequence}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync($"/borger/sager/{number}/dokument/{letter.Sequence}")).StatusCode);

        var statusLink = app.NewClient();
        var status = await statusLink.GetStringAsync($"/status/{token}");
        Assert.Contains("Vi har spurgt forvaltningen", status);
        Assert.DoesNotContain("Anmodning om udtalelse", status);
        Assert.Equal(HttpStatusCode.NotFound, (await statusLink.GetAsync($"/status/{token}/dokument/{request.Sequence}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await statusLink.GetAsync($"/status/{token}/dokument/{letter.Sequence}")).StatusCode);
    }
}
