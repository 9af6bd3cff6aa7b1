namespace Tilsyn.Web.AccessLogging;

internal sealed class AccessLogEntryMapping : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> e)
    {
        e.ToTable("audit_log"); // the table keeps its first name; rows written since the start stay readable
        e.HasKey(x => x.Id);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.UserName).HasMaxLength(AccessLog.UserNameMaxLength);
        e.Property(x => x.Action).HasMaxLength(20)
            .HasConversion(a => Stored(a), s => Enum.Parse<AccessAction>(s, true));
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.Detail).HasMaxLength(AccessLog.DetailMaxLength);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => x.CaseNumber);
        e.HasIndex(x => x.UserName);
        e.Property(x => x.Hash).HasMaxLength(64);
        // One line per place in the chain: a forked append is refused by the database.
        e.HasIndex(x => x.Sequence).IsUnique();
    }

    /// <summary>How an action is stored (and hashed): its lower-case name.</summary>
    public static string Stored(AccessAction action) => action.ToString().ToLowerInvariant();
}
