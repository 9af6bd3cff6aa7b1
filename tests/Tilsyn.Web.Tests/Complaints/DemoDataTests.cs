using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>The application with the full demo: two years of cases.</summary>
public sealed class DemoApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Cases"] = "true" };

    /// <summary>
    /// Monday 30 November 2026, 13:20 UTC: when CI found the demo without a case in status Received
    /// (none of the random cases came in over the weekend). The demo now shows every state at any time.
    /// </summary>
    protected override DateTimeOffset StartTime => new(2026, 11, 30, 13, 20, 0, TimeSpan.Zero);
}

public sealed class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_demo_has_two_years_of_cases_in_every_state_outcome_and_administration()
    {
        var cases = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.StatementRequests).ToListAsync());

        Assert.InRange(cases.Count, 300, 1500);
        Assert.True((cases.Max(c => c.ReceivedAt) - cases.Min(c => c.ReceivedAt)).TotalDays > 600);
        foreach (var s in new[] { CaseStatus.Received, CaseStatus.UnderReview, CaseStatus.TargetedEffort, CaseStatus.StatementRequested, CaseStatus.Concluded, CaseStatus.Closed, CaseStatus.Rejected })
            Assert.True(cases.Any(c => c.Status == s), $"no demo case with status {s}");
        foreach (var o in new[] { Outcome.Criticism, Outcome.Recommendation, Outcome.NoCriticism, Outcome.ResolvedByDialogue, Outcome.Rejected, Outcome.Withdrawn })
            Assert.True(cases.Any(c => c.Outcome == o), $"no demo case with outcome {o}");
        Assert.Equal(7, cases.Where(c => c.AdministrationId != null).Select(c => c.AdministrationId).Distinct().Count());
        Assert.True(cases.SelectMany(c => c.Categories).Select(x => x.Category).Distinct().Count() >= 10);
        var today = Tilsyn.Calendar.DanishTime.Today(app.Clock);
        Assert.Contains(cases, c => c.StatementRequests.Any(r => r.AnsweredAt == null && r.DueDate < today));
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());
    }

    [Theory]
    [InlineData("2026-11-30T13:20:00Z")] // Monday afternoon: the random cases have none received since Friday
    [InlineData("2026-11-30T06:00:00Z")] // Monday 07:00, before office hours
    [InlineData("2026-11-28T10:00:00Z")] // Saturday
    [InlineData("2026-12-31T23:30:00Z")] // 00:30 on New Year's Day in Copenhagen, still New Year's Eve in UTC
    [InlineData("2027-03-29T08:00:00Z")] // Easter Monday
    [InlineData("2026-07-15T12:00:00Z")] // summer
    [InlineData("2025-02-03T08:00:00Z")]
    public async Task The_demo_shows_every_state_and_outcome_and_an_overdue_statement_whenever_it_is_seeded(string instant)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
        var admins = await db.Administrations.AsNoTracking().ToListAsync();
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == Tilsyn.Organisation.OrgUnitKind.Unit).ToListAsync();
        var cases = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Demo.DemoCases>()
            .Generate(admins, units, new Dictionary<int, string>(), [new Actor("a", "Sara Holm"), new Actor("b", "Jens Kristensen")], now);

        foreach (var s in Tilsyn.Web.Demo.DemoCases.ShownStatuses)
            Assert.True(cases.Any(c => c.Status == s), $"{instant}: no demo case with status {s}");
        foreach (var o in Enum.GetValues<Outcome>())
            Assert.True(cases.Any(c => c.Outcome == o), $"{instant}: no demo case with outcome {o}");
        var today = Tilsyn.Calendar.DanishTime.LocalDate(now);
        Assert.Contains(cases, c => c.Status == CaseStatus.StatementRequested && c.StatementRequests.Any(r => !r.IsAnswered && r.DueDate < today));
        Assert.All(cases, c => Assert.True(c.ReceivedAt <= now && c.Events.All(e => e.At <= now), $"{c.Number} happens after {instant}"));
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());
        // First answers are letters that answer the citizen: never the receipt or the statement request.
        Assert.All(cases.Where(c => c.FirstAnsweredAt is not null), c => Assert.Contains(c.Documents,
            d => d.CreatedAt == c.FirstAnsweredAt && d.Kind == DocumentKind.Outgoing && !d.Title.StartsWith("Kvittering", StringComparison.Ordinal) && d.Title != "Anmodning om udtalelse"));
    }

    [Fact]
    public async Task The_advisor_sees_a_populated_worklist_and_case_list()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var start = await advisor.GetStringAsync("/");
        Assert.Contains("id=\"arbejdsliste\"", start);
        Assert.Contains("Overskredet", await advisor.GetStringAsync("/Cases?overdue=true"));
        var search = await advisor.GetStringAsync("/Cases?q=plejebolig");
        Assert.Contains("Afslag på plejebolig", search);
    }

    [Fact]
    public async Task The_case_list_filters_by_unit_category_status_and_caseworker()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var unit = await app.WithDbAsync(db => db.Cases.Where(c => c.UnitId != null).GroupBy(c => c.UnitId).OrderByDescending(g => g.Count()).Select(g => g.Key!.Value).FirstAsync());
        var sara = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sagsbehandler").Select(u => u.Id).SingleAsync());

        async Task Check(string query, Func<ComplaintCase, bool> expected)
        {
            // Issue 15: the advisor's list holds the advisor's register and the administrations' cases shared with the advisor, not their other own cases.
            var all = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(CaseAccess.For([Tilsyn.Identity.Roles.Advisor], null).Visible).ToListAsync());
            var count = all.Count(expected);
            Assert.InRange(count, 1, 499);
            Assert.Contains($">{count} sager<", await advisor.GetStringAsync("/Cases?" + query));
        }

        await Check($"unitId={unit}", c => c.UnitId == unit);
        await Check("category=Hearing", c => c.Categories.Any(x => x.Category == ComplaintCategory.Hearing));
        await Check("status=StatementRequested", c => c.Status == CaseStatus.StatementRequested);
        await Check($"caseworkerId={sara}&status=UnderReview", c => c.CaseworkerId == sara && c.Status == CaseStatus.UnderReview);
    }

    [Fact]
    public async Task The_demo_has_FOKUS_rounds_2013_2015_2017_that_show_improvement()
    {
        var years = await app.WithDbAsync(db => db.Set<Tilsyn.Evaluations.EvaluationRound>().OrderBy(r => r.Year).Select(r => r.Year).ToListAsync());
        Assert.Equal([2013, 2015, 2017], years);
        Assert.Equal(21, await app.WithDbAsync(db => db.Set<Tilsyn.Evaluations.EvaluationAnswerRecord>().CountAsync(a => a.Status == Tilsyn.Evaluations.AnswerStatus.Submitted && a.Assessment != null)));
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var report = await advisor.GetStringAsync("/Evaluations/Report?year=2017");
        Assert.Contains("bedre", report);
        Assert.DoesNotContain("dårligere", report[(report.IndexOf("<td>BUF</td>", StringComparison.Ordinal))..report.IndexOf("</tr>", report.IndexOf("<td>BUF</td>", StringComparison.Ordinal), StringComparison.Ordinal)]);
        var bufId = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        Assert.Contains("afgrænset til klagebehandling", await advisor.GetStringAsync($"/Evaluations/Answer?year=2017&administration={bufId}"));
        // BUF over time: 2013 -> 2015 -> 2017 with improvement, as page and PDF.
        var overTime = await advisor.GetStringAsync($"/Evaluations/Administration?administration={bufId}");
        Assert.Contains("<th scope=\"col\">2013</th>", overTime);
        Assert.Contains("bedre", overTime);
        var pdf = await advisor.GetByteArrayAsync($"/Evaluations/Administration?handler=Pdf&administration={bufId}");
        Assert.Contains("FOKUS – BUF", Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(pdf));
        // Open recommendations, some overdue, show on the start page.
        Assert.Equal(4, await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.Status != Tilsyn.Recommendations.RecommendationStatus.Closed
            && !db.Set<Tilsyn.Publishing.ReportRecommendation>().Any(x => x.RecommendationId == r.Id)))); // those of the published demo reports come on top
        Assert.Contains("id=\"overskredne-henstillinger\"", await advisor.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_demo_has_audits_for_every_administration_three_published_reports_accounts_and_a_library()
    {
        var audits = await app.WithDbAsync(db => db.Set<Tilsyn.Audits.CaseAudit>().ToListAsync());
        var admins = await app.WithDbAsync(db => db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Code));
        Assert.Equal(admins.Keys.Order(), audits.Select(a => a.AdministrationId!.Value).Distinct().Order());
        Assert.Equal(2, audits.Count(a => admins[a.AdministrationId!.Value] == "BUF"));
        var year = Tilsyn.Calendar.DanishTime.Today(app.Clock).Year;
        Assert.Equal([year - 3, year - 2, year - 1], await app.WithDbAsync(db => db.Set<Tilsyn.Publishing.AnnualReport>().Where(r => r.PublishedPdf != null).Select(r => r.Year).OrderBy(y => y).ToListAsync()));
        Assert.True(await app.WithDbAsync(db => db.Set<Tilsyn.Publishing.FollowUpAccount>().CountAsync(a => a.SubmittedAt != null)) >= 3);

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        // BUF's second day-care audit is compared with the first.
        var second = audits.Where(a => admins[a.AdministrationId!.Value] == "BUF").OrderBy(a => a.CreatedAt).Last();
        Assert.Contains("Udvikling", await advisor.GetStringAsync($"/CaseAudits/Results?id={second.Id}"));
        var library = System.Net.WebUtility.HtmlDecode(await advisor.GetStringAsync("/Library"));
        Assert.Contains("Sagsaudit: BUF dagtilbud", library);
        Assert.Contains("library-entry", library);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await advisor.GetAsync($"/AnnualReports/View?year={year - 1}&handler=Pdf")).StatusCode);
    }
}
