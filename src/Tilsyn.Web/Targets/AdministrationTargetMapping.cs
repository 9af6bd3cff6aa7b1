using Tilsyn.Targets;

namespace Tilsyn.Web.Targets;

/// <summary>The administrations' own targets (<c>administration_targets</c>): one row per target or reasoned "no target".</summary>
internal sealed class AdministrationTargetMapping : IEntityTypeConfiguration<AdministrationTarget>
{
    public void Configure(EntityTypeBuilder<AdministrationTarget> e)
    {
        e.ToTable("administration_targets");
        e.HasKey(x => x.Id);
        e.HasAggregateVersion();
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.AreaKind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.KleCode).HasMaxLength(8);
        e.Property(x => x.CaseType).HasMaxLength(TargetArea.CaseTypeField.MaxLength);
        e.Property(x => x.OrgUnitName).HasMaxLength(AdministrationTarget.UnitNameField.MaxLength);
        e.Property(x => x.Rule).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Measure).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reason).HasMaxLength(ComplaintTarget.ReasonField.MaxLength);
        e.Property(x => x.DecidedBy).HasMaxLength(ComplaintTarget.DecidedByField.MaxLength).IsRequired();
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SubmittedBy).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        e.Property(x => x.UpdatedBy).HasMaxLength(200).IsRequired();
        e.Ignore(x => x.Target);
        e.Ignore(x => x.Years);
        e.Ignore(x => x.ChangedSinceSubmitted);
        e.HasIndex(x => new { x.AdministrationId, x.FirstYear });
    }
}
