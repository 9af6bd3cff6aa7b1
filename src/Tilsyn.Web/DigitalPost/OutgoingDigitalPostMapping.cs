namespace Tilsyn.Web.DigitalPost;

internal sealed class OutgoingDigitalPostMapping : IEntityTypeConfiguration<OutgoingDigitalPost>
{
    public void Configure(EntityTypeBuilder<OutgoingDigitalPost> e)
    {
        e.ToTable("outgoing_digital_post");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.MessageUuid).IsUnique();
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.Label).HasMaxLength(300);
        e.Property(x => x.ProtectedCpr).HasMaxLength(1000);
        e.Property(x => x.RecipientName).HasMaxLength(200);
        e.Property(x => x.FileName).HasMaxLength(300);
        e.Property(x => x.AdditionalFileName).HasMaxLength(300);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.LeaseOwner).HasMaxLength(64);
        e.HasIndex(x => x.CaseNumber);
        e.HasIndex(x => new { x.SentAt, x.NextAttemptAt }); // what is due
        e.HasIndex(x => x.LeaseUntil);
        e.HasIndex(x => x.FailedAt);
    }
}
