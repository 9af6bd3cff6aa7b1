using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Recommendations;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Recommendations;

/// <summary>"Virkede det?": a closed recommendation aimed at a unit and a complaint category shows the unit's rate before and after, worked out by hand.</summary>
public sealed class RecommendationEffectTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static readonly Actor Advisor = new(null, "Sara Holm");
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private async Task<(int Buf, int Unit)> UnitAsync(string name) => await app.WithDbAsync(async db =>
    {
        var u = await db.OrgUnits.SingleAsync(x => x.Name == name);
        return (u.AdministrationId, u.Id);
    });

    /// <summary>Complaints about the unit received on the given days, in <paramref name="category"/>; and a recommendation aimed at it, closed on <paramref name="closed"/>.</summary>
    private async Task<int> SeedAsync(int buf, int unit, DateOnly closed, IEnumerable<DateOnly> received, ComplaintCategory category = ComplaintCategory.Hearing)
    {
        return await app.WithDbAsync(async db =>
        {
            foreach (var day in received)
            {
                var at = DanishTime.At(day, new TimeOnly(10, 0));
                var c = CaseBuilder.ACase().For(buf).ReceivedAt(at).Build();
                c.Classify(CaseType.Complaint, buf, unit, null, [category], at, Advisor);
                db.Cases.Add(c);
            }
            var r = new Recommendation(RecommendationSource.ComplaintCase, "2025-0000001", buf, unit, "Partshør altid før afgørelse.", D(2025, 9, 1),
                DanishTime.At(D(2025, 6, 2), new TimeOnly(9, 0)), "Sara Holm", ComplaintCategory.Hearing);
            r.Close("Instruksen følges.", DanishTime.At(closed, new TimeOnly(12, 0)), "Sara Holm");
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, int count, int step) => Enumerable.Range(0, count).Select(i => from.AddDays(i * step));

    private async Task<string> PageAsync(int id)
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        // Whitespace between tags is layout only.
        return System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Recommendations/Details?id={id}")), @">\s+<", "><");
    }

    [Fact]
    public async Task Without_an_extract_equal_day_windows_are_compared_and_twelve_before_three_after_is_a_clear_decrease()
    {
        var (buf, unit) = await UnitAsync("Pladsanvisningen");
        // Closed 4.5.2026, today 3.11.2026: after = 5.5.-2.11.2026 (182 days, ending yesterday), before = the 182 days 4.11.2025-4.5.2026.
        // 12 complaints before (every 14th day from 5.11.2025), 3 after; one earlier than the windows and one in another category do not count.
        var id = await SeedAsync(buf, unit, D(2026, 5, 4), [.. Days(D(2025, 11, 5), 12, 14), .. Days(D(2026, 6, 1), 3, 30), D(2025, 10, 1)]);
        await SeedAsync(buf, unit, D(2026, 5, 4), [D(2026, 7, 1)], ComplaintCategory.Reasons);
        // Ratio (3/182) / (12/182) = 0.25. n = 15, a = 3: Clopper-Pearson (0.0433120, 0.4808911) (R: binom.test(3, 15));
        // equal exposures, so R = p / (1 - p): 0.0433120 / 0.9566880 = 0.0453 and 0.4808911 / 0.5191089 = 0.9264 < 1 -> "klart fald".
        var html = await PageAsync(id);
        Assert.Contains("Virkede det?", html);
        Assert.Contains("<tr><th scope=\"row\">Før</th><td>04-11-2025</td><td>04-05-2026</td><td>12</td><td>182</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Efter</th><td>05-05-2026</td><td>02-11-2026</td><td>3</td><td>182</td></tr>", html);
        Assert.Contains("<span id=\"forhold\">0,25</span>", html);
        Assert.Contains("<span id=\"interval\">0,05–0,93</span>", html);
        Assert.Contains("<strong id=\"vurdering\">klart fald</strong>", html);
    }

    [Fact]
    public async Task Eight_before_and_two_after_is_the_same_ratio_but_no_clear_change()
    {
        var (buf, unit) = await UnitAsync("Økonomisk friplads");
        var id = await SeedAsync(buf, unit, D(2026, 5, 4), [.. Days(D(2025, 11, 10), 8, 20), .. Days(D(2026, 7, 1), 2, 30)]);
        // Ratio 2/8 = 0.25; n = 10, a = 2: Clopper-Pearson (0.0252107, 0.5560955) -> R (0.0258627, 1.2527366) (R: poisson.test(c(2, 8), c(182, 182))).
        // The interval holds 1 -> "ingen klar ændring".
        var html = await PageAsync(id);
        Assert.Contains("<span id=\"forhold\">0,25</span>", html);
        Assert.Contains("<span id=\"interval\">0,03–1,25</span>", html);
        Assert.Contains("<strong id=\"vurdering\">ingen klar ændring</strong>", html);
    }

    [Fact]
    public async Task With_the_units_case_volumes_from_an_extract_whole_quarters_are_compared_per_1000_cases()
    {
        var (buf, unit) = await UnitAsync("Sundhedsplejen");
        await app.WithDbAsync(async db =>
        {
            var extract = new Extract { Source = "Test", PeriodFrom = D(2025, 7, 1), PeriodTo = D(2026, 9, 30), FileName = "udtraek.csv", ImportedAt = app.Clock.GetUtcNow(), ImportedBy = "test" };
            db.Extracts.Add(extract);
            await db.SaveChangesAsync();
            foreach (var (year, quarter, opened) in new[] { (2025, 3, 1000L), (2025, 4, 1000L), (2026, 1, 1000L), (2026, 2, 1500L), (2026, 3, 1500L) })
                db.KpiCells.Add(new KpiCell { ExtractId = extract.Id, AdministrationId = buf, UnitId = unit, KleGroup = "27.12", CaseType = "Sundhedspleje", Year = year, Quarter = quarter, Opened = opened });
            return await db.SaveChangesAsync();
        });
        // Closed 10.2.2026 (Q1), today 3.11.2026: Q2 and Q3 2026 have ended -> after Q2-Q3 2026 (3,000 cases), before Q3-Q4 2025 (2,000 cases); Q1 itself is left out.
        // 12 complaints before -> 12 / 2,000 * 1,000 = 6.00; 3 after -> 3 / 3,000 * 1,000 = 1.00; ratio 1/6 = 0.17.
        // n = 15, a = 3: Clopper-Pearson (0.0433120, 0.4808911); R = p / (1 - p) * 2000 / 3000 = 0.0302 and 0.9263782 * 2/3 = 0.6176 < 1 -> "klart fald".
        var id = await SeedAsync(buf, unit, D(2026, 2, 10), [.. Days(D(2025, 7, 3), 12, 15), D(2026, 1, 20), D(2026, 2, 20), .. Days(D(2026, 4, 10), 3, 40)]);
        var html = await PageAsync(id);
        Assert.Contains("Klager pr. 1.000 sager i enhedens sagssystem", html);
        Assert.Contains("<tr><th scope=\"row\">Før</th><td>01-07-2025</td><td>31-12-2025</td><td>12</td><td>2.000</td><td>6,00</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Efter</th><td>01-04-2026</td><td>30-09-2026</td><td>3</td><td>3.000</td><td>1,00</td></tr>", html);
        Assert.Contains("<span id=\"forhold\">0,17</span>", html);
        Assert.Contains("<span id=\"interval\">0,03–0,62</span>", html);
        Assert.Contains("<strong id=\"vurdering\">klart fald</strong>", html);
    }

    [Fact]
    public async Task The_advisor_aims_a_new_recommendation_at_a_unit_and_category_and_a_unit_of_another_administration_is_refused()
    {
        var (buf, unit) = await UnitAsync("Vuggestuen Mælkebøtten");
        var (_, sofUnit) = await UnitAsync("Hjemmeplejen Amager");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Dictionary<string, string> Form(int u) => new()
        {
            ["administrationId"] = $"{buf}", ["source"] = "CaseAudit", ["reference"] = "Sagsaudit 2026", ["text"] = "Partshør forældrene.",
            ["due"] = "2027-02-01", ["unitId"] = $"{u}", ["category"] = "Hearing",
        };
        var created = await advisor.PostFormAsync("/Recommendations", "/Recommendations", Form(unit));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('=')[1]);
        var r = await app.WithDbAsync(db => db.Recommendations.SingleAsync(x => x.Id == id));
        Assert.Equal((unit, ComplaintCategory.Hearing), (r.UnitId!.Value, r.Category!.Value));
        Assert.Contains("Vuggestuen Mælkebøtten · Partshøring", WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Recommendations/Details?id={id}")));

        var refused = await advisor.PostFormAsync("/Recommendations", "/Recommendations", Form(sofUnit));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Enheden hører ikke til forvaltningen.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // BUF's contact may not aim it.
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        var page = $"/Recommendations/Details?id={id}";
        Assert.Contains("/Account/AccessDenied", (await contact.PostFormAsync(page, $"{page}&handler=Aim", new() { ["unitId"] = "", ["category"] = "" })).Headers.Location?.OriginalString);
        Assert.Equal(unit, await app.WithDbAsync(db => db.Recommendations.Where(x => x.Id == id).Select(x => x.UnitId).SingleAsync()));
    }
}
