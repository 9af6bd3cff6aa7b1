using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Audits;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports.Sections;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Statistics;
using Tilsyn.Web.Tests.Security;

namespace Tilsyn.Web.Tests.DocumentAccess;

/// <summary>
/// Requests about Tilsyn's own records (aktindsigt, data-subject requests) are cases, not complaints:
/// the KPI, the statistics tables, the annual report's case figures and the case-audit population
/// count only supervision cases. A complaint added the same way does change them (the check can fail).
/// </summary>
public sealed class RequestCasesInFiguresTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static int next;

    [Fact]
    public async Task A_request_case_changes_neither_the_KPI_nor_the_statistics_nor_the_annual_report_nor_the_audit_population()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var (buf, unit, received) = await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            var coverage = await scope.ServiceProvider.GetRequiredService<StatisticsQueries>().CoverageAsync(CancellationToken.None);
            Assert.NotNull(coverage);
            var q = coverage.Value.To;
            var admin = await db.Administrations.SingleAsync(a => a.Code == "BUF");
            var u = await db.OrgUnits.Where(x => x.AdministrationId == admin.Id && x.Kind == Tilsyn.Organisation.OrgUnitKind.Unit).Select(x => x.Id).FirstAsync();
            return (admin.Id, u, DanishTime.StartOf(new DateOnly(q.Year, (q.Number - 1) * 3 + 1, 10)).AddHours(10));
        });

        async Task<string[]> SnapshotAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
            var year = DanishTime.LocalDate(received).Year;
            var report = await db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Year == year) ?? new AnnualReport(year, received, "Test");
            var codes = await db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Code);
            var figures = await new CaseFiguresPart(db).BuildAsync(new ReportContext(report, codes), CancellationToken.None);
            var population = await scope.ServiceProvider.GetRequiredService<CaseAuditService>()
                .DrawAsync(PopulationSource.Complaints, null, new PopulationFilter(), StratifyBy.None, SampleDesign.SimpleRandom, 1, 1, CancellationToken.None);
            return
            [
                await lead.GetStringAsync("/api/statistics/kpi"),
                await lead.GetStringAsync("/api/statistics/kpi?administration=BUF"),
                await lead.GetStringAsync("/api/statistics/tables/kategorier?format=csv"),
                JsonSerializer.Serialize(figures.Select(s => new { s.Heading, s.Paragraphs, s.TableRows })),
                population.PopulationSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ];
        }

        async Task AddAsync(CaseType type) => await app.WithDbAsync(async db =>
        {
            var c = CaseBuilder.ACase().Numbered(DanishTime.LocalDate(received).Year, 900_000 + Interlocked.Increment(ref next)).OfType(type).For(buf)
                .About("Tæller den med?").ReceivedAt(received).Build();
            c.Classify(type, buf, unit, null, [ComplaintCategory.ProcessingTime], received, Actor.System);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return 0;
        });

        var before = await SnapshotAsync();
        await AddAsync(CaseType.DocumentAccessRequest);
        await AddAsync(CaseType.DataAccessRequest);
        await AddAsync(CaseType.ErasureRequest);
        await AddAsync(CaseType.RectificationRequest);
        Assert.Equal(before, await SnapshotAsync());

        await AddAsync(CaseType.Complaint);
        var after = await SnapshotAsync();
        Assert.NotEqual(before[0], after[0]);
        Assert.NotEqual(before[3], after[3]);
        Assert.NotEqual(before[4], after[4]);
    }
}
