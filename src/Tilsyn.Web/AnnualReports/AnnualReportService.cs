using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Publishing;
using Tilsyn.Recommendations;
using Tilsyn.Web.AnnualReports.Sections;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Reports;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.AnnualReports;

/// <summary>
/// The year's annual report: load → call <see cref="AnnualReport"/> → save, and the document built
/// from the advisor's texts and the generated parts (<see cref="BuildAsync"/>). Publishing renders
/// the PDF, DOCX and page first, outside any transaction, then stores them and freezes the report in
/// one short transaction; from then on they are served as stored.
/// </summary>
public sealed class AnnualReportService(TilsynDbContext db, TimeProvider clock, StatisticsQueries stats, TargetEvaluation targets, CaseAuditService audits, Tilsyn.Web.Notifications.Notifier notifier,
    Tilsyn.Web.Feedback.FeedbackQueries feedback)
{
    /// <summary>The recommendations a published report put into the register.</summary>
    public static IQueryable<Recommendation> RecommendationsOf(IQueryable<Recommendation> register, int year)
    {
        var reference = AnnualReport.Reference(year);
        return register.Where(r => r.Source == RecommendationSource.AnnualReport && r.SourceReference == reference);
    }

    public async Task<AnnualReport> GetOrCreateAsync(int year, CancellationToken ct)
    {
        var report = await db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (report is not null) return report;
        report = new AnnualReport(year, clock.GetUtcNow(), "Tilsyn");
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Saves the advisor's texts; refused when <paramref name="shownVersion"/> (the editor's) is older than the stored report.</summary>
    public async Task SaveTextsAsync(int year, string? foreword, string? themes, string? recommendations, ClaimsPrincipal user, int? shownVersion, CancellationToken ct)
    {
        var report = await LoadAsync(year, ct);
        db.ExpectVersion(report, shownVersion);
        report.EditTexts(foreword, themes, recommendations, clock.GetUtcNow(), user.DisplayName());
        await db.SaveChangesAsync(ct);
    }

    public async Task AddRecommendationAsync(int year, int administrationId, string? text, DateOnly? due, CancellationToken ct)
    {
        var report = await LoadAsync(year, ct);
        if (!await db.Administrations.AnyAsync(a => a.Id == administrationId, ct)) throw new DomainException("Forvaltning: vælg en forvaltning.");
        var today = Tilsyn.Calendar.DanishTime.Today(clock);
        db.Add(report.AddRecommendation(administrationId, text, due, today));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveRecommendationAsync(int year, int id, CancellationToken ct)
    {
        var report = await LoadAsync(year, ct);
        var recommendation = await db.Set<ReportRecommendation>().FirstOrDefaultAsync(r => r.Id == id && r.Year == year, ct);
        if (recommendation is null) return; // removed already (a second click)
        report.RemoveRecommendation(recommendation);
        db.Remove(recommendation);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Publishes: renders from the draft as it is now, outside any transaction (rendering takes
    /// seconds); then, in one transaction, freezes the report with the rendered outputs (the domain
    /// refuses when it was published meanwhile or the draft changed), publishes its case examples
    /// and puts its recommendations in the register.
    /// </summary>
    public async Task PublishAsync(int year, ClaimsPrincipal user, int? shownVersion, CancellationToken ct)
    {
        // 1. Load and build; refuse early, before the slow part.
        var draft = await db.Set<AnnualReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct) ?? throw NotFound(year);
        var chosen = await db.Set<CaseExample>().AsNoTracking().Where(e => e.ReportYear == year).ToListAsync(ct);
        draft.EnsurePublishable(chosen);
        var now = clock.GetUtcNow();
        var document = await BuildAsync(draft, ct, publishedAt: now);

        // 2. Render, still outside the transaction.
        var outputs = new ReportOutputs(ReportHtml.Render(document), ReportRenderer.ToPdf(document), ReportRenderer.ToDocx(document), draft.UpdatedAt, [.. chosen.Select(e => e.Id)]);

        // 3. Store and freeze. Touching the row first locks it (PostgreSQL: a second publisher waits
        //    here and then reads the published row; SQLite: the write lock), so the check below sees
        //    any publication that committed meanwhile.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<AnnualReport>().Where(r => r.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Year, r => r.Year), ct);
        var report = await db.Set<AnnualReport>().FirstAsync(r => r.Id == draft.Id, ct);
        await db.Entry(report).ReloadAsync(ct); // this context may have tracked it before, with its own values
        db.ExpectVersion(report, shownVersion); // the advisor publishes the draft they last saw, not one changed since
        var examples = await db.Set<CaseExample>().Where(e => e.ReportYear == year).ToListAsync(ct);
        report.Publish(examples, outputs, now, user.DisplayName());
        foreach (var r in await db.Set<ReportRecommendation>().Where(r => r.Year == year && r.RecommendationId == null).ToListAsync(ct))
        {
            var rec = r.ToRegister(now, user.DisplayName());
            db.Recommendations.Add(rec);
            await db.SaveChangesAsync(ct);
            r.Registered(rec.Id);
            await notifier.RecommendationCreatedAsync(rec, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The report as a document, part by part in the order it is read.</summary>
    public async Task<ReportDocument> BuildAsync(AnnualReport report, CancellationToken ct, DateTimeOffset? publishedAt = null)
    {
        var codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var context = new ReportContext(report, codes);
        IReportPart[] parts =
        [
            new AdvisorTextPart("Forord", r => r.Foreword),
            new CaseFiguresPart(db),
            new ComplaintsPerVolumePart(stats, targets),
            new Tilsyn.Web.Targets.OwnTargetsReportPart(db, clock),
            new RemedyCompliancePart(db, clock),
            new FokusOrCommitteePart(db),
            new CaseAuditsPart(db, audits),
            new AdvisorTextPart("Temaer", r => r.Themes),
            new RecommendationsPart(db),
            new EarlierRecommendationsPart(db),
            new CaseExamplesPart(db),
            new CitizenFeedbackPart(feedback),
        ];
        var sections = new List<ReportSection>();
        foreach (var part in parts) sections.AddRange(await part.BuildAsync(context, ct));
        return new ReportDocument($"Borgerrådgiverens beretning {report.Year}", "Klager, henvendelser, tilsyn og anbefalinger", sections)
        {
            Cover = true,
            TableOfContents = true,
            CoverLines = [publishedAt is { } p ? $"Offentliggjort {p.ToCopenhagen():dd-MM-yyyy}" : $"Udkast {clock.GetUtcNow().ToCopenhagen():dd-MM-yyyy}"],
        };
    }

    private async Task<AnnualReport> LoadAsync(int year, CancellationToken ct) =>
        await db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Year == year, ct) ?? throw NotFound(year);

    private static DomainException NotFound(int year) => new($"Beretning {year} findes ikke.");
}
