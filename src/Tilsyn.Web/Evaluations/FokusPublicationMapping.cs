using Tilsyn.Evaluations;

namespace Tilsyn.Web.Evaluations;

/// <summary>How a round's report as published on the website (<see cref="FokusPublication"/>) is stored: one row a round, files apart from the round.</summary>
internal sealed class FokusPublicationMapping : IEntityTypeConfiguration<FokusPublication>
{
    public void Configure(EntityTypeBuilder<FokusPublication> e)
    {
        e.ToTable("fokus_publications");
        e.HasIndex(x => x.Year).IsUnique();
        e.HasIndex(x => x.RoundId).IsUnique();
        e.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
