using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;
using Tilsyn.Audits;
using Tilsyn.Extracts;
using Tilsyn.Organisation;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Extracts;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Tilsyn.Web.Tests.CaseAudits;

public sealed class CaseAuditTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private const string Source = "AuditTest";

    private static ClaimsPrincipal Advisor() => Tilsyn.Web.Demo.DemoPublishing.Advisor("Test");

    /// <summary>An extract of BUF's cases: unit i has 15·(i+1) day-care cases and 10 school cases (so strata differ in size).</summary>
    private async Task<(int ExtractId, int Buf, List<(string Key, int UnitId, string CaseType)> Rows)> ExtractAsync()
    {
        var buf = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        var units = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.AdministrationId == buf && u.Kind == OrgUnitKind.Unit).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync());
        var rows = new List<(string, int, string)>();
        var csv = new StringBuilder("case_id;administration;unit;kle;case_type;opened;decided;closed;status\n");
        for (var i = 0; i < units.Count; i++)
            for (var k = 0; k < 15 * (i + 1) + 10; k++)
            {
                var type = k < 15 * (i + 1) ? "Dagtilbud" : "Skole";
                var key = $"T-{units[i].Id}-{k:D3}";
                rows.Add((key, units[i].Id, type));
                csv.Append($"{key};BUF;{units[i].Name};28.09.04;{type};2026-0{1 + k % 6}-1{k % 9};;;Åben\n");
            }
        var existing = await app.WithDbAsync(db => db.Extracts.Where(x => x.Source == Source).Select(x => (int?)x.Id).FirstOrDefaultAsync());
        if (existing is { } id) return (id, buf, rows);
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ExtractImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            new ImportRequest(Source, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ErrorPolicy.RejectFile, new ColumnMap(), "audit.csv", "test"), null, CancellationToken.None);
        Assert.True(report.Imported, report.Message + string.Join(" ", report.FirstErrors));
        return (report.ExtractId!.Value, buf, rows);
    }

    private async Task<CaseAudit> CreateAsync(int extractId, int buf, long seed, SampleDesign design = SampleDesign.StratifiedProportional, int n = 40, string? caseType = "Dagtilbud")
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseAuditService>().CreateAsync(Advisor(), new AuditRequest($"Test {seed} {design}", PopulationSource.Extract, extractId, buf,
            null, null, caseType, null, null, design == SampleDesign.SimpleRandom ? StratifyBy.None : StratifyBy.Unit, design, n, seed), CancellationToken.None);
    }

    private Task<List<SampledCase>> CasesAsync(int auditId) =>
        app.WithDbAsync(db => db.Set<SampledCase>().Where(c => c.AuditId == auditId).OrderBy(c => c.CaseKey).ToListAsync());

    [Fact]
    public async Task The_same_seed_draws_the_same_cases_as_an_independent_redraw_and_allocation_follows_the_design()
    {
        var (extractId, buf, rows) = await ExtractAsync();
        var a = await CreateAsync(extractId, buf, 99);
        var b = await CreateAsync(extractId, buf, 99);
        var c = await CreateAsync(extractId, buf, 100);
        var sampleA = (await CasesAsync(a.Id)).Select(x => x.CaseKey).ToList();
        Assert.Equal(40, sampleA.Count);
        Assert.Equal(sampleA, (await CasesAsync(b.Id)).Select(x => x.CaseKey).ToList());
        Assert.NotEqual(sampleA, (await CasesAsync(c.Id)).Select(x => x.CaseKey).ToList());

        // Redrawn here from the file's rows, without the database: the same cases. The test runs on SQLite and on
        // PostgreSQL, so both databases give this same sample.
        var dayCare = rows.Where(r => r.CaseType == "Dagtilbud").ToList();
        var sizes = dayCare.GroupBy(r => r.UnitId.ToString()).ToDictionary(g => g.Key, g => (long)g.Count());
        var allocation = Allocation.Allocate(sizes, 40, SampleDesign.StratifiedProportional);
        var sampler = new PrioritySampler<string>(99, 40);
        foreach (var r in dayCare) sampler.Offer(r.UnitId.ToString(), r.Key, r.Key);
        Assert.Equal(sampler.Take(allocation).Select(x => x.Key).Order(StringComparer.Ordinal), sampleA.Order(StringComparer.Ordinal));

        // Proportional: the strata are the units with their day-care case counts, and n_h follows N_h.
        Assert.Equal(sizes.Count, a.Strata.Count);
        foreach (var s in a.Strata)
        {
            Assert.Equal(sizes[s.Key], s.PopulationSize);
            Assert.Equal(allocation[s.Key], s.SampleSize);
            Assert.Equal(s.SampleSize, (await CasesAsync(a.Id)).Count(x => x.Stratum == s.Key && x.UnitId.ToString() == s.Key));
        }
        Assert.True(a.Strata.Last().SampleSize > a.Strata.First().SampleSize); // the biggest unit gets more than the smallest

        // Equal: the same number from each unit.
        var equal = await CreateAsync(extractId, buf, 5, SampleDesign.StratifiedEqual, 8 * sizes.Count);
        Assert.All(equal.Strata, s => Assert.Equal(8, s.SampleSize));
        Assert.Equal(dayCare.Count, equal.PopulationSize);
    }

    private static async Task<List<List<string>>> ReadSheetAsync(byte[] xlsx)
    {
        await Task.Yield();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var ws = (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!);
        return ws.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)] : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList()).ToList();
    }

    private static async Task<byte[]> WriteSheetAsync(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var ms = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(ms))
        {
            await book.StartWorksheetAsync("Stikprøve");
            foreach (var r in rows) await book.AddRowAsync(r.Select(v => new DataCell(v)).ToArray());
            await book.FinishAsync();
        }
        return ms.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int auditId, byte[] xlsx)
    {
        var page = $"/CaseAudits/Details?id={auditId}";
        var token = await client.AntiforgeryTokenAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "sheet", "udfyldt.xlsx");
        return await client.PostAsync($"/CaseAudits/Details?handler=Sheet&id={auditId}", form);
    }

    [Fact]
    public async Task The_sample_goes_out_as_a_workbook_and_comes_back_all_or_nothing_with_every_error_named_by_cell()
    {
        var (extractId, buf, _) = await ExtractAsync();
        var audit = await CreateAsync(extractId, buf, 7, n: 12);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var download = await advisor.GetAsync($"/CaseAudits/Details?id={audit.Id}&handler=Sheet");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var sheet = await ReadSheetAsync(await download.Content.ReadAsByteArrayAsync());
        var header = sheet[0];
        Assert.Equal("Sags-id", header[0]);
        Assert.Contains(header, h => h.Contains("Forvaltningsloven § 19"));
        Assert.Equal(12, sheet.Count - 1);
        var keys = sheet.Skip(1).Select(r => r[0]).ToList();
        Assert.Equal((await CasesAsync(audit.Id)).Select(c => c.CaseKey).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));

        // Filled: every question answered; hearing (column F) "Ikke opfyldt" with a comment in the first row.
        var questions = AuditChecklist.Current.Questions.Count;
        List<string> Filled(string key, int row)
        {
            var r = new List<string> { key, "", "", "", "" };
            for (var q = 0; q < questions; q++) { r.Add(q == 0 && row == 0 ? "Ikke opfyldt" : q == questions - 1 ? "ikke relevant" : "Opfyldt"); r.Add(q == 0 && row == 0 ? "Ingen partshøring" : ""); }
            return r;
        }
        var good = await WriteSheetAsync([header, .. keys.Select((k, i) => (IReadOnlyList<string>)Filled(k, i))]);
        var ok = await UploadAsync(advisor, audit.Id, good);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await CasesAsync(audit.Id);
        Assert.All(stored, c => Assert.Equal(questions, c.Answers.Count));
        var first = stored.Single(c => c.CaseKey == keys[0]);
        Assert.Equal(AuditAnswer.NotMet, first.Answers["hearing"].Answer);
        Assert.Equal("Ingen partshøring", first.Answers["hearing"].Comment);

        // Three errors in three cells: an unknown case id (A3), an answer outside the list (H4), a comment (G5) without its answer (F5).
        var bad = new List<IReadOnlyList<string>> { header };
        for (var i = 0; i < keys.Count; i++)
        {
            var r = Filled(keys[i], 1);
            if (i == 1) r[0] = "SAG-FINDES-IKKE";
            if (i == 2) r[7] = "Ja" + new string('x', 100_000); // a cell of 100 000 characters is quoted cut short, not echoed whole
            if (i == 3) { r[5] = ""; r[6] = "Kommentar uden svar"; }
            if (i == 4) r[5] = "Ikke opfyldt"; // a valid change that must not be imported with the errors
            bad.Add(r);
        }
        var rejected = await UploadAsync(advisor, audit.Id, await WriteSheetAsync(bad));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var text = WebUtility.HtmlDecode(await rejected.Content.ReadAsStringAsync());
        Assert.Contains("Celle A3: sags-id 'SAG-FINDES-IKKE' er ikke i stikprøven.", text);
        Assert.Contains("Celle H4: 'Jaxxx", text);
        Assert.Contains("…' (100 002 tegn) er ikke et gyldigt svar", text);
        Assert.DoesNotContain(new string('x', 1000), text);
        Assert.Contains("Celle F5: skriv et svar til bemærkningen i G5.", text);
        Assert.Equal(AuditAnswer.Met, (await CasesAsync(audit.Id)).Single(c => c.CaseKey == keys[4]).Answers["hearing"].Answer); // nothing half-imported

        // A changed column is named by its cell too.
        var renamed = header.ToList();
        renamed[5] = "Partshøring";
        var changed = await UploadAsync(advisor, audit.Id, await WriteSheetAsync([renamed, .. keys.Select((k, i) => (IReadOnlyList<string>)Filled(k, i))]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("Celle F1: kolonnen skal hedde", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Results_show_intervals_and_a_finding_becomes_a_recommendation_linked_to_the_audit()
    {
        var (extractId, buf, _) = await ExtractAsync();
        var audit = await CreateAsync(extractId, buf, 11, n: 20);
        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<CaseAuditService>();
            var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
            var i = 0;
            foreach (var c in await db.Set<SampledCase>().Where(c => c.AuditId == audit.Id).OrderBy(c => c.CaseKey).ToListAsync())
                await service.RecordAsync(Advisor(), audit, c, new Dictionary<string, AuditCell> { ["hearing"] = new(i++ < 15 ? AuditAnswer.Met : AuditAnswer.NotMet, null) }, CancellationToken.None);
        }
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/CaseAudits/Results?id={audit.Id}"));
        // Hearing met in 15 of 20: Wilson 95 % interval 53–89 % (centre (15 + 1.92)/(20 + 3.84) = 0.710, half-width 1.96·√(0.75·0.25/20 + 3.84/1600)/1.192 = 0.181).
        Assert.Contains("75 % (53 %–89 %)", page);

        var post = await advisor.PostFormAsync($"/CaseAudits/Results?id={audit.Id}", $"/CaseAudits/Results?handler=Recommend&id={audit.Id}", new()
        {
            ["question"] = "hearing", ["text"] = "Sørg for partshøring i dagtilbudssager.", ["due"] = app.Clock.GetUtcNow().AddDays(90).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var rec = await app.WithDbAsync(db => db.Recommendations.SingleAsync(r => r.Text == "Sørg for partshøring i dagtilbudssager."));
        Assert.Equal(Tilsyn.Recommendations.RecommendationSource.CaseAudit, rec.Source);
        Assert.Equal(buf, rec.AdministrationId);
        Assert.StartsWith($"Sagsaudit #{audit.Id},", rec.SourceReference);
        Assert.Contains($"/Recommendations/Details?id={rec.Id}", await advisor.GetStringAsync($"/CaseAudits/Results?id={audit.Id}"));
    }

    [Fact]
    public async Task Another_administrations_contact_sees_nothing_of_BUFs_audits_and_Leadership_sees_results_but_no_cases()
    {
        var (extractId, buf, _) = await ExtractAsync();
        var audit = await CreateAsync(extractId, buf, 21, n: 10);
        var someCase = (await CasesAsync(audit.Id)).First();

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.DoesNotContain(audit.Title, await sof.GetStringAsync("/CaseAudits"));
        foreach (var url in new[] { $"/CaseAudits/Details?id={audit.Id}", $"/CaseAudits/Results?id={audit.Id}", $"/CaseAudits/Details?id={audit.Id}&handler=Sheet", $"/CaseAudits/Case?id={someCase.Id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync(url)).StatusCode);
        var create = await sof.PostFormAsync("/CaseAudits", "/CaseAudits", new()
        {
            ["Form.Title"] = "Snyd", ["Form.Source"] = "Extract", ["Form.ExtractId"] = extractId.ToString(), ["Form.AdministrationId"] = buf.ToString(),
            ["Form.Design"] = "simple", ["Form.SampleSize"] = "5",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, create.StatusCode);
        Assert.Contains("kun auditere din egen forvaltnings sager", WebUtility.HtmlDecode(await create.Content.ReadAsStringAsync()));

        var bufContact = app.NewClient();
        await bufContact.LoginOkAsync("buf");
        Assert.Contains(audit.Title, await bufContact.GetStringAsync("/CaseAudits"));
        Assert.Contains(someCase.CaseKey, await bufContact.GetStringAsync($"/CaseAudits/Details?id={audit.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await bufContact.GetAsync($"/CaseAudits/Case?id={someCase.Id}")).StatusCode); // the advisor's audit: BUF reads, does not answer

        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        Assert.Equal(HttpStatusCode.OK, (await leadership.GetAsync($"/CaseAudits/Results?id={audit.Id}")).StatusCode);
        var details = await leadership.GetStringAsync($"/CaseAudits/Details?id={audit.Id}");
        Assert.DoesNotContain(someCase.CaseKey, details);
        Assert.Equal(HttpStatusCode.NotFound, (await leadership.GetAsync($"/CaseAudits/Details?id={audit.Id}&handler=Sheet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leadership.GetAsync($"/CaseAudits/Case?id={someCase.Id}")).StatusCode);
        var recommend = await leadership.PostFormAsync($"/CaseAudits/Results?id={audit.Id}", $"/CaseAudits/Results?handler=Recommend&id={audit.Id}", new() { ["question"] = "hearing", ["text"] = "x", ["due"] = "2099-01-01" });
        Assert.Equal(HttpStatusCode.Redirect, recommend.StatusCode);
        Assert.Contains("/Account/AccessDenied", recommend.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Answers_from_a_page_loaded_before_a_colleagues_answers_are_refused_and_the_colleagues_answers_stand()
    {
        var (extractId, buf, _) = await ExtractAsync();
        var audit = await CreateAsync(extractId, buf, 31, n: 10);
        var sampled = (await CasesAsync(audit.Id)).First();
        var page = $"/CaseAudits/Case?id={sampled.Id}";
        var a = app.NewClient();
        var b = app.NewClient();
        await a.LoginOkAsync("sagsbehandler");
        await b.LoginOkAsync("sagsbehandler");
        var shownToA = await a.ShownVersionAsync(page);
        var shownToB = await b.ShownVersionAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, (await b.PostFormAsync(page, page, new() { ["answer-hearing"] = "Met", ["comment-hearing"] = "Partshørt", ["version"] = shownToB })).StatusCode);
        var stale = await a.PostFormAsync(page, page, new() { ["answer-hearing"] = "NotMet", ["comment-hearing"] = "", ["version"] = shownToA });

        await VersionField.AssertStaleAsync(stale, "Svarene for sagen");
        var stored = await app.WithDbAsync(db => db.Set<SampledCase>().SingleAsync(c => c.Id == sampled.Id));
        Assert.Equal(AuditAnswer.Met, stored.Answers["hearing"].Answer);

        // Having reloaded, A answers (no false conflict).
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync(page, page, new() { ["answer-hearing"] = "NotMet", ["comment-hearing"] = "", ["version"] = await a.ShownVersionAsync(page) })).StatusCode);
        Assert.Equal(AuditAnswer.NotMet, (await app.WithDbAsync(db => db.Set<SampledCase>().SingleAsync(c => c.Id == sampled.Id))).Answers["hearing"].Answer);
    }
}
