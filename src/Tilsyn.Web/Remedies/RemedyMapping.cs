using Tilsyn.Complaints;
using Tilsyn.Remedies;

namespace Tilsyn.Web.Remedies;

/// <summary>
/// A case's remedies (<i>afhjælpning</i>) are rows of the case aggregate (like its statement requests): table
/// <c>remedies</c> with the case's id, saved under the case's version, deleted with the case.
/// </summary>
internal sealed class RemedyMapping : IEntityTypeConfiguration<Remedy>
{
    public void Configure(EntityTypeBuilder<Remedy> e)
    {
        e.ToTable("remedies");
        e.HasKey(x => x.Id);
        e.Property<int>("CaseId");
        e.HasIndex("CaseId");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Answer).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Description).HasMaxLength(Remedy.DescriptionField.MaxLength);
        // Compliance is read per administration and period of due dates.
        e.HasIndex(x => new { x.AdministrationId, x.DueDate });
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.IsCarriedOut);
        e.Ignore(x => x.IsCarriedOutInTime);
        e.Ignore(x => x.DueText);
    }
}

/// <summary>The case's side of its remedies: loaded with the case wherever the case is loaded.</summary>
internal sealed class ComplaintCaseRemediesMapping : IEntityTypeConfiguration<ComplaintCase>
{
    public void Configure(EntityTypeBuilder<ComplaintCase> e)
    {
        e.HasMany(c => c.Remedies).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        e.Navigation(c => c.Remedies).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        e.Ignore(c => c.MayAskForRemedies);
    }
}
