using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Audits;
using Tilsyn.Complaints;
using Tilsyn.Recommendations;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.CaseAudits;
using static Tilsyn.Web.Tests.Infrastructure.CaseBuilder;

namespace Tilsyn.Web.Tests.Security;

/// <summary>
/// Issue 12, need-to-know: the follow-up features (audits of the advisor's cases, recommendations made
/// from a case) show an administration no case number the advisor has not shared with it, and an
/// attempt to open another administration's recommendation, audit, FOKUS answer or organisation is logged.
/// </summary>
public sealed class NeedToKnowFollowUpTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private Task<int> AdminId(string code) => app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>Two of BUF's complaint cases at the advisor, the first shared with BUF, the second not.</summary>
    private async Task<(string Shared, string Unshared, int Buf)> TwoCasesAsync()
    {
        var buf = await AdminId("BUF");
        var cases = new[] { ACase().For(buf).Build(), ACase().For(buf).Build() };
        cases[0].ShareWithAdministration(false, app.Clock.GetUtcNow(), new Actor(null, "Test"));
        await app.WithDbAsync(async db => { db.Cases.AddRange(cases); return await db.SaveChangesAsync(); });
        return (cases[0].Number, cases[1].Number, buf);
    }

    private Task<bool> RefusalLoggedAsync(string userName, string what) =>
        app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.Refused && a.UserName.Contains($"({userName})") && a.Detail.Contains(what)));

    [Fact]
    public async Task A_recommendation_made_from_an_unshared_case_does_not_show_its_number_to_the_administration()
    {
        var (shared, unshared, buf) = await TwoCasesAsync();
        var due = new DateOnly(2030, 1, 1);
        var fromUnshared = new Recommendation(RecommendationSource.ComplaintCase, unshared, buf, null, "Partshør før afgørelsen (ikke delt).", due, app.Clock.GetUtcNow(), "Test");
        var fromShared = new Recommendation(RecommendationSource.ComplaintCase, shared, buf, null, "Partshør før afgørelsen (delt).", due, app.Clock.GetUtcNow(), "Test");
        await app.WithDbAsync(async db => { db.Recommendations.AddRange(fromUnshared, fromShared); return await db.SaveChangesAsync(); });

        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var list = WebUtility.HtmlDecode(await contact.GetStringAsync("/Recommendations"));
        Assert.DoesNotContain(unshared, list);
        Assert.Contains(shared, list);
        Assert.Contains(Recommendation.HiddenCaseReference, list);
        var details = WebUtility.HtmlDecode(await contact.GetStringAsync($"/Recommendations/Details?id={fromUnshared.Id}"));
        Assert.DoesNotContain(unshared, details);
        Assert.Contains("Partshør før afgørelsen (ikke delt).", details);

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains(unshared, await advisor.GetStringAsync($"/Recommendations/Details?id={fromUnshared.Id}"));

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Recommendations/Details?id={fromShared.Id}")).StatusCode);
        Assert.True(await RefusalLoggedAsync("sof", $"henstilling {fromShared.Id}"));
    }

    [Fact]
    public async Task An_audit_of_the_advisors_cases_shows_the_administration_only_the_numbers_of_cases_shared_with_it()
    {
        var (shared, unshared, buf) = await TwoCasesAsync();
        CaseAudit audit;
        using (var scope = app.Services.CreateScope())
        {
            // The whole of BUF's population at the advisor (the two cases and any other of BUF's).
            var population = await app.WithDbAsync(db => db.Cases.CountAsync(c => c.AdministrationId == buf));
            audit = await scope.ServiceProvider.GetRequiredService<CaseAuditService>().CreateAsync(Tilsyn.Web.Demo.DemoPublishing.Advisor("Test"),
                new AuditRequest("Audit af klagesager", PopulationSource.Complaints, null, buf, null, null, null, null, null, StratifyBy.None, SampleDesign.SimpleRandom, population, 7),
                CancellationToken.None);
        }
        var sampled = await app.WithDbAsync(db => db.Set<SampledCase>().Where(c => c.AuditId == audit.Id).ToListAsync());
        Assert.Contains(sampled, c => c.CaseKey == unshared);

        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var page = await contact.GetStringAsync($"/CaseAudits/Details?id={audit.Id}");
        Assert.DoesNotContain(unshared, page);
        Assert.Contains(shared, page);
        Assert.Contains($"Ikke delt sag {sampled.Single(c => c.CaseKey == unshared).Id}", page);
        var sheet = await contact.GetByteArrayAsync($"/CaseAudits/Details?id={audit.Id}&handler=Sheet");
        var keys = await SheetKeysAsync(sheet);
        Assert.DoesNotContain(unshared, keys);
        Assert.Contains(shared, keys);

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains(unshared, await advisor.GetStringAsync($"/CaseAudits/Details?id={audit.Id}"));

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/CaseAudits/Details?id={audit.Id}")).StatusCode);
        Assert.True(await RefusalLoggedAsync("sof", $"sagsaudit {audit.Id}"));
    }

    private static Task<string> SheetKeysAsync(byte[] xlsx)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var strings = doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
        return Task.FromResult(strings + string.Concat(doc.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText)));
    }

    [Fact]
    public async Task Opening_another_administrations_organisation_or_FOKUS_answer_is_answered_not_found_and_logged()
    {
        var buf = await AdminId("BUF");
        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync("/Organisation/Administration/BUF")).StatusCode);
        Assert.True(await RefusalLoggedAsync("sof", "forvaltningen BUF"));
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Evaluations/Answer?year=2035&administration={buf}")).StatusCode);
        Assert.True(await RefusalLoggedAsync("sof", $"FOKUS-besvarelsen 2035 for forvaltning {buf}"));
        // The contact's own administration is not a refusal.
        var own = app.NewClient();
        await own.LoginOkAsync("buf");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/Organisation/Administration/BUF")).StatusCode);
        Assert.False(await RefusalLoggedAsync("buf", "forvaltningen BUF"));
    }
}
