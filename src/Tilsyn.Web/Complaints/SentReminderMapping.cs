namespace Tilsyn.Web.Complaints;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> e)
    {
        e.ToTable("sent_reminders");
        e.HasKey(x => x.Id);
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.To).HasMaxLength(254);
        e.HasIndex(x => new { x.CaseNumber, x.Kind, x.Due, x.SentOn, x.To }).IsUnique();
    }
}
