using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Web.DataSubjects;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Citizens;

/// <summary>
/// Issue 14, point 3: the complaint form for a citizen signed in with MitID (here the test host's sign-in,
/// <see cref="TestCitizenSignIn"/>). Its own application: the form numbers cases "highest + 1", which would
/// meet <see cref="CaseBuilder"/>'s numbers in <see cref="MineSagerTests"/>.
/// </summary>
public sealed class CitizenComplaintFormTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<HttpClient> CitizenAsync(string cpr, string name)
    {
        var client = app.NewClient();
        await client.SignInAsCitizenAsync(cpr, name);
        return client;
    }

    [Fact]
    public async Task The_complaint_form_is_prefilled_for_a_signed_in_citizen_and_the_new_case_is_in_Mine_sager()
    {
        var anna = await CitizenAsync("1105851234", "Anna Formular");

        var form = await anna.GetStringAsync("/klage");
        Assert.Contains("value=\"Anna Formular\"", form);
        Assert.Contains("110585-xxxx", form);
        Assert.DoesNotContain("1105851234", form);
        Assert.DoesNotContain("name=\"Form.Cpr\"", form);

        var fields = ComplaintForms.ValidComplaint("Anna Formular");
        fields.Remove("Form.Cpr");
        var (number, _) = await ComplaintForms.SubmitOkAsync(anna, fields);

        var mine = await anna.GetStringAsync("/borger/sager");
        Assert.Contains(number, mine);
        var lookup = app.Services.GetRequiredService<CprLookup>().Hash("1105851234");
        Assert.Equal(lookup, await app.WithDbAsync(db => db.Cases.Where(x => x.Number == number).Select(x => x.Citizen!.CprLookup).SingleAsync()));
    }

    [Fact]
    public async Task A_signed_in_citizen_cannot_post_someone_elses_CPR_number()
    {
        var anna = await CitizenAsync("1206861234", "Anna Anden");
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var fields = ComplaintForms.ValidComplaint("Anna Anden");
        fields["Form.Cpr"] = "0101011234";

        var response = await ComplaintForms.SubmitAsync(anna, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CPR-nummeret skal være dit eget", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
        // The same number as the session's, written with a dash, is accepted.
        fields["Form.Cpr"] = "120686-1234";
        Assert.Equal(HttpStatusCode.Redirect, (await ComplaintForms.SubmitAsync(anna, fields)).StatusCode);
    }

    [Fact]
    public async Task The_public_form_without_a_citizen_session_is_unchanged()
    {
        var form = await app.NewClient().GetStringAsync("/klage");
        Assert.Contains("name=\"Form.Cpr\"", form);
        Assert.DoesNotContain("fra MitID", form);
    }

}
