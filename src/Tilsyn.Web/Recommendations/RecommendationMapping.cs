using System.Text.Json;
using Tilsyn.Recommendations;

namespace Tilsyn.Web.Recommendations;

internal sealed class RecommendationMapping : IEntityTypeConfiguration<Recommendation>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Recommendation> e)
    {
        e.ToTable("recommendations");
        e.HasKey(x => x.Id);
        e.HasAggregateVersion();
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SourceReference).HasMaxLength(Recommendation.SourceReferenceField.MaxLength);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.ClosingNote).HasMaxLength(Recommendation.ClosingNoteField.MaxLength);
        e.HasIndex(x => new { x.AdministrationId, x.Status });
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        e.Ignore(x => x.ClosedOn);
        e.Ignore(x => x.HasMeasurableEffect);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.Updates);
        // The update history is a small append-only list: stored as JSON in one column.
        e.Property<List<RecommendationUpdate>>("updates")
            .HasColumnName("Updates")
            .HasJsonConversion(Json);
    }
}
