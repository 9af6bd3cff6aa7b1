using Tilsyn.Evaluations;

namespace Tilsyn.Web.Evaluations;

/// <summary><see cref="CommitteeStatus"/> in <c>committee_statuses</c>: one per administration and year.</summary>
internal sealed class CommitteeStatusMapping : IEntityTypeConfiguration<CommitteeStatus>
{
    public void Configure(EntityTypeBuilder<CommitteeStatus> e)
    {
        e.ToTable("committee_statuses");
        e.Property(x => x.Committee).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.AdministrationId, x.Year }).IsUnique();
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
