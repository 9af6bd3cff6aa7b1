namespace Tilsyn.Web.AccessLogging;

internal sealed class AccessLogEntryMapping : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> e)
    {
        e.ToTable("audit_log"); // the table keeps its first name; rows written since the start stay readable
        e.HasKey(x => x.Id);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.UserName).HasMaxLength(200);
        e.Property(x => x.Action).HasMaxLength(20)
            .HasConversion(a => a.ToString().ToLowerInvariant(), s => Enum.Parse<AccessAction>(s, true));
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.Detail).HasMaxLength(AccessLog.DetailMaxLength);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => x.CaseNumber);
        e.HasIndex(x => x.UserName);
    }
}
