using Tilsyn.Audits;

namespace Tilsyn.Web.CaseAudits;

/// <summary>
/// The case audit aggregate in the database: <c>case_audits</c> (strata as JSON) and
/// <c>audited_cases</c> (answers as JSON), written through the domain objects' private setters and fields.
/// </summary>
internal sealed class CaseAuditMapping : IEntityTypeConfiguration<CaseAudit>
{
    public void Configure(EntityTypeBuilder<CaseAudit> e)
    {
        e.ToTable("case_audits");
        e.Property(x => x.Title).HasMaxLength(CaseAudit.TitleField.MaxLength);
        e.Property(x => x.ExtractLabel).HasMaxLength(200);
        e.Property(x => x.KleGroup).HasMaxLength(20);
        e.Property(x => x.CaseType).HasMaxLength(100);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.StratifyBy).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Design).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Ignore(x => x.Strata);
        e.Property<List<AuditStratum>>("strata").HasColumnName("Strata").HasJsonConversion();
        e.Ignore(x => x.Filter);
        e.Ignore(x => x.DrawnWith);
        e.Ignore(x => x.Checklist);
        e.Ignore(x => x.Reference);
        e.HasIndex(x => x.AdministrationId);
    }
}

internal sealed class SampledCaseMapping : IEntityTypeConfiguration<SampledCase>
{
    public void Configure(EntityTypeBuilder<SampledCase> e)
    {
        e.ToTable("audited_cases");
        e.HasAggregateVersion();
        e.Property(x => x.CaseKey).HasMaxLength(100);
        e.Property(x => x.Stratum).HasMaxLength(100);
        e.Property(x => x.UnitName).HasMaxLength(200);
        e.Property(x => x.CaseType).HasMaxLength(100);
        e.Property(x => x.KleGroup).HasMaxLength(20);
        e.Property(x => x.AnsweredBy).HasMaxLength(200);
        e.Ignore(x => x.Answers);
        e.Property<Dictionary<string, AuditCell>>("answers").HasColumnName("Answers").HasJsonConversion();
        e.HasOne<CaseAudit>().WithMany().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AuditId, x.CaseKey }).IsUnique();
    }
}
