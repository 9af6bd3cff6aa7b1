using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Evaluations;

namespace Tilsyn.Web.Evaluations;

/// <summary>
/// Rounds and answers: a new round copies the latest round's scheme (or the city's standard A–G
/// scheme for the first) and gives every administration a draft answer. An administration's contact
/// reaches only its own answer; the advisor's staff reach all.
/// </summary>
public sealed class EvaluationService(TilsynDbContext db, TimeProvider clock, Tilsyn.Web.Mail.MailOutbox outbox, IConfiguration config, AccessLogging.AccessLog accessLog, Notifications.Notifier notifier)
{
    public string AnswerUrl(int year, int administrationId) => $"{(config["PublicBaseUrl"] ?? "").TrimEnd('/')}/Evaluations/Answer?year={year}&administration={administrationId}";

    /// <summary>The user's reach in FOKUS (<see cref="EvaluationAccess"/>, the one rule), from the login's roles and administration.</summary>
    public static EvaluationAccess Access(ClaimsPrincipal user) => EvaluationAccess.For(user.RoleNames(), user.AdministrationIdOf());

    /// <summary>Opens the round (the rules are <see cref="EvaluationRound.Open"/>'s) and gives every administration a draft answer.</summary>
    public async Task<EvaluationRound> OpenRoundAsync(int year, DateOnly deadline, string by, CancellationToken ct)
    {
        var existing = await db.Set<EvaluationRound>().AsNoTracking().ToListAsync(ct);
        var round = EvaluationRound.Open(year, deadline, existing, clock.Today(), clock.GetUtcNow(), by);
        db.Add(round);
        await db.SaveChangesAsync(ct);
        foreach (var adminId in await db.Administrations.Select(a => a.Id).ToListAsync(ct))
            db.Add(new EvaluationAnswerRecord(round, adminId, clock.GetUtcNow()));
        // Distribution: every administration's contacts get the round with a link to their answer.
        var contacts = await db.Users.Where(u => u.AdministrationId != null && u.Email != null).Select(u => new { u.AdministrationId, u.Email }).ToListAsync(ct);
        foreach (var c in contacts)
            outbox.Enqueue(c.Email!, $"FOKUS {year}: evaluering af forvaltningens indsats – svarfrist {deadline:dd-MM-yyyy}",
                $"Borgerrådgiveren har åbnet FOKUS-evalueringen {year}.\n\nBesvar skemaet i Tilsyn senest {deadline:dd-MM-yyyy}: {AnswerUrl(year, c.AdministrationId!.Value)}\n\nForeslå med besvarelsen tre tidspunkter til opfølgningsmødet og angiv deltagerne.");
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>The answer the user may work on, or null (not found, or another administration's).</summary>
    public async Task<(EvaluationAnswerRecord Record, EvaluationAnswer Answer)?> AnswerAsync(ClaimsPrincipal user, int year, int administrationId, CancellationToken ct)
    {
        if (!Access(user).MayAnswer(administrationId))
        {
            if (user.Identity?.IsAuthenticated == true) await accessLog.RefusedAsync($"FOKUS-besvarelsen {year} for forvaltning {administrationId}", ct: ct);
            return null;
        }
        var round = await db.Set<EvaluationRound>().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (round is null) return null;
        var record = await db.Set<EvaluationAnswerRecord>().FirstOrDefaultAsync(a => a.RoundId == round.Id && a.AdministrationId == administrationId, ct);
        if (record is null) return null;
        return (record, record.AnswerOn(round));
    }

    /// <summary>The advisor's assessment of the answer, or an empty one while none is given.</summary>
    public static EvaluationAssessment AssessmentOf(EvaluationAnswerRecord record) => record.Assessment ?? new EvaluationAssessment();

    /// <summary>Stores the advisor's assessment (<see cref="EvaluationAnswerRecord.Assess"/>: only of a submitted answer).</summary>
    public async Task SaveAssessmentAsync(EvaluationAnswerRecord record, EvaluationAssessment assessment, CancellationToken ct)
    {
        record.Assess(assessment, clock.GetUtcNow());
        await notifier.FokusAssessmentCompletedAsync(record, ct); // with the assessment, in one SaveChanges
        await db.SaveChangesAsync(ct);
    }

    public sealed record ReportRow(int AdministrationId, string Administration, IReadOnlyDictionary<string, int?> Scores, IReadOnlyDictionary<string, Trend> Trends, int? Overall, Trend OverallTrend);

    /// <summary>
    /// The city-wide comparison: each administration's section scores this round, and better/same/worse
    /// against the previous round; only the rows <paramref name="access"/> lets the user see
    /// (<see cref="EvaluationAccess.MaySeeScores"/>: before the report is published, a contact sees its own row only).
    /// </summary>
    public async Task<(EvaluationRound Round, EvaluationRound? Previous, IReadOnlyList<string> Letters, List<ReportRow> Rows)?> ReportAsync(int year, EvaluationAccess access, CancellationToken ct)
    {
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (round is null) return null;
        var previous = await db.Set<EvaluationRound>().AsNoTracking().Where(r => r.Year < year).OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var letters = round.Scheme.Sections.Select(s => s.Letter).ToList();
        var answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => a.RoundId == round.Id || (previous != null && a.RoundId == previous.Id)).ToListAsync(ct);
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var rows = admins.Where(a => access.MaySeeScores(round, a.Id)).Select(a =>
        {
            var now = answers.FirstOrDefault(x => x.RoundId == round.Id && x.AdministrationId == a.Id) is { } r ? AssessmentOf(r) : new EvaluationAssessment();
            var before = previous is null ? null : answers.FirstOrDefault(x => x.RoundId == previous.Id && x.AdministrationId == a.Id) is { } p ? AssessmentOf(p) : null;
            return new ReportRow(a.Id, a.Code, letters.ToDictionary(l => l, l => now.Sections.GetValueOrDefault(l)?.Value),
                EvaluationAssessment.Compare(before, now, letters), now.Overall?.Value, Assessment.Compare(before?.Overall?.Value, now.Overall?.Value));
        }).ToList();
        return (round, previous, letters, rows);
    }

    /// <summary>
    /// One administration across the rounds the user may see its scores in (<see cref="EvaluationAccess.MaySeeScores"/>:
    /// another administration sees only published rounds): each section's score per year and the trend from the round before.
    /// </summary>
    public async Task<(string Code, List<int> Years, List<(string Letter, string Title)> Sections, Dictionary<(string Letter, int Year), (int? Score, Trend Trend)> Cells, Dictionary<int, (int? Score, Trend Trend)> Overall)?>
        AdministrationReportAsync(int administrationId, EvaluationAccess access, CancellationToken ct)
    {
        var admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == administrationId, ct);
        if (admin is null) return null;
        var rounds = (await db.Set<EvaluationRound>().AsNoTracking().OrderBy(r => r.Year).ToListAsync(ct)).Where(r => access.MaySeeScores(r, administrationId)).ToList();
        if (rounds.Count == 0) return null;
        var answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => a.AdministrationId == administrationId).ToListAsync(ct);
        var sections = rounds[^1].Scheme.Sections.Select(s => (s.Letter, s.Title)).ToList();
        var cells = new Dictionary<(string, int), (int?, Trend)>();
        var overall = new Dictionary<int, (int?, Trend)>();
        EvaluationAssessment? previous = null;
        foreach (var round in rounds)
        {
            var now = answers.FirstOrDefault(a => a.RoundId == round.Id) is { } rec ? AssessmentOf(rec) : new EvaluationAssessment();
            foreach (var (letter, _) in sections)
                cells[(letter, round.Year)] = (now.Sections.GetValueOrDefault(letter)?.Value, Assessment.Compare(previous?.Sections.GetValueOrDefault(letter)?.Value, now.Sections.GetValueOrDefault(letter)?.Value));
            overall[round.Year] = (now.Overall?.Value, Assessment.Compare(previous?.Overall?.Value, now.Overall?.Value));
            previous = now;
        }
        return (admin.Code, rounds.Select(r => r.Year).ToList(), sections, cells, overall);
    }

    /// <summary>Publishes the round's report (<see cref="EvaluationRound.PublishReport"/>): every administration's scores become visible to all.</summary>
    public async Task PublishReportAsync(int year, string by, CancellationToken ct)
    {
        var round = await db.Set<EvaluationRound>().FirstOrDefaultAsync(r => r.Year == year, ct)
            ?? throw new DomainException($"Der er ingen FOKUS-runde for {year}.");
        round.PublishReport(clock.GetUtcNow(), by);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Puts the round's report on the website (<see cref="EvaluationRound.PublishPublicly"/>): renders the
    /// report as every administration now sees it (page, PDF, Word) and freezes it as the round's
    /// <see cref="FokusPublication"/>, in one save with the round's publication time.
    /// </summary>
    public async Task PublishPubliclyAsync(int year, string by, CancellationToken ct)
    {
        var round = await db.Set<EvaluationRound>().FirstOrDefaultAsync(r => r.Year == year, ct)
            ?? throw new DomainException($"Der er ingen FOKUS-runde for {year}.");
        round.EnsureMayPublishPublicly(); // before rendering for nothing
        var now = clock.GetUtcNow();
        // The whole city's rows (the report is published to every administration, so nothing here is anybody's own only).
        var report = await ReportAsync(year, EvaluationAccess.For([Tilsyn.Identity.Roles.Advisor], null), ct)
            ?? throw new DomainException($"Der er ingen FOKUS-runde for {year}.");
        var document = FokusReportDocument.Build(year, report.Previous?.Year, report.Letters, report.Rows, [.. round.Scheme.Sections.Select(s => (s.Letter, s.Title))],
            $"Offentliggjort på Borgerrådgiverens hjemmeside {Tilsyn.Calendar.DanishTime.LocalDate(now):dd-MM-yyyy}.");
        var files = new FokusPublicationFiles(AnnualReports.ReportHtml.Render(document), Reports.ReportRenderer.ToPdf(document), Reports.ReportRenderer.ToDocx(document));
        db.Add(round.PublishPublicly(files, now, by));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once: the unique round index lets only the first publication in.
            throw new DomainException($"FOKUS-rapporten for {year} er allerede offentliggjort på hjemmesiden.");
        }
    }

    /// <summary>Stores the answer after a change made through its own methods.</summary>
    public async Task SaveAsync(EvaluationAnswerRecord record, EvaluationAnswer answer, CancellationToken ct)
    {
        record.Store(answer, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
