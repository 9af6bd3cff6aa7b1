using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>A too-long text is refused with its limit named, and nothing is saved: never cut.</summary>
public sealed class TextLimitTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task A_20000_character_recommendation_is_refused_with_the_limit_and_the_case_is_unchanged()
    {
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Classify", new() { ["type"] = "Complaint", ["administrationId"] = buf.ToString(), ["categories"] = "Hearing" });
        await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Review", []);

        var response = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Conclude", new()
        {
            ["outcome"] = "Recommendation", ["conclusion"] = "Forvaltningen bør ændre praksis.", ["recommendation"] = new string('h', 20_000), ["summary"] = "Henstilling.",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Feltet &#x27;Henstilling&#x27; må højst være 5000 tegn langt; teksten er 20000 tegn.", await response.Content.ReadAsStringAsync());
        var c = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Number == number));
        Assert.Equal(CaseStatus.UnderReview, c.Status);
        Assert.Null(c.RecommendationText);
        Assert.Equal(0, await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.SourceReference == number)));
    }

    [Fact]
    public async Task The_complaint_form_refuses_a_too_long_e_mail_address_instead_of_cutting_it()
    {
        var fields = ComplaintForms.ValidComplaint(email: new string('a', 250) + "@x.dk");
        var response = await ComplaintForms.SubmitAsync(app.NewClient(), fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Feltet 'E-mail' må højst være 254 tegn langt", ComplaintForms.Errors(await response.Content.ReadAsStringAsync()));
    }
}
