using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tilsyn.Web.Evaluations;

/// <summary>
/// The status an administration gives its political committee (<i>udvalg</i>) on its initiatives in
/// the years without a FOKUS round (seed 004: the city council decided in 2016 that committees get one).
/// </summary>
public sealed class CommitteeStatus
{
    public int Id { get; set; }
    public int AdministrationId { get; set; }
    public int Year { get; set; }
    public string Committee { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class CommitteeStatusConfiguration : IEntityTypeConfiguration<CommitteeStatus>
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
