using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Calendar;
using Tilsyn.Common;
using Tilsyn.Evaluations;
using Tilsyn.Web.Data;
using Tilsyn.Web.Identity;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Evaluations;

/// <summary>A FOKUS round (<i>evalueringsrunde</i>): year, answer deadline and the scheme it is answered on (stored as JSON).</summary>
public sealed class EvaluationRound
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateOnly Deadline { get; set; }
    public string SchemeJson { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
}

/// <summary>One administration's answer to a round; the domain object is stored as a snapshot (JSON).</summary>
public sealed class EvaluationAnswerRecord
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int AdministrationId { get; set; }
    public AnswerStatus Status { get; set; }
    public string SnapshotJson { get; set; } = "";
    /// <summary>The advisor's assessment (<see cref="EvaluationAssessment"/>) as JSON; null until assessed.</summary>
    public string? AssessmentJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class EvaluationConfigurations : IEntityTypeConfiguration<EvaluationRound>, IEntityTypeConfiguration<EvaluationAnswerRecord>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> e)
    {
        e.ToTable("evaluation_rounds");
        e.HasIndex(x => x.Year).IsUnique();
        e.Property(x => x.OpenedBy).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<EvaluationAnswerRecord> e)
    {
        e.ToTable("evaluation_answers");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.RoundId, x.AdministrationId }).IsUnique();
        e.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Rounds and answers: a new round copies the latest round's scheme (or the city's standard A–G
