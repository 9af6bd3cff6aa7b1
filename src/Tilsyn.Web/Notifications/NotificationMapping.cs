namespace Tilsyn.Web.Notifications;

internal sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.Key).HasMaxLength(64).IsRequired();
        e.HasIndex(x => x.Key).IsUnique(); // the same event never makes two notifications for one person
        e.Property(x => x.RecipientId).HasMaxLength(450).IsRequired();
        e.HasOne<TilsynUser>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Kind).HasConversion<int>();
        e.Property(x => x.Subject).HasMaxLength(Notification.SubjectMaxLength);
        e.Property(x => x.Occasion).HasMaxLength(Notification.SubjectMaxLength);
        e.Property(x => x.Title).HasMaxLength(Notification.TitleMaxLength);
        e.Property(x => x.Text).HasMaxLength(Notification.TextMaxLength);
        e.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        e.Property(x => x.MailState).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.RecipientId, x.CreatedAt }); // the user's list, newest first
        e.HasIndex(x => new { x.RecipientId, x.ReadAt }); // the unread count in the navigation
        e.HasIndex(x => x.MailState); // what waits for a digest
    }
}

internal sealed class NotificationPreferenceMapping : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.ToTable("notification_preferences");
        e.HasKey(x => new { x.UserId, x.Kind });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasConversion<int>();
        e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
        e.HasOne<TilsynUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationMailMapping : IEntityTypeConfiguration<NotificationMail>
{
    public void Configure(EntityTypeBuilder<NotificationMail> e)
    {
        e.ToTable("notification_mails");
        e.HasKey(x => x.Key); // one mail per notice, one digest per person and day
        e.Property(x => x.Key).HasMaxLength(64);
        e.Property(x => x.RecipientId).HasMaxLength(450);
        e.HasIndex(x => x.RecipientId);
    }
}
