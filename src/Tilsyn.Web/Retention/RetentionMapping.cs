using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Web.Retention;

internal sealed class RetentionRuleMapping : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> e)
    {
        e.ToTable("retention_rules");
        e.HasKey(x => x.Id);
        e.HasAggregateVersion();
        e.Property(x => x.CaseType).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.KlePrefix).HasMaxLength(8);
        e.Property(x => x.Period).HasMaxLength(40).IsRequired();
        e.Property(x => x.Disposition).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(RetentionRule.NoteField.MaxLength);
        e.Property(x => x.ScopeKey).HasMaxLength(60).IsRequired();
        // Two rules never cover the same cases (RetentionRuleSet.EnsureUnique is the first guard).
        e.HasIndex(x => x.ScopeKey).IsUnique();
        e.Ignore(x => x.IsDefault);
        e.Ignore(x => x.ParsedPeriod);
        e.Ignore(x => x.Specificity);
        e.Ignore(x => x.Scope);
        // The default rule always exists: 5 years after closure, discard (issue 13).
        e.HasData(new
        {
            Id = RetentionRule.DefaultId, CaseType = (CaseType?)null, KlePrefix = (string?)null, Period = "P1825D",
            Disposition = RetentionDisposition.Discard, Note = (string?)"Standardregel", ScopeKey = "*", Version = 0,
        });
    }
}

internal sealed class LegalHoldMapping : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.ToTable("legal_holds");
        e.HasKey(x => x.Id);
        e.HasOne<ComplaintCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CaseId);
        // At most one hold in force per case, also when two people place one at the same moment.
        e.HasIndex(x => x.CaseId).HasDatabaseName("IX_legal_holds_in_force").IsUnique().HasFilter("\"LiftedAt\" IS NULL");
        e.Property(x => x.Reason).HasMaxLength(LegalHold.ReasonField.MaxLength).IsRequired();
        e.Property(x => x.LiftReason).HasMaxLength(LegalHold.LiftReasonField.MaxLength);
        e.Property(x => x.PlacedById).HasMaxLength(450);
        e.Property(x => x.LiftedById).HasMaxLength(450);
        e.Property(x => x.PlacedByName).HasMaxLength(200).IsRequired();
        e.Property(x => x.LiftedByName).HasMaxLength(200);
        e.Ignore(x => x.InForce);
    }
}

internal sealed class CaseDisposalMapping : IEntityTypeConfiguration<CaseDisposal>
{
    public void Configure(EntityTypeBuilder<CaseDisposal> e)
    {
        e.ToTable("retention_disposals");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.CaseId).IsUnique();
        e.Property(x => x.CaseNumber).HasMaxLength(12).IsRequired();
        e.Property(x => x.Disposition).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Cause).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Reason).HasMaxLength(CaseDisposal.ReasonMaxLength).IsRequired();
        e.HasIndex(x => x.DisposedAt);
    }
}
