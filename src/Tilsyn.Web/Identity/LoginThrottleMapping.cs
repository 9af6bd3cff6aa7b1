namespace Tilsyn.Web.Identity;

internal sealed class LoginThrottleMapping : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> e)
    {
        e.ToTable("login_throttles");
        e.HasKey(x => new { x.UserId, x.AddressKey });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.AddressKey).HasMaxLength(64);
        e.HasOne<TilsynUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
