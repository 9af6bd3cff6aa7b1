namespace Tilsyn.Web.Statistics;

/// <summary>The targets table: one target per administration (or area) and kind.</summary>
internal sealed class TargetMapping : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> e)
    {
        e.ToTable("targets");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Tilsyn.Organisation.OrgUnit>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AdministrationId, x.AreaId, x.Kind }).IsUnique();
    }
}
