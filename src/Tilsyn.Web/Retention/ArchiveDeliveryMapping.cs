namespace Tilsyn.Web.Retention;

internal sealed class ArchiveDeliveryMapping : IEntityTypeConfiguration<ArchiveDelivery>
{
    public void Configure(EntityTypeBuilder<ArchiveDelivery> e)
    {
        e.ToTable("archive_deliveries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(ArchiveDelivery.ReasonMaxLength).IsRequired();
        e.Property(x => x.Location).HasMaxLength(200).IsRequired();
        e.HasIndex(x => x.Location).IsUnique();
        e.Property(x => x.ManifestSha256).HasMaxLength(64).IsRequired();
        e.Property(x => x.CreatedBy).HasMaxLength(AccessLogging.AccessLog.UserNameMaxLength).IsRequired();
        e.HasIndex(x => x.CreatedAt);
    }
}
