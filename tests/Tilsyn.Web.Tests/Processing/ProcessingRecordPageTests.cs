using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilsyn.Web.Processing;

namespace Tilsyn.Web.Tests.Processing;

/// <summary>
/// The demo municipality with its own controller and DPO settings, and retention rules from a stand-in for the
/// retention feature (its real summary is wired at merge), so the page shows what it was given.
/// </summary>
public sealed class ProcessingApp : TilsynApp
{
    public const string Controller = "Aarhus Kommune";
    public const string Dpo = "DPO-enheden, Rådhuspladsen 2, dpo@aarhus.example";
    public const string Rule = "Klager om dagtilbud (28.09): 10 år efter sagens afslutning, bevaring";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Processing:ControllerName"] = Controller,
        ["Processing:DpoContact"] = Dpo,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IRetentionRuleSummary>();
            services.AddScoped<IRetentionRuleSummary, FixedRules>();
        });
    }

    private sealed class FixedRules : IRetentionRuleSummary
    {
        public Task<IReadOnlyList<string>> LinesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([Rule, "Alle sager (standardregel): 5 år efter sagens afslutning, kassation"]);
    }
}

public sealed class ProcessingRecordPageTests(ProcessingApp app) : IClassFixture<ProcessingApp>
{
    private const string Page = "/Behandlingsfortegnelse";
    private const string Docx = "/Behandlingsfortegnelse?handler=Docx";

    [Theory]
    [InlineData("sagsbehandler")]
    [InlineData("kontorchef")]
    public async Task Advisor_staff_see_the_record_built_from_settings_administrations_and_retention_rules(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Fortegnelse over behandlingsaktiviteter", html);
        Assert.Contains($"Dataansvarlig: {ProcessingApp.Controller}", html);
        Assert.Contains(ProcessingApp.Dpo, html);
        Assert.Contains(ProcessingApp.Rule, html);
        var administrations = await app.WithDbAsync(db => db.Administrations.Select(a => a.Name).ToListAsync());
        Assert.Equal(7, administrations.Count);
        Assert.All(administrations, name => Assert.Contains(name, html));
        Assert.Contains("Overførsel til tredjelande", html);
        Assert.DoesNotContain("Københavns Kommune", html); // the setting replaced the default controller
    }

    [Fact]
    public async Task The_Word_download_opens_and_holds_the_sections_and_the_administrations()
    {
        var client = app.NewClient();
        await client.LoginOkAsync("sagsbehandler");

        var response = await client.GetAsync(Docx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("fortegnelse-over-behandlingsaktiviteter.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var headings = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(8, headings.Count);
        Assert.StartsWith("Dataansvarlig", headings[0]);
        Assert.StartsWith("Tekniske og organisatoriske sikkerhedsforanstaltninger", headings[^1]);
        var cells = body.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        var administrations = await app.WithDbAsync(db => db.Administrations.Select(a => new { a.Code, a.Name }).ToListAsync());
        Assert.All(administrations, a => { Assert.Contains(a.Name, cells); Assert.Contains(a.Code, cells); });
        var text = body.InnerText;
        Assert.Contains(ProcessingApp.Controller, text);
        Assert.Contains(ProcessingApp.Rule, text);
        Assert.Contains("hashkæde", text);
    }

    [Theory]
    [InlineData(Page)]
    [InlineData(Docx)]
    public async Task Only_the_advisor_s_staff_may_see_the_record(string path)
    {
        var anonymous = app.NewClient();
        var refusedAnonymous = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, refusedAnonymous.StatusCode);
        Assert.Contains("/Account/Login", refusedAnonymous.Headers.Location!.OriginalString);

        foreach (var user in new[] { "ledelse", "buf", "sof" })
        {
            var client = app.NewClient();
            await client.LoginOkAsync(user);
            var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
        }
    }
}
