using System.Text;

namespace Tilsyn.Web.Tests.Extracts;

public sealed class ExtractUploadTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private async Task<string> UploadAsync(HttpClient client, string csv, string source, string columns)
    {
        var response = await client.PostFilesAsync("/Extracts", "/Extracts",
            new Dictionary<string, string> { ["source"] = source, ["from"] = "2025-01-01", ["to"] = "2025-12-31", ["policy"] = "RejectFile", ["columns"] = columns },
            new UploadFile("file", "udtraek.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = response.Headers.Location!.OriginalString;
        for (var i = 0; i < 100; i++)
        {
            var page = await client.GetStringAsync(job);
            if (page.Contains("id=\"resultat\"")) return WebUtility.HtmlDecode(page);
            await Task.Delay(100);
        }
        throw new TimeoutException("the import did not finish");
    }

    [Fact]
    public async Task A_sources_own_column_names_are_given_once_and_reused_by_its_next_import()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        const string csv = "Journalnr;Forv;Organisatorisk placering;Art;Dato oprettet\n1;BIF;Jobcenter Amager;Ledighed;2025-03-03\n";
        const string mapping = "CaseId=Journalnr\nAdministration=Forv\nUnit=Organisatorisk placering\nCaseType=Art\nOpened=Dato oprettet";

        var first = await UploadAsync(advisor, csv, "KMD-Nexus", mapping);
        Assert.Contains("1 rækker importeret.", first);
        var second = await UploadAsync(advisor, csv.Replace("2025-03-03", "2025-03-04"), "KMD-Nexus", "");
        Assert.Contains("1 rækker importeret.", second);
        Assert.Equal(mapping, await app.WithDbAsync(db => db.Extracts.Where(x => x.Source == "KMD-Nexus").Select(x => x.ColumnMapping).SingleAsync()));

        var unknownSource = await UploadAsync(advisor, csv, "Ukendt system", "");
        Assert.Contains("kolonnen CaseId mangler", unknownSource);
    }

    [Fact]
    public async Task Only_the_advisors_staff_may_import()
    {
        var contact = app.NewClient();
        await contact.LoginOkAsync("bif");
        var response = await contact.GetAsync("/Extracts");
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString);
    }
}
