using System.Text;
using Tilsyn.Web.Demo;

namespace Tilsyn.Web.Tests.Organisation;

public sealed class KleImportTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName) =>
        client.PostFilesAsync("/Organisation/Kle", "/Organisation/Kle?handler=Import", [], new UploadFile("file", fileName, content, "text/csv"));

    [Fact]
    public async Task The_real_KLE_subset_imports_whole_and_a_second_import_changes_nothing()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var bytes = await File.ReadAllBytesAsync(SharedFiles.KleSubset);
        var expected = File.ReadLines(SharedFiles.KleSubset).Skip(1).Count(l => l.Length > 0);

        var first = await UploadAsync(lead, bytes, "kle-subset.csv");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // KL's subset has a topic whose group is not in it: imported, and the user is told.
        var afterFirst = await lead.GetStringAsync("/Organisation/Kle?q=08.25");
        Assert.Contains("koden 08.25.20 er importeret, men dens overordnede kode 08.25 findes hverken i filen eller i registret.", afterFirst);
        Assert.Equal(expected, await app.WithDbAsync(db => db.KleSubjects.CountAsync()));
        // æøå and brackets survive, and KL's retired mark is understood.
        var topic = await app.WithDbAsync(db => db.KleSubjects.SingleAsync(k => k.Code == "05.09.04"));
        Assert.Equal("Parkeringskontrol", topic.Title);
        Assert.Equal("05.09", topic.ParentCode);
        Assert.True(await app.WithDbAsync(db => db.KleSubjects.AnyAsync(k => k.IsRetired)));

        var second = await UploadAsync(lead, bytes, "kle-subset.csv");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var page = await lead.GetStringAsync("/Organisation/Kle?q=05.09");
        Assert.Contains("KLE importeret: 0 nye og 0 ændrede emner.", page);
        Assert.Equal(expected, await app.WithDbAsync(db => db.KleSubjects.CountAsync()));
    }

    [Fact]
    public async Task A_file_with_errors_names_each_line_and_imports_nothing()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var before = await app.WithDbAsync(db => db.KleSubjects.CountAsync());
        var csv = """
            code;level;parent;title
            99;1;;Testgruppe
            99.01;2;99;Gyldig gruppe
            99.1;2;99;Forkert kode
            99.02.01;3;99.01;Forkert forælder
            99.01;2;99;Dublet
            99.03;2;99;
            """;

        var response = await UploadAsync(lead, Encoding.UTF8.GetBytes(csv), "fejl.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Filen blev ikke importeret: 4 fejl.", html);
        Assert.Contains("Linje 4: kolonnen 'code': '99.1' er ikke en KLE-kode.", html);
        Assert.Contains("Linje 5: kolonnen 'parent': '99.01' er ikke forælder til 99.02.01.", html);
        Assert.Contains("Linje 6: koden 99.01 står også på linje 3.", html);
        Assert.Contains("Linje 7: kolonnen 'title': titel mangler for 99.03.", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.KleSubjects.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.KleSubjects.AnyAsync(k => k.Code == "99")));
    }

    [Fact]
    public async Task A_refused_KLE_subject_answers_422_with_the_reason()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var response = await lead.PostFormAsync("/Organisation/Kle", "/Organisation/Kle?handler=Add", new() { ["code"] = "9x", ["title"] = "Forkert" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("'9x' er ikke en KLE-kode (fx 28, 28.09 eller 28.09.04).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Only_the_head_of_office_may_import()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var response = await UploadAsync(advisor, Encoding.UTF8.GetBytes("code;title\n98;Ikke tilladt\n"), "x.csv");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.KleSubjects.AnyAsync(k => k.Code == "98")));
    }

    [Fact]
    public void The_demo_KLE_subjects_agree_with_KLs_own_codes_and_titles()
    {
        var kl = File.ReadLines(SharedFiles.KleSubset).Skip(1).Select(l => l.Split(';'))
            .ToDictionary(f => f[0], f => f[3]);
        Assert.All(DemoMunicipality.KleSubjects, s =>
        {
            Assert.True(kl.ContainsKey(s.Code), $"{s.Code} is not in KL's file");
            Assert.Equal(kl[s.Code], s.Title);
        });
    }
}
