namespace Tilsyn.Web.Mail;

internal sealed class OutgoingMailMapping : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> e)
    {
        e.ToTable("outgoing_mail");
        e.HasKey(x => x.Id);
        e.Property(x => x.To).HasMaxLength(254);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.AttachmentName).HasMaxLength(200);
        e.Property(x => x.AttachmentContentType).HasMaxLength(100);
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.LeaseOwner).HasMaxLength(64);
        e.Property(x => x.ProtectedStatusToken).HasMaxLength(1000);
        e.Property(x => x.ProtectedFeedbackToken).HasMaxLength(1000);
        e.HasIndex(x => x.SentAt);
        e.HasIndex(x => new { x.SentAt, x.NextAttemptAt }); // what is due: unsent, by time
        e.HasIndex(x => x.LeaseUntil); // leases that ran out
        e.HasIndex(x => x.FailedAt);
    }
}
