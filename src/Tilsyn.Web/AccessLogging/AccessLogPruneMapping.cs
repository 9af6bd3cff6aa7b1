namespace Tilsyn.Web.AccessLogging;

internal sealed class AccessLogPruneMapping : IEntityTypeConfiguration<AccessLogPrune>
{
    public void Configure(EntityTypeBuilder<AccessLogPrune> e)
    {
        e.ToTable("audit_log_prunes");
        e.HasKey(x => x.Id);
        e.Property(x => x.ThroughHash).HasMaxLength(64);
        e.HasIndex(x => x.ThroughSequence);
    }
}
