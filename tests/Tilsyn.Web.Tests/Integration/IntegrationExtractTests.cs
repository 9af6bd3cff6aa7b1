using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tilsyn.Web.Tests.Integration;

public sealed class IntegrationExtractTests(IntegrationFixture f) : IClassFixture<IntegrationFixture>
{
    private const string Extracts = "/api/integration/v1/extracts";

    private static MultipartFormDataContent Upload(string csv, string source, string from = "2025-01-01", string to = "2025-12-31", string? policy = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(source), "source" },
            { new StringContent(from), "from" },
            { new StringContent(to), "to" },
        };
        if (policy is not null) form.Add(new StringContent(policy), "policy");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "udtraek.csv");
        return form;
    }

    private static async Task<JsonElement> PollAsync(HttpClient api, Uri job)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await api.GetAsync(job);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.JsonAsync();
            if (json.GetProperty("state").GetString() != "running") return json;
            await Task.Delay(100);
        }
        throw new TimeoutException("the import did not finish");
    }

    [Fact]
    public async Task An_uploaded_extract_is_imported_in_a_job_the_client_polls_and_the_statistics_reflect_it()
    {
        var api = await f.BearerClientAsync("sagssystem");
        const string csv = "case_id,forvaltning,enhed,kle,sagstype,oprettet,afgjort\r\n"
            + "API-1,BUF,Vuggestuen Mælkebøtten,28.09.04,Pladsanvisning,01-04-2025,15-04-2025\r\n"
            + "API-2,BUF,Børnehuset Solsikken,28.09.04,Pladsanvisning,02-04-2025,\r\n";

        var response = await api.PostAsync(Extracts, Upload(csv, "Sagssystem-API"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await PollAsync(api, response.Headers.Location!);
        Assert.Equal("completed", job.GetProperty("state").GetString());
        var report = job.GetProperty("report");
        Assert.True(report.GetProperty("imported").GetBoolean(), report.GetRawText());
        Assert.Equal(2, report.GetProperty("rowsValid").GetInt64());
        var extractId = report.GetProperty("extractId").GetInt32();
        Assert.Equal(2, await f.App.WithDbAsync(db => db.KpiCells.Where(c => c.ExtractId == extractId).SumAsync(c => c.Opened)));
        Assert.Equal("Sagssystem-API", await f.App.WithDbAsync(db => db.Extracts.Where(x => x.Id == extractId).Select(x => x.Source).SingleAsync()));
    }

    [Fact]
    public async Task A_bad_row_rejects_the_file_and_the_job_reports_it_by_line()
    {
        var api = await f.BearerClientAsync("sagssystem");
        const string csv = "case_id,forvaltning,enhed,kle,sagstype,oprettet,afgjort\r\nAPI-9,BUF,Vuggestuen Mælkebøtten,28.09.04,Pladsanvisning,ikke-en-dato,\r\n";
        var response = await api.PostAsync(Extracts, Upload(csv, "Afvist-API"));
        var job = await PollAsync(api, response.Headers.Location!);
        var report = job.GetProperty("report");
        Assert.False(report.GetProperty("imported").GetBoolean());
        Assert.Contains("2", report.GetProperty("firstErrors")[0].GetString());
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Extracts.CountAsync(x => x.Source == "Afvist-API")));
    }

    [Fact]
    public async Task Missing_fields_are_refused_by_name_and_no_job_is_started()
    {
        var api = await f.BearerClientAsync("sagssystem");
        var jobs = await f.App.WithDbAsync(db => db.Set<Tilsyn.Web.Integration.IntegrationExtractJob>().CountAsync());
        var response = await api.PostAsync(Extracts, Upload("case_id\r\n", "", from: "2025-12-31", to: "2025-01-01x", policy: "måske"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "source", "to", "policy" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(jobs, await f.App.WithDbAsync(db => db.Set<Tilsyn.Web.Integration.IntegrationExtractJob>().CountAsync()));
    }

    [Fact]
    public async Task One_client_cannot_poll_another_clients_job()
    {
        var owner = await f.BearerClientAsync("sagssystem");
        var response = await owner.PostAsync(Extracts, Upload("case_id,forvaltning,enhed,kle,sagstype,oprettet\r\nX-1,BUF,Vuggestuen Mælkebøtten,,Pladsanvisning,01-05-2025\r\n", "Ejer-API"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var other = await f.BearerClientAsync("platform");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(response.Headers.Location)).StatusCode);
        await PollAsync(owner, response.Headers.Location!);
    }

    [Fact]
    public async Task Uploading_needs_the_extract_scope()
    {
        var reader = await f.BearerClientAsync("kun-laes", Tilsyn.Integration.IntegrationScopes.CasesRead);
        var response = await reader.PostAsync(Extracts, Upload("case_id\r\n", "Uden-rettighed"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Set<Tilsyn.Web.Integration.IntegrationExtractJob>().CountAsync(j => j.Source == "Uden-rettighed")));
    }
}