/// scheme for the first) and gives every administration a draft answer. An administration's contact
/// reaches only its own answer; the advisor's staff reach all.
/// </summary>
public sealed class EvaluationService(TilsynDbContext db, TimeProvider clock, Tilsyn.Web.Mail.MailOutbox outbox, IConfiguration config)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly EvaluationScheme StandardScheme = new(
    [
        new Section("A", "Ledelsens forankring og opfølgning", [new Question("A1", "Hvordan følger direktion og ledelse op på retssikkerhed og sagsbehandling?", QuestionKind.FreeText), new Question("A2", "Har forvaltningen måltal for klager i forhold til sagsmængden?", QuestionKind.YesNo)]),
        new Section("B", "Initiativer til bedre sagsbehandling", [new Question("B1", "Hvilke initiativer har forvaltningen iværksat?", QuestionKind.Initiatives)]),
        new Section("C", "Klagebehandling", [new Question("C1", "Hvordan behandles og registreres klager?", QuestionKind.FreeText)]),
        new Section("D", "Ledelsesinformation", [new Question("D1", "Hvilken ledelsesinformation bruges, og hvor ofte?", QuestionKind.FreeText)]),
        new Section("E", "Kompetenceudvikling", [new Question("E1", "Hvordan styrkes medarbejdernes viden om forvaltningsret?", QuestionKind.FreeText)]),
        new Section("F", "Borgerbetjening og kommunikation", [new Question("F1", "Hvordan vurderer forvaltningen selv sin borgerbetjening (1–5)?", QuestionKind.Scale, 1, 5)]),
        new Section("G", "Læring på tværs", [new Question("G1", "Hvordan deles læring fra klager mellem enhederne?", QuestionKind.FreeText)]),
    ]);

    public string AnswerUrl(int year, int administrationId) => $"{(config["PublicBaseUrl"] ?? "").TrimEnd('/')}/Evaluations/Answer?year={year}&administration={administrationId}";

    public static string SchemeToJson(EvaluationScheme scheme) => JsonSerializer.Serialize(scheme.Sections, Json);
    public static EvaluationScheme SchemeFromJson(string json) => new(JsonSerializer.Deserialize<List<Section>>(json, Json)!);

    public async Task<EvaluationRound> OpenRoundAsync(int year, DateOnly deadline, string by, CancellationToken ct)
    {
        if (await db.Set<EvaluationRound>().AnyAsync(r => r.Year == year, ct)) throw new DomainException($"Der er allerede en FOKUS-runde for {year}.");
        if (deadline <= clock.Today()) throw new DomainException("Svarfristen skal ligge efter i dag.");
        var previous = await db.Set<EvaluationRound>().Where(r => r.Year < year).OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var scheme = previous is null ? StandardScheme : SchemeFromJson(previous.SchemeJson).CopyForNewRound();
        var round = new EvaluationRound { Year = year, Deadline = deadline, SchemeJson = SchemeToJson(scheme), OpenedAt = clock.GetUtcNow(), OpenedBy = by };
        db.Add(round);
        await db.SaveChangesAsync(ct);
        foreach (var adminId in await db.Administrations.Select(a => a.Id).ToListAsync(ct))
            db.Add(Record(round.Id, new EvaluationAnswer(adminId, scheme)));
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
        if (!user.Scope().Covers(administrationId)) return null;
        var round = await db.Set<EvaluationRound>().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (round is null) return null;
        var record = await db.Set<EvaluationAnswerRecord>().FirstOrDefaultAsync(a => a.RoundId == round.Id && a.AdministrationId == administrationId, ct);
        if (record is null) return null;
        var snapshot = JsonSerializer.Deserialize<EvaluationAnswer.Snapshot>(record.SnapshotJson, Json)!;
        return (record, EvaluationAnswer.Restore(administrationId, SchemeFromJson(round.SchemeJson), snapshot));
    }

    public static EvaluationAssessment AssessmentOf(EvaluationAnswerRecord record) =>
        record.AssessmentJson is null ? new EvaluationAssessment() : JsonSerializer.Deserialize<EvaluationAssessment>(record.AssessmentJson, Json)!;

    public async Task SaveAssessmentAsync(EvaluationAnswerRecord record, EvaluationAssessment assessment, CancellationToken ct)
    {
        record.AssessmentJson = JsonSerializer.Serialize(assessment, Json);
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public sealed record ReportRow(string Administration, IReadOnlyDictionary<string, int?> Scores, IReadOnlyDictionary<string, Trend> Trends, int? Overall, Trend OverallTrend);

    /// <summary>The city-wide comparison: each administration's section scores this round, and better/same/worse against the previous round.</summary>
    public async Task<(EvaluationRound Round, EvaluationRound? Previous, IReadOnlyList<string> Letters, List<ReportRow> Rows)?> ReportAsync(int year, CancellationToken ct)
    {
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (round is null) return null;
        var previous = await db.Set<EvaluationRound>().AsNoTracking().Where(r => r.Year < year).OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var letters = SchemeFromJson(round.SchemeJson).Sections.Select(s => s.Letter).ToList();
        var answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => a.RoundId == round.Id || (previous != null && a.RoundId == previous.Id)).ToListAsync(ct);
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var rows = admins.Select(a =>
        {
            var now = answers.FirstOrDefault(x => x.RoundId == round.Id && x.AdministrationId == a.Id) is { } r ? AssessmentOf(r) : new EvaluationAssessment();
            var before = previous is null ? null : answers.FirstOrDefault(x => x.RoundId == previous.Id && x.AdministrationId == a.Id) is { } p ? AssessmentOf(p) : null;
            return new ReportRow(a.Code, letters.ToDictionary(l => l, l => now.Sections.GetValueOrDefault(l)?.Value),
                EvaluationAssessment.Compare(before, now, letters), now.Overall?.Value, Assessment.Compare(before?.Overall?.Value, now.Overall?.Value));
        }).ToList();
        return (round, previous, letters, rows);
    }

    /// <summary>One administration across all rounds: each section's score per year and the trend from the year before.</summary>
    public async Task<(string Code, List<int> Years, List<(string Letter, string Title)> Sections, Dictionary<(string Letter, int Year), (int? Score, Trend Trend)> Cells, Dictionary<int, (int? Score, Trend Trend)> Overall)?>
        AdministrationReportAsync(int administrationId, CancellationToken ct)
    {
        var admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == administrationId, ct);
        if (admin is null) return null;
        var rounds = await db.Set<EvaluationRound>().AsNoTracking().OrderBy(r => r.Year).ToListAsync(ct);
        if (rounds.Count == 0) return null;
        var answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => a.AdministrationId == administrationId).ToListAsync(ct);
        var sections = SchemeFromJson(rounds[^1].SchemeJson).Sections.Select(s => (s.Letter, s.Title)).ToList();
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

    /// <summary>Stores the answer after a change made through its own methods.</summary>
    public async Task SaveAsync(EvaluationAnswerRecord record, EvaluationAnswer answer, CancellationToken ct)
    {
        record.SnapshotJson = JsonSerializer.Serialize(answer.ToSnapshot(), Json);
        record.Status = answer.Status;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private EvaluationAnswerRecord Record(int roundId, EvaluationAnswer a) => new()
    {
        RoundId = roundId, AdministrationId = a.AdministrationId, Status = a.Status,
        SnapshotJson = JsonSerializer.Serialize(a.ToSnapshot(), Json), UpdatedAt = clock.GetUtcNow(),
    };
}

/// <summary>A document attached to an administration's FOKUS answer (checked by content like a complaint's attachments).</summary>
public sealed class EvaluationAttachment
{
    public int Id { get; set; }
    public int AnswerId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

internal sealed class EvaluationAttachmentConfiguration : IEntityTypeConfiguration<EvaluationAttachment>
{
    public void Configure(EntityTypeBuilder<EvaluationAttachment> e)
    {
        e.ToTable("evaluation_attachments");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(200);
        e.HasOne<EvaluationAnswerRecord>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}
