using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Audits;
using Tilsyn.Calendar;
using Tilsyn.Common;
using Tilsyn.Complaints;
using Tilsyn.Publishing;
using Tilsyn.Recommendations;
using Tilsyn.Statistics;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Identity;
using Tilsyn.Web.Reports;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.AnnualReports;

/// <summary>
/// Builds the year's annual report from the advisor's texts and the generated parts, and publishes
/// it: the PDF, DOCX and page are rendered once, stored, and from then on served as stored.
/// </summary>
public sealed class AnnualReportService(TilsynDbContext db, TimeProvider clock, StatisticsQueries stats, TargetEvaluation targets, CaseAuditService audits)
{
    private static readonly CultureInfo Da = Tilsyn.Calendar.DanishTime.Culture;

    /// <summary>How the register refers to a year's report: its recommendations carry this as their source reference.</summary>
    public static string Reference(int year) => $"Beretning {year}";

    /// <summary>The recommendations a published report put into the register.</summary>
    public static IQueryable<Recommendation> RecommendationsOf(IQueryable<Recommendation> register, int year)
    {
        var reference = Reference(year);
        return register.Where(r => r.Source == RecommendationSource.AnnualReport && r.SourceReference == reference);
    }

    public async Task<AnnualReport> GetOrCreateAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw new DomainException("År: vælg et år mellem 2000 og 2100.");
        var report = await db.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (report is not null) return report;
        report = new AnnualReport { Year = year, UpdatedAt = clock.GetUtcNow(), UpdatedBy = "Tilsyn" };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    public async Task SaveTextsAsync(AnnualReport report, string? foreword, string? themes, string? recommendations, ClaimsPrincipal user, CancellationToken ct)
    {
        if (report.IsPublished) throw new DomainException("Beretningen er offentliggjort og kan ikke ændres.");
        report.Foreword = (foreword ?? "").Trim();
        report.Themes = (themes ?? "").Trim();
        report.RecommendationsText = (recommendations ?? "").Trim();
        report.UpdatedAt = clock.GetUtcNow();
        report.UpdatedBy = user.DisplayName();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Publishes: every chosen case example must be anonymised; the report's recommendations enter the register; the outputs are frozen.</summary>
    public async Task PublishAsync(AnnualReport report, ClaimsPrincipal user, CancellationToken ct)
    {
        if (report.IsPublished) throw new DomainException("Beretningen er allerede offentliggjort.");
        var unresolved = await db.Set<CaseExample>().Where(e => e.ReportYear == report.Year && !e.Resolved).Select(e => e.Title).ToListAsync(ct);
        if (unresolved.Count > 0)
            throw new DomainException($"Beretningen kan ikke offentliggøres: sagseksemplet \"{unresolved[0]}\" har uafklarede personoplysninger.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var r in await db.Set<ReportRecommendation>().Where(r => r.Year == report.Year && r.RecommendationId == null).ToListAsync(ct))
        {
            var rec = new Recommendation(RecommendationSource.AnnualReport, Reference(report.Year), r.AdministrationId, null, r.Text, r.DueDate, now, user.DisplayName());
            db.Recommendations.Add(rec);
            await db.SaveChangesAsync(ct);
            r.RecommendationId = rec.Id;
        }
        foreach (var e in await db.Set<CaseExample>().Where(e => e.ReportYear == report.Year && e.PublishedAt == null).ToListAsync(ct))
            CaseExampleService.MarkPublished(e, now);
        await db.SaveChangesAsync(ct);
        var document = await BuildAsync(report, ct, publishedAt: now);
        report.PublishedHtml = ReportHtml.Render(document);
        report.PublishedPdf = ReportRenderer.ToPdf(document);
        report.PublishedDocx = ReportRenderer.ToDocx(document);
        report.PublishedAt = now;
        report.PublishedBy = user.DisplayName();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<ReportDocument> BuildAsync(AnnualReport report, CancellationToken ct, DateTimeOffset? publishedAt = null)
    {
        var year = report.Year;
        var codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        string Code(int? id) => id is { } i ? codes.GetValueOrDefault(i, "?") : "Ikke fordelt";
        var sections = new List<ReportSection>();
        void Text(string heading, string markdown, int level = 1)
        {
            var blocks = SafeMarkdown.ToBlocks(markdown);
            sections.Add(new ReportSection(heading, blocks.Where(b => !b.Bullet).Select(b => b.Text).DefaultIfEmpty("(Ingen tekst.)").ToList())
                { Level = level, Bullets = blocks.Where(b => b.Bullet).Select(b => b.Text).ToList() });
        }
        Text("Forord", report.Foreword);

        // Inquiries and complaints: five years per administration.
        var facts = await CaseFactsAsync(year - 4, year, ct);
        var figures = AnnualFigures.Compute(facts, year);
        var admins = figures.Administrations;
        sections.Add(new ReportSection("Henvendelser og klager",
            [$"Borgerrådgiveren modtog i {year} {figures.Trend.Where(t => t.Key.Year == year).Sum(t => t.Value.Complaints)} klager og {figures.Trend.Where(t => t.Key.Year == year).Sum(t => t.Value.Inquiries)} henvendelser. Tabellen viser klager (henvendelser i parentes) pr. forvaltning over fem år."],
            ["Forvaltning", .. figures.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
            [.. admins.Select(a => (IReadOnlyList<string>)[Code(a), .. figures.Years.Select(y => figures.Trend.GetValueOrDefault((a, y))).Select(t => $"{t.Complaints} ({t.Inquiries})")])])
        {
            Images = [new ReportImage(ReportCharts.LineChartPng("Klager pr. forvaltning", [.. figures.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
                [.. admins.Select(a => (Code(a), (IReadOnlyList<double>)[.. figures.Years.Select(y => (double)figures.Trend.GetValueOrDefault((a, y)).Complaints)]))], "Klager"),
                $"Klager pr. forvaltning {figures.Years[0]}–{year}")],
        });
        var categories = ComplaintCategories.All.Where(c => figures.Categories.Keys.Any(k => k.Category == c.Category)).ToList();
        sections.Add(new ReportSection("Klager fordelt på kategori", [$"Årets klager pr. forvaltning og kategori. En klage kan handle om flere forhold."],
            ["Kategori", .. admins.Select(Code)],
            [.. categories.Select(c => (IReadOnlyList<string>)[c.Name, .. admins.Select(a => figures.Categories.GetValueOrDefault((a, c.Category)).ToString(CultureInfo.InvariantCulture))])]) { Level = 2 });
        var outcomes = Enum.GetValues<Outcome>().Where(o => figures.Outcomes.Keys.Any(k => k.Outcome == o)).ToList();
        sections.Add(new ReportSection("Udfald", [$"Årets afsluttede sager efter udfald."],
            ["Forvaltning", .. outcomes.Select(CaseTexts.Name)],
            [.. admins.Select(a => (IReadOnlyList<string>)[Code(a), .. outcomes.Select(o => figures.Outcomes.GetValueOrDefault((a, o)).ToString(CultureInfo.InvariantCulture))])]));
        sections.Add(new ReportSection("Formalitetsklager og de regler, de handler om",
            ["Formalitetsklager handler om sagsbehandlingen snarere end afgørelsens resultat. Hver type hviler på en regel."],
            ["Type", "Regel", "Klager", "Heraf brud på reglen"],
            [.. figures.FormalTypes.Select(f => (IReadOnlyList<string>)[f.Category.Name, f.Category.LegalRule!, f.Cases.ToString(CultureInfo.InvariantCulture), f.Breached.ToString(CultureInfo.InvariantCulture)])]));
        var sg = figures.ServiceGoal;
        sections.Add(new ReportSection("Borgerrådgiverens egen sagsbehandlingstid",
            [sg.Due == 0 ? "Ingen sager havde frist for første svar i året."
                : $"Borgerrådgiverens servicemål er et første svar inden for fristen. Det nåede vi i {sg.OnTime} af {sg.Due} sager ({(sg.Share ?? 0) * 100:0} %)." +
                  (sg.MedianDays is { } m ? $" Mediantiden til første svar var {m.ToString("0.#", Da)} dage." : "")]));

        // Complaints relative to case volume, with targets.
        var from = new Quarter(year, 1);
        var to = new Quarter(year, 4);
        var kpi = await stats.ByAdministrationAsync(from, to, ct);
        var withVolume = kpi.Where(k => k.Opened > 0).ToList();
        var status = await targets.EvaluateAsync(from, to, ct);
        sections.Add(new ReportSection("Klager i forhold til sagsmængden",
            [withVolume.Count == 0 ? "Der er ikke indlæst dataudtræk med sagsmængder for året."
                : "Klager pr. 1.000 sager i forvaltningernes sagssystemer (dataudtræk). Forvaltningerne har forskellige opgaver; sammenlign hver forvaltning med sit eget måltal og sin egen udvikling, ikke med de andre."],
            ["Forvaltning", "Sager", "Klager", "Klager pr. 1.000 sager", "Måltal", "Afvigelse"],
            [.. withVolume.Select(k =>
            {
                var t = status.FirstOrDefault(s => s.Target.AdministrationId == k.Id && s.Target.AreaId == null && s.Target.Kind == TargetKind.MaxComplaintsPerThousand);
                var rate = 1000.0 * k.Complaints / k.Opened;
                return (IReadOnlyList<string>)[k.Code, k.Opened.ToString("N0", Da), k.Complaints.ToString(CultureInfo.InvariantCulture), rate.ToString("0.00", Da),
                    t is null ? "–" : t.Describe(), t is null ? "–" : t.Deviates ? "Over måltallet" : "Inden for måltallet"];
            })]));

        // FOKUS or the committee status.
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (round is not null)
        {
            var answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(ct);
            sections.Add(new ReportSection($"FOKUS {year}", ["Borgerrådgiverens samlede vurdering af forvaltningernes initiativer (skala 1–4)."],
                ["Forvaltning", "Status", "Samlet vurdering"],
                [.. answers.OrderBy(a => Code(a.AdministrationId)).Select(a => (IReadOnlyList<string>)[Code(a.AdministrationId), a.Status == Tilsyn.Evaluations.AnswerStatus.Submitted ? "Indsendt" : "Ikke indsendt",
                    EvaluationService.AssessmentOf(a).Overall is { } o ? o.Value.ToString(CultureInfo.InvariantCulture) : "–"])]));
        }
        else
        {
            var statuses = await db.Set<CommitteeStatus>().AsNoTracking().Where(s => s.Year == year).ToListAsync(ct);
            sections.Add(new ReportSection("Status til udvalgene", [statuses.Count == 0 ? $"Der er ikke registreret status til udvalgene for {year}." : $"I år uden FOKUS giver forvaltningerne deres udvalg en status på indsatsen."],
                ["Forvaltning", "Udvalg", "Status"], [.. statuses.OrderBy(s => Code(s.AdministrationId)).Select(s => (IReadOnlyList<string>)[Code(s.AdministrationId), s.Committee, s.Text])]));
        }

        // Case audits of the year.
        var yearStart = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var yearAudits = await db.Set<CaseAudit>().AsNoTracking().Where(a => a.CreatedAt >= yearStart && a.CreatedAt < yearStart.AddYears(1)).OrderBy(a => a.Id).ToListAsync(ct);
        sections.Add(new ReportSection("Sagsaudit", [yearAudits.Count == 0 ? "Der er ikke gennemført sagsaudits i året." : "Andelen af sager, hvor kravet var opfyldt, med 95 %-konfidensinterval."]));
        foreach (var a in yearAudits)
        {
            var result = await audits.ResultAsync(a, ct);
            sections.Add(new ReportSection($"{a.Title} ({Code(a.AdministrationId)})", [$"{result.Cases} sager, {result.FullyAnswered} fuldt gennemgået."],
                ["Krav", "Regel", "Relevante sager", "Andel opfyldt (95 %-interval)"],
                [.. result.Questions.Select(q => (IReadOnlyList<string>)[q.Question.Text, q.Question.LegalRule, q.Relevant.ToString(CultureInfo.InvariantCulture),
                    (q.Stratified?.Interval ?? q.Interval) is { } i ? $"{i.Share * 100:0} % ({i.Lower * 100:0}–{i.Upper * 100:0} %)" : "–"])]) { Level = 2 });
        }

        Text("Temaer", report.Themes);
        var recs = await db.Set<ReportRecommendation>().AsNoTracking().Where(r => r.Year == year).ToListAsync(ct);
        var recBlocks = SafeMarkdown.ToBlocks(report.RecommendationsText);
        sections.Add(new ReportSection("Anbefalinger", [.. recBlocks.Where(b => !b.Bullet).Select(b => b.Text)],
            recs.Count == 0 ? null : ["Forvaltning", "Anbefaling", "Frist for opfølgning"],
            recs.Count == 0 ? null : [.. recs.OrderBy(r => Code(r.AdministrationId)).Select(r => (IReadOnlyList<string>)[Code(r.AdministrationId), r.Text, r.DueDate.ToString("dd-MM-yyyy", Da)])])
            { Bullets = [.. recBlocks.Where(b => b.Bullet).Select(b => b.Text)] });

        var earlier = await db.Recommendations.AsNoTracking().Where(r => r.Source == RecommendationSource.AnnualReport).ToListAsync(ct);
        earlier = earlier.Where(r => r.CreatedAt.Year < year).OrderBy(r => r.CreatedAt).ToList();
        sections.Add(new ReportSection("Opfølgning på tidligere anbefalinger",
            [earlier.Count == 0 ? "Der er ingen anbefalinger fra tidligere beretninger." : "Status på anbefalingerne fra tidligere beretninger, som forvaltningerne har redegjort for over for deres udvalg."],
            earlier.Count == 0 ? null : ["Beretning", "Forvaltning", "Anbefaling", "Status"],
            earlier.Count == 0 ? null : [.. earlier.Select(r => (IReadOnlyList<string>)[r.SourceReference, Code(r.AdministrationId), r.Text, Recommendation.Name(r.Status)])]));

        var examples = await db.Set<CaseExample>().AsNoTracking().Where(e => e.ReportYear == year && e.Resolved).OrderBy(e => e.Id).ToListAsync(ct);
        sections.Add(new ReportSection("Eksempler fra årets sager", [examples.Count == 0 ? "Ingen eksempler er valgt." : "Eksemplerne er anonymiserede."]));
        foreach (var e in examples)
            sections.Add(new ReportSection(e.Title, [CaseExampleService.AnonymisedText(e)]) { Level = 2 });

        return new ReportDocument($"Borgerrådgiverens beretning {year}", "Klager, henvendelser, tilsyn og anbefalinger", sections)
        {
            Cover = true,
            TableOfContents = true,
            CoverLines = [publishedAt is { } p ? $"Offentliggjort {p.ToCopenhagen():dd-MM-yyyy}" : $"Udkast {clock.GetUtcNow().ToCopenhagen():dd-MM-yyyy}"],
        };
    }

    private async Task<List<CaseFact>> CaseFactsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        var from = new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        var to = new DateTimeOffset(toYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Categories).Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).ToListAsync(ct);
        static DateOnly Day(DateTimeOffset at) => Tilsyn.Calendar.DanishTime.LocalDate(at);
        return cases.Select(c => new CaseFact(Day(c.ReceivedAt).Year, c.AdministrationId, c.Type, c.Outcome,
            c.Categories.Select(x => (x.Category, x.Breached)).ToList(), c.FirstAnswerDue, c.FirstAnsweredAt is { } f ? Day(f) : null, Day(c.ReceivedAt))).ToList();
    }
}
