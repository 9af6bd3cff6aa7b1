using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tilsyn.Evaluations;

namespace Tilsyn.Web.Evaluations;

/// <summary>
/// FOKUS in the database: <c>evaluation_rounds</c> (the scheme as JSON in <c>SchemeJson</c>),
/// <c>evaluation_answers</c> (the answer's snapshot in <c>SnapshotJson</c>, the assessment in
/// <c>AssessmentJson</c>) and <c>evaluation_attachments</c>. The JSON is written exactly as before
/// the domain objects existed (web defaults, enums as numbers), so stored rows read unchanged.
/// </summary>
internal sealed class EvaluationMapping : IEntityTypeConfiguration<EvaluationRound>, IEntityTypeConfiguration<EvaluationAnswerRecord>, IEntityTypeConfiguration<EvaluationAttachment>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string SchemeToJson(EvaluationScheme scheme) => JsonSerializer.Serialize(scheme.Sections, Json);
    public static EvaluationScheme SchemeFromJson(string json) => new(JsonSerializer.Deserialize<List<Section>>(json, Json)!);

    public void Configure(EntityTypeBuilder<EvaluationRound> e)
    {
        e.ToTable("evaluation_rounds");
        e.HasIndex(x => x.Year).IsUnique();
        e.Property(x => x.OpenedBy).HasMaxLength(200);
        e.Property(x => x.ReportPublishedBy).HasMaxLength(200);
        e.Ignore(x => x.IsReportPublished);
        e.Property(x => x.PubliclyPublishedBy).HasMaxLength(200);
        e.Ignore(x => x.IsPubliclyPublished);
        e.Property(x => x.Scheme).HasColumnName("SchemeJson").HasConversion(
            v => SchemeToJson(v),
            v => SchemeFromJson(v),
            new ValueComparer<EvaluationScheme>((a, b) => SchemeToJson(a!) == SchemeToJson(b!), v => SchemeToJson(v).GetHashCode(), v => SchemeFromJson(SchemeToJson(v))));
    }

    public void Configure(EntityTypeBuilder<EvaluationAnswerRecord> e)
    {
        e.ToTable("evaluation_answers");
        e.HasAggregateVersion();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Snapshot).HasColumnName("SnapshotJson").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<EvaluationAnswer.Snapshot>(v, Json)!,
            new ValueComparer<EvaluationAnswer.Snapshot>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                v => JsonSerializer.Deserialize<EvaluationAnswer.Snapshot>(JsonSerializer.Serialize(v, Json), Json)!));
        e.Property(x => x.Assessment).HasColumnName("AssessmentJson").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<EvaluationAssessment>(v, Json),
            new ValueComparer<EvaluationAssessment?>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                v => v == null ? null : JsonSerializer.Deserialize<EvaluationAssessment>(JsonSerializer.Serialize(v, Json), Json)));
        e.HasIndex(x => new { x.RoundId, x.AdministrationId }).IsUnique();
        e.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EvaluationAttachment> e)
    {
        e.ToTable("evaluation_attachments");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(200);
        e.HasOne<EvaluationAnswerRecord>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}
