using Tilsyn.Organisation;

namespace Tilsyn.Web.Organisation;

internal sealed class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> e)
    {
        e.ToTable("administrations");
        e.HasKey(a => a.Id);
        e.Property(a => a.Code).HasMaxLength(Administration.CodeMaxLength).IsRequired();
        e.HasIndex(a => a.Code).IsUnique();
        e.Property(a => a.Name).HasMaxLength(200).IsRequired();
        e.Property(a => a.Committee).HasMaxLength(200);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> e)
    {
        e.ToTable("org_units");
        e.HasKey(u => u.Id);
        e.Property(u => u.Name).HasMaxLength(200).IsRequired();
        e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(10);
        e.HasOne(u => u.Administration).WithMany().HasForeignKey(u => u.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(u => new { u.AdministrationId, u.ParentId, u.Name }).IsUnique();
    }
}

internal sealed class KleSubjectConfiguration : IEntityTypeConfiguration<KleSubject>
{
    public void Configure(EntityTypeBuilder<KleSubject> e)
    {
        e.ToTable("kle_subjects");
        e.HasKey(k => k.Code);
        e.Property(k => k.Code).HasMaxLength(8);
        e.Property(k => k.ParentCode).HasMaxLength(8);
        e.Property(k => k.Title).HasMaxLength(300).IsRequired();
        e.HasIndex(k => k.ParentCode);
    }
}
