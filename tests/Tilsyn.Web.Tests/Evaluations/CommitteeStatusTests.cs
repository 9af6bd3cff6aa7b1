namespace Tilsyn.Web.Tests.Evaluations;

public sealed class CommitteeStatusTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task An_administration_writes_its_committee_status_the_advisor_sees_all_and_other_administrations_do_not()
    {
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf");
        var saved = await buf.PostFormAsync("/Evaluations/Committee", "/Evaluations/Committee", new() { ["year"] = "2016", ["text"] = "Klageforløbet i dagtilbud er indført i alle områder." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var all = await advisor.GetStringAsync("/Evaluations/Committee");
        Assert.Contains("Børne- og Ungdomsudvalget", all);
        Assert.Contains("Klageforløbet i dagtilbud er indført i alle områder.", all);

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.DoesNotContain("Klageforløbet i dagtilbud", await sof.GetStringAsync("/Evaluations/Committee"));
        var script = await buf.PostFormAsync("/Evaluations/Committee", "/Evaluations/Committee", new() { ["year"] = "2016", ["text"] = "<script>x</script>" });
        Assert.Contains("må ikke indeholde HTML", WebUtility.HtmlDecode(await script.Content.ReadAsStringAsync()));
        // The advisor has no administration of its own and cannot write a status for one.
        var advisorPost = await advisor.PostFormAsync("/Evaluations/Committee", "/Evaluations/Committee", new() { ["year"] = "2016", ["text"] = "x" });
        Assert.Contains("/Account/AccessDenied", advisorPost.Headers.Location?.OriginalString);
    }
}
