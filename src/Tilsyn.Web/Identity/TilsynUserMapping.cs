namespace Tilsyn.Web.Identity;

internal sealed class TilsynUserMapping : IEntityTypeConfiguration<TilsynUser>
{
    public void Configure(EntityTypeBuilder<TilsynUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(200).IsRequired();
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(u => u.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
