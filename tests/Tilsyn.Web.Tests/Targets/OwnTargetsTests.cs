using System.Collections.Concurrent;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Targets;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Targets;

namespace Tilsyn.Web.Tests.Targets;

/// <summary>The application with a listener that records "targets submitted" (the hook notifications connect to).</summary>
public sealed class TargetsApp : TilsynApp
{
    public ConcurrentQueue<TargetsSubmitted> Submitted { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITargetSubmissionListener>();
            services.AddSingleton<ITargetSubmissionListener>(new Recorder(Submitted));
        });
    }

    private sealed class Recorder(ConcurrentQueue<TargetsSubmitted> into) : ITargetSubmissionListener
    {
        public Task TargetsSubmittedAsync(TargetsSubmitted submitted, CancellationToken ct)
        {
            into.Enqueue(submitted);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The administrations' own targets (issue 15, point 3): BUF records targets for two KLE groups and a
/// reasoned "no target" for a third and submits them; the advisor is told (the listener) and sees them;
/// the annual report draft shows them; other administrations see nothing, readers change nothing; and
/// the status of BIF's targets on a data set worked out by hand.
/// </summary>
public sealed class OwnTargetsTests(TargetsApp app) : IClassFixture<TargetsApp>
{
    private const string BufReason = "Klagemuligheden er en retssikkerhedsgaranti for borgerne, som ikke bør begrænses af måltal.";

    private Task<int> AdminIdAsync(string code) => app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static Dictionary<string, string> Form(string kle, string rule, string decidedBy = "Børne- og Ungdomsudvalget", Action<Dictionary<string, string>>? more = null)
    {
        var f = new Dictionary<string, string>
        {
            ["Form.AreaKind"] = "Kle", ["Form.Kle"] = kle, ["Form.Rule"] = rule, ["Form.Measure"] = "PerThousandCases",
            ["Form.DecidedOn"] = "2026-09-15", ["Form.DecidedBy"] = decidedBy, ["Form.FirstYear"] = "2026", ["Form.LastYear"] = "2027", ["version"] = "0",
        };
        more?.Invoke(f);
        return f;
    }

    [Fact]
    public async Task BUF_records_targets_for_two_KLE_groups_and_a_reasoned_no_target_submits_them_and_the_annual_report_draft_shows_them()
    {
        var buf = await AdminIdAsync("BUF");
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var newPage = $"/Targets/Edit?administration={buf}";

        // A missing field is refused with its name, and nothing is stored.
        var refused = await contact.PostFormAsync(newPage, newPage, Form("28.09", "Ceiling", decidedBy: "", more: f => f["Form.Ceiling"] = "4,5"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Feltet 'Besluttet af' skal udfyldes.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var badYear = await contact.PostFormAsync(newPage, newPage, Form("17.03", "Reduction", more: f => { f["Form.BaselineYear"] = "seksten"; f["Form.Percent"] = "20"; }));
        Assert.Contains("Feltet 'Basisår' skal være et årstal", WebUtility.HtmlDecode(await badYear.Content.ReadAsStringAsync()));
        // (Another test of the class keeps a BUF target for 2030.)
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AdministrationTarget>().CountAsync(t => t.AdministrationId == buf && t.FirstYear == 2026)));

        // Two KLE groups with targets, a third with a reasoned "no target".
        Assert.Equal(HttpStatusCode.Redirect, (await contact.PostFormAsync(newPage, newPage, Form("28.09", "Ceiling", more: f => f["Form.Ceiling"] = "4,5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await contact.PostFormAsync(newPage, newPage, Form("17.03", "Reduction", more: f =>
        {
            f["Form.Measure"] = "Count"; f["Form.BaselineYear"] = "2025"; f["Form.Percent"] = "20";
        }))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await contact.PostFormAsync(newPage, newPage, Form("28.77", "NoTarget", more: f => f["Form.Reason"] = BufReason))).StatusCode);

        var own = WebUtility.HtmlDecode(await contact.GetStringAsync($"/Targets/Administration?id={buf}&year=2026"));
        Assert.Contains("KLE 28.09", own);
        Assert.Contains("Højst 4,5 formalitetsklager pr. 1.000 sager", own);
        Assert.Contains("Nedbring antallet af formalitetsklager med 20 % i forhold til 2025", own);
        Assert.Contains("Intet måltal: " + BufReason, own);
        Assert.Equal(3, CountOf(own, ">Kladde<"));

        // Submit: all three at once, the listener hears it once; a second submit has nothing to send.
        var page = $"/Targets/Administration?id={buf}&year=2026";
        Assert.Equal(HttpStatusCode.Redirect, (await contact.PostFormAsync(page, $"/Targets/Administration?handler=Submit&id={buf}&year=2026", [])).StatusCode);
        var heard = Assert.Single(app.Submitted, s => s.AdministrationId == buf);
        Assert.Equal(("BUF", "Lene Mortensen"), (heard.AdministrationCode, heard.By));
        var recorded = await app.WithDbAsync(db => db.Set<AdministrationTarget>().Where(t => t.AdministrationId == buf && t.FirstYear == 2026).ToListAsync());
        Assert.Equal(3, recorded.Count);
        Assert.Subset(heard.TargetIds.ToHashSet(), recorded.Select(t => t.Id).ToHashSet());
        Assert.All(recorded, t => Assert.Equal((TargetState.Submitted, app.Clock.GetUtcNow()), (t.State, t.SubmittedAt!.Value)));
        var again = await contact.PostFormAsync($"/Targets/Edit?administration={buf}", $"/Targets/Administration?handler=Submit&id={buf}&year=2026", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Der er ingen kladder at indsende.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        // The advisor sees every administration's targets with their state.
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var all = WebUtility.HtmlDecode(await advisor.GetStringAsync("/Targets?year=2026"));
        Assert.Contains("Intet måltal: " + BufReason, all);
        Assert.Equal(3, CountOf(all, "<td>Indsendt "));

        // The annual report draft: page, PDF and DOCX.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync("/AnnualReports", "/AnnualReports", new() { ["year"] = "2026" })).StatusCode);
        var html = WebUtility.HtmlDecode(await advisor.GetStringAsync("/AnnualReports/View?year=2026"));
        var pdf = Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await advisor.GetByteArrayAsync("/AnnualReports/View?year=2026&handler=Pdf"));
        string docx;
        using (var word = WordprocessingDocument.Open(new MemoryStream(await advisor.GetByteArrayAsync("/AnnualReports/View?year=2026&handler=Docx")), false))
            docx = string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        foreach (var text in new[] { html, Flat(pdf), docx })
        {
            Assert.Contains("Forvaltningernes måltal for klager", text);
            Assert.Contains("Begrundede fravalg af måltal", text);
            Assert.Contains("KLE 28.09", text);
            Assert.Contains("KLE 17.03", text);
            Assert.Contains("BUF, KLE 28.77 (2026–2027): intet måltal, besluttet 15.9.2026 af Børne- og Ungdomsudvalget.", Flat(text));
            Assert.Contains("retssikkerhedsgaranti", text);
        }
    }

    [Fact]
    public async Task Another_administration_gets_404_on_BUFs_targets_and_readers_cannot_change_them()
    {
        var buf = await AdminIdAsync("BUF");
        var sofId = await AdminIdAsync("SOF");
        var target = await app.WithDbAsync(async db =>
        {
            var t = AdministrationTarget.Record(ComplaintTarget.Ceiling(buf, TargetArea.Kle("05.09"), TargetMeasure.Count, 10, new DateOnly(2026, 1, 5), "Børne- og Ungdomsudvalget", new DateOnly(2026, 11, 3)),
                2030, 2030, false, app.Clock.GetUtcNow(), "Lene Mortensen");
            t.Submit(app.Clock.GetUtcNow(), "Lene Mortensen");
            db.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });

        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        foreach (var path in new[] { $"/Targets/Administration?id={buf}", $"/Targets/Edit?administration={buf}", $"/Targets/Edit?administration={buf}&id={target}", $"/Targets/Year?administration={buf}",
                     $"/Targets/Edit?administration={sofId}&id={target}" })
            Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync(path)).StatusCode);
        var sofPage = $"/Targets/Edit?administration={sofId}";
        Assert.Equal(HttpStatusCode.NotFound, (await sof.PostFormAsync(sofPage, $"/Targets/Edit?administration={buf}&id={target}", Form("28.09", "Ceiling", more: f => f["Form.Ceiling"] = "99"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sof.PostFormAsync(sofPage, $"/Targets/Edit?administration={buf}", Form("28.09", "Ceiling", more: f => f["Form.Ceiling"] = "99"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sof.PostFormAsync(sofPage, $"/Targets/Edit?handler=Delete&administration={buf}&id={target}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sof.PostFormAsync(sofPage, $"/Targets/Administration?handler=Submit&id={buf}", [])).StatusCode);
        // SOF's overview is its own administration's page.
        Assert.Equal($"/Targets/Administration?id={sofId}", (await sof.GetAsync("/Targets")).Headers.Location?.OriginalString);

        // Leadership and the advisor's staff read BUF's targets but may not change them.
        foreach (var user in new[] { "ledelse", "sagsbehandler" })
        {
            var reader = app.NewClient();
            await reader.LoginOkAsync(user);
            var page = await reader.GetStringAsync($"/Targets/Administration?id={buf}&year=2030");
            Assert.Contains("KLE 05.09", page);
            Assert.DoesNotContain("/Targets/Edit", page);
            Assert.DoesNotContain("Indsend måltal", page);
            Assert.Contains("/Account/AccessDenied", (await reader.GetAsync($"/Targets/Edit?administration={buf}&id={target}")).Headers.Location?.OriginalString);
            var post = await reader.PostFormAsync($"/Targets/Administration?id={buf}", $"/Targets/Edit?administration={buf}&id={target}", Form("28.09", "Ceiling", more: f => f["Form.Ceiling"] = "99"));
            Assert.Contains("/Account/AccessDenied", post.Headers.Location?.OriginalString);
            var submit = await reader.PostFormAsync($"/Targets/Administration?id={buf}", $"/Targets/Administration?handler=Submit&id={buf}", []);
            Assert.Contains("/Account/AccessDenied", submit.Headers.Location?.OriginalString);
        }
        var stored = await app.WithDbAsync(db => db.Set<AdministrationTarget>().AsNoTracking().SingleAsync(t => t.Id == target));
        Assert.Equal((10.0, TargetState.Submitted), (stored.CeilingValue!.Value, stored.State));

        // BUF's own contact: a save from a form loaded before a colleague's save is refused (409).
        var a = app.NewClient();
        await a.LoginOkAsync("buf");
        var edit = $"/Targets/Edit?administration={buf}&id={target}";
        var shown = await a.ShownVersionAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync(edit, edit, Form("05.09", "Ceiling", more: f => { f["Form.Ceiling"] = "8"; f["Form.FirstYear"] = "2030"; f["Form.LastYear"] = "2030"; f["version"] = shown; }))).StatusCode);
        await VersionField.AssertStaleAsync(await a.PostFormAsync(edit, edit, Form("05.09", "Ceiling", more: f => { f["Form.Ceiling"] = "7"; f["Form.FirstYear"] = "2030"; f["Form.LastYear"] = "2030"; f["version"] = shown; })), "Oplysningerne");
        // The change stored; a submitted target changed is a draft again, to be submitted anew.
        var changed = await app.WithDbAsync(db => db.Set<AdministrationTarget>().AsNoTracking().SingleAsync(t => t.Id == target));
        Assert.Equal((8.0, TargetState.Draft, true), (changed.CeilingValue!.Value, changed.State, changed.ChangedSinceSubmitted));
    }

    [Fact]
    public async Task Status_of_BIFs_targets_on_a_data_set_worked_out_by_hand()
    {
        var bif = await AdminIdAsync("BIF");
        var sof = await AdminIdAsync("SOF");
        var at = (int y, int m, int d) => new DateTimeOffset(y, m, d, 11, 0, 0, TimeSpan.Zero);
        var worker = new Actor(null, "Test");
        var (linkedTo, targets) = await app.WithDbAsync(async db =>
        {
            ComplaintCase Advisor(DateTimeOffset when, string kle, ComplaintCategory category, int admin)
            {
                var c = CaseBuilder.ACase().ReceivedAt(when).For(admin).Build();
                c.Classify(CaseType.Complaint, admin, null, kle, [category], when, worker);
                db.Cases.Add(c);
                return c;
            }
            // Baseline 2024: 10 formal complaints (the first on 1 January, so Tilsyn's data cover the year), and a service complaint that does not count.
            Advisor(at(2024, 1, 1), "15.20", ComplaintCategory.Hearing, bif);
            for (var m = 2; m <= 10; m++) Advisor(at(2024, m, 10), "15.20", ComplaintCategory.Hearing, bif);
            Advisor(at(2024, 6, 1), "15.20", ComplaintCategory.ServiceLevel, bif);
            // 2025: formal complaints on 5, 12 and 20 January, 7 and 21 July, 10 November (KLE 15.20) and 3 March in BIF's own register (KLE 32.01) = 7.
            Advisor(at(2025, 1, 5), "15.20", ComplaintCategory.Hearing, bif);
            var jan12 = Advisor(at(2025, 1, 12), "15.20", ComplaintCategory.Hearing, bif);
            Advisor(at(2025, 1, 20), "15.20", ComplaintCategory.Hearing, bif);
            Advisor(at(2025, 7, 7), "15.20", ComplaintCategory.Hearing, bif);
            Advisor(at(2025, 7, 21), "15.20", ComplaintCategory.Hearing, bif);
            Advisor(at(2025, 11, 10), "15.20", ComplaintCategory.Hearing, bif);
            // Not counted: a service complaint in February, and SOF's complaint in April.
            Advisor(at(2025, 2, 14), "15.20", ComplaintCategory.ServiceLevel, bif);
            Advisor(at(2025, 4, 1), "15.20", ComplaintCategory.Hearing, sof);
            var own = ComplaintCase.ForAdministration(bif, 2025, 9_100_001, CaseType.Complaint, Channel.Email, Citizen(), "Egen klage", "Egen klage", at(2025, 3, 3), new DateOnly(2025, 3, 17), worker);
            own.Classify(CaseType.Complaint, bif, null, "32.01", [ComplaintCategory.Hearing], at(2025, 3, 3), worker);
            db.Cases.Add(own);
            // Volumes: KLE 15.20 had 400 cases a quarter in 2025 (1,600 in the year); KLE 32.01 1,000 in Q1 (not in the area).
            var extract = new Extract { Source = "test-mål", PeriodFrom = new(2025, 1, 1), PeriodTo = new(2025, 12, 31), FileName = "t.csv", ImportedAt = app.Clock.GetUtcNow(), ImportedBy = "test" };
            db.Add(extract);
            await db.SaveChangesAsync();
            for (var q = 1; q <= 4; q++) db.KpiCells.Add(new KpiCell { ExtractId = extract.Id, AdministrationId = bif, UnitId = 1, KleGroup = "15.20", CaseType = "Sygedagpenge", Year = 2025, Quarter = q, Opened = 400 });
            db.KpiCells.Add(new KpiCell { ExtractId = extract.Id, AdministrationId = bif, UnitId = 1, KleGroup = "32.01", CaseType = "Kontanthjælp", Year = 2025, Quarter = 1, Opened = 1000 });
            await db.SaveChangesAsync();
            // BIF's own register also holds an entry for the advisor's case of 12 January: the same complaint, counted once.
            var linked = ComplaintCase.ForAdministration(bif, 2025, 9_100_002, CaseType.Complaint, Channel.Email, Citizen(), "Samme klage", "Samme klage", at(2025, 1, 13), new DateOnly(2025, 1, 27), worker);
            linked.Classify(CaseType.Complaint, bif, null, "15.20", [ComplaintCategory.Hearing], at(2025, 1, 13), worker);
            linked.LinkToAdvisorCase(jan12, at(2025, 1, 13), worker);
            db.Cases.Add(linked);

            var today = new DateOnly(2026, 11, 3);
            const string by = "Beskæftigelses- og Integrationsudvalget";
            var reduction = AdministrationTarget.Record(ComplaintTarget.Reduction(bif, TargetArea.WholeAdministration, TargetMeasure.Count, 2024, 20, new DateOnly(2024, 12, 1), by, today), 2025, 2025, true, app.Clock.GetUtcNow(), "t");
            var perThousand = AdministrationTarget.Record(ComplaintTarget.Ceiling(bif, TargetArea.Kle("15.20"), TargetMeasure.PerThousandCases, 5, new DateOnly(2024, 12, 1), by, today), 2025, 2025, false, app.Clock.GetUtcNow(), "t");
            var caseType = AdministrationTarget.Record(ComplaintTarget.Ceiling(bif, TargetArea.ForCaseType("Sygedagpenge"), TargetMeasure.PerThousandCases, 5, new DateOnly(2024, 12, 1), by, today), 2025, 2025, false, app.Clock.GetUtcNow(), "t");
            var none = AdministrationTarget.Record(ComplaintTarget.NoTarget(bif, TargetArea.Kle("15.25"), "For få sager til et meningsfuldt måltal.", new DateOnly(2024, 12, 1), by, today), 2025, 2025, false, app.Clock.GetUtcNow(), "t");
            db.AddRange(reduction, perThousand, caseType, none);
            await db.SaveChangesAsync();
            return (linked.Id, (reduction.Id, perThousand.Id, caseType.Id, none.Id));
        });
        Assert.True(linkedTo > 0);

        using var scope = app.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<OwnTargetStatusQuery>();
        var rows = (await query.ForAsync(bif, ReportingPeriod.ForYear(2025), CancellationToken.None)).ToDictionary(r => r.Target.Id);

        // Reduction of 20 % from 2024: baseline 10 formal complaints -> at most 10 * 0.8 = 8 in 2025. Counted 7
        // (3 in January, the linked entry of 12 January not again, 1 in March in BIF's own register, 2 in July, 1 in November) -> met.
        var reduction = rows[targets.Item1];
        Assert.Equal((TargetOutcome.Met, 7.0, 8.0, 10.0), (reduction.Status.Outcome, reduction.Status.Actual!.Value, reduction.Status.Allowed!.Value, reduction.Status.Baseline!.Value));
        // Result contract: half-years prorated by days. H1 (181 days): 4 complaints vs 8 * 181/365 = 3.967 -> not met.
        // H2 (184 days): 3 vs 8 * 184/365 = 4.033 -> met.
        var year = reduction.Year!;
        Assert.Equal((TargetOutcome.NotMet, 4.0), (year.HalfYears[0].Outcome, year.HalfYears[0].Actual!.Value));
        Assert.Equal(8 * 181 / 365.0, year.HalfYears[0].Allowed!.Value, 9);
        Assert.Equal((TargetOutcome.Met, 3.0), (year.HalfYears[1].Outcome, year.HalfYears[1].Actual!.Value));
        // Months: January 3 vs 8 * 31/365 = 0.679 -> not met; February 0 (the service complaint does not count) -> met; March 1 -> not met.
        Assert.Equal([TargetOutcome.NotMet, TargetOutcome.Met, TargetOutcome.NotMet], year.Months.Take(3).Select(m => m.Outcome));
        Assert.Equal([3.0, 0.0, 1.0], year.Months.Take(3).Select(m => m.Actual!.Value));
        // Cumulative from 1 January: through June 4 vs 8 * 181/365 = 3.967 -> not met; through November (334 days) 7 vs 8 * 334/365 = 7.32 -> met.
        Assert.Equal(TargetOutcome.NotMet, year.YearToDateByMonth[5].Outcome);
        Assert.Equal((TargetOutcome.Met, 7.0), (year.YearToDateByMonth[10].Outcome, year.YearToDateByMonth[10].Actual!.Value));
        Assert.Equal(TargetOutcome.Met, year.Year.Outcome);

        // KLE 15.20 at most 5 per 1,000 cases: 6 complaints (the March one is KLE 32.01) / 1,600 cases * 1,000 = 3.75 -> met.
        var perThousand = rows[targets.Item2];
        Assert.Equal((TargetOutcome.Met, 6, 1600L), (perThousand.Status.Outcome, perThousand.Status.Complaints!.Value, perThousand.Status.Cases!.Value));
        Assert.Equal(3.75, perThousand.Status.Actual!.Value, 9);
        // Q1 2025 alone: 3 complaints / 400 cases * 1,000 = 7.5 > 5 -> not met.
        var q1 = (await query.ForAsync(bif, ReportingPeriod.ForQuarter(2025, 1), CancellationToken.None)).Single(r => r.Target.Id == targets.Item2);
        Assert.Equal((TargetOutcome.NotMet, 7.5), (q1.Status.Outcome, q1.Status.Actual!.Value));
        // January alone: the extracts have quarters, not months -> no volume -> cannot be measured (never "met").
        var months = await query.YearAsync(perThousand.Target, 2025, CancellationToken.None);
        Assert.Equal(TargetOutcome.CannotBeMeasured, months.Months[0].Outcome);

        // A case type: complaints carry no case type -> cannot be measured. The reasoned decision -> no target.
        Assert.Equal(TargetOutcome.CannotBeMeasured, rows[targets.Item3].Status.Outcome);
        Assert.Equal(TargetOutcome.NoTarget, rows[targets.Item4].Status.Outcome);

        // The page shows the same.
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Targets/Administration?id={bif}&year=2025"));
        Assert.Contains("7 klager mod højst 8.", page);
        Assert.Contains("3,75 klager pr. 1.000 sager mod højst 5.", page);
        var yearPage = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Targets/Year?administration={bif}&year=2025"));
        Assert.Contains("1. halvår 2025", yearPage);
        Assert.Contains("4 klager mod højst 4.", yearPage);
    }

    private static Citizen Citizen() => new("Anna Testesen", null, null, null, null, null);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
