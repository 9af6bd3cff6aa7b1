using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Extracts;
using Tilsyn.Statistics;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Tests.Extracts;

public sealed class StatisticsTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task Complaints_per_thousand_and_on_time_share_match_a_hand_computation()
    {
        // TMF, unit Parkeringskontrol: 2,000 cases opened in 2025 Q1, all decided after 10 days;
        // deadline for 'Parkering' is 2 weeks (14 days) -> on time 100 %. 3 complaints against the unit in Q1 -> 3 / 2,000 * 1,000 = 1.5.
        var tmf = await app.WithDbAsync(db => db.Administrations.SingleAsync(a => a.Code == "TMF"));
        var unit = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Name == "Parkeringskontrol"));
        await app.WithDbAsync(async db =>
        {
            db.Add(new ProcessingDeadline { AdministrationId = tmf.Id, CaseType = "Parkering", Amount = 2, InWeeks = true });
            for (var i = 0; i < 3; i++)
            {
                var at = new DateTimeOffset(2025, 2, 10 + i, 10, 0, 0, TimeSpan.Zero);
                var c = CaseBuilder.ACase().Numbered(2025, 900 + i).From("P").About("Afgift").ReceivedAt(at).FirstAnswerDue(new DateOnly(2025, 3, 1)).For(tmf.Id).Build();
                c.Classify(CaseType.Complaint, tmf.Id, unit.Id, "05.09.04", [ComplaintCategory.NoAnswer], at, Actor.System);
                db.Cases.Add(c);
            }
            return await db.SaveChangesAsync();
        });
        var csv = new StringBuilder("case_id;administration;unit;kle;case_type;opened;decided\n");
        for (var i = 0; i < 2000; i++)
        {
            var opened = new DateOnly(2025, 1, 1).AddDays(i % 60); // 1 Jan - 1 Mar
            csv.Append($"P{i};TMF;Parkeringskontrol;05.09.04;Parkering;{opened:yyyy-MM-dd};{opened.AddDays(10):yyyy-MM-dd}\n");
        }
        using (var scope = app.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ExtractImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
                new ImportRequest("TMF-system", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), ErrorPolicy.RejectFile, new ColumnMap(), "tmf.csv", "Test"), null, CancellationToken.None);
            Assert.True(report.Imported, string.Join(" | ", report.FirstErrors.Take(3)));
        }

        using var s = app.Services.CreateScope();
        var stats = s.ServiceProvider.GetRequiredService<StatisticsQueries>();
        var rows = await stats.ByUnitAsync(tmf.Id, new Quarter(2025, 1), new Quarter(2025, 1), CancellationToken.None);
        var row = rows.Single(r => r.Name == "Parkeringskontrol");
        Assert.Equal(2000, row.Opened);
        Assert.Equal(3, row.Complaints);
        Assert.Equal(1.5, row.PerThousand);
        Assert.Equal(1.0, row.OnTimeShare);

        // Targets: at most 1.0 complaints per 1,000 (actual 1.5: deviates); at least 95 % on time (actual 100 %: met).
        await app.WithDbAsync(async db =>
        {
            db.Add(new Target { AdministrationId = tmf.Id, Kind = TargetKind.MaxComplaintsPerThousand, Value = 1.0 });
            db.Add(new Target { AdministrationId = tmf.Id, Kind = TargetKind.MinOnTimePercent, Value = 95 });
            return await db.SaveChangesAsync();
        });
        var evaluation = await s.ServiceProvider.GetRequiredService<TargetEvaluation>().EvaluateAsync(new Quarter(2025, 1), new Quarter(2025, 1), CancellationToken.None);
        var rate = evaluation.Single(t => t.Target.Kind == TargetKind.MaxComplaintsPerThousand);
        Assert.True(rate.Deviates);
        Assert.Equal(1.5, rate.Actual);
        var onTime = evaluation.Single(t => t.Target.Kind == TargetKind.MinOnTimePercent);
        Assert.False(onTime.Deviates);
        Assert.Equal(100, onTime.Actual);

        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        var page = await leadership.GetStringAsync("/Statistics?administration=TMF");
        Assert.Contains("Afviger", page);
        // By category: the three complaints are all 'Manglende svar' at Parkeringskontrol: 3 (1,50 per 1,000).
        var categoryTable = System.Text.RegularExpressions.Regex.Replace(page[page.IndexOf("id=\"kategorier\"", StringComparison.Ordinal)..], @">\s+<", "><");
        Assert.Contains("<th scope=\"col\">Manglende svar</th>", categoryTable);
        Assert.Contains("<td>Parkeringskontrol</td><td>3 (1,50)</td>", categoryTable);
        Assert.DoesNotContain("/Cases?unitId=", page); // aggregates only: no drill-down to cases for Leadership
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains($"/Cases?unitId={unit.Id}", await advisor.GetStringAsync("/Statistics?administration=TMF"));

        // The unit's own dashboard: one row per case type and KLE group, and the unit's totals.
        var unitPage = System.Text.RegularExpressions.Regex.Replace(await leadership.GetStringAsync($"/Statistics?unit={unit.Id}"), @">\s+<", "><");
        Assert.Contains("Ledelsesinformation – Parkeringskontrol (TMF)", unitPage);
        Assert.Contains("<td>Parkering · KLE 05.09</td><td>2.000</td><td>2.000</td><td>10,0</td>", unitPage);
        Assert.Contains("I alt: 2.000 sager oprettet, 3 klager (1,50 pr. 1.000)", unitPage);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await leadership.GetAsync("/Statistics?unit=999999")).StatusCode);

        // Exports: CSV and XLSX of the table, the cube as JSON; the API is described in OpenAPI and closed to anonymous users.
        var csvExport = Encoding.UTF8.GetString(await leadership.GetByteArrayAsync("/api/statistics/kpi?format=csv&administration=TMF"));
        Assert.Contains("Enhed;Sager oprettet;Afgjort;Median dage", csvExport);
        Assert.Contains("Parkeringskontrol;2000;2000;10;10;1;3;1,5", csvExport);
        var xlsx = await leadership.GetByteArrayAsync("/api/statistics/kpi?format=xlsx&administration=TMF");
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
        {
            var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
            Assert.Contains("Parkeringskontrol", sheet);
        }
        using var cube = System.Text.Json.JsonDocument.Parse(await leadership.GetStringAsync("/api/statistics/cube?administration=TMF&fromYear=2025&fromQuarter=1&toYear=2025&toQuarter=1"));
        Assert.Equal(2000, cube.RootElement.EnumerateArray().Where(c => c.GetProperty("unit").GetString() == "Parkeringskontrol").Sum(c => c.GetProperty("opened").GetInt64()));
        // Issue 12: the OpenAPI document needs a login outside Development (NeedToKnowTests checks the anonymous refusal).
        Assert.Contains("/api/statistics/cube", await leadership.GetStringAsync("/openapi/v1.json"));
        var categoriesCsv = Encoding.UTF8.GetString(await leadership.GetByteArrayAsync("/api/statistics/tables/kategorier?format=csv&administration=TMF"));
        Assert.Contains("Enhed;Manglende svar;Manglende svar pr. 1000", categoriesCsv);
        Assert.Contains("Parkeringskontrol;3;1,5", categoriesCsv);
        var targetsCsv = Encoding.UTF8.GetString(await leadership.GetByteArrayAsync("/api/statistics/tables/maaltal?format=csv"));
        Assert.Contains("TMF;højst 1 klager pr. 1.000 sager;1,5;ja", targetsCsv);
        var funnelXlsx = await leadership.GetByteArrayAsync("/api/statistics/tables/afvigelser?format=xlsx");
        Assert.Equal((byte)'P', funnelXlsx[0]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await leadership.GetAsync("/api/statistics/tables/ukendt")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/statistics/cube")).StatusCode);
    }
}
