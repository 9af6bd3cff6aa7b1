using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Audits;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.CaseAudits;

/// <summary>Where an audit's cases come from.</summary>
public enum PopulationSource
{
    /// <summary>The cases of an imported extract from an administration's case system.</summary>
    Extract = 1,
    /// <summary>Tilsyn's own complaint cases.</summary>
    Complaints = 2,
}

/// <summary>
/// A case audit (<i>sagsaudit</i>): a population, a design and a recorded seed; the drawn sample is
/// stored with it, so the audit never changes when more data is imported, and anyone can redraw it.
/// </summary>
public sealed class CaseAudit
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Who runs it: null = the citizens' advisor; otherwise the administration's own quality unit.</summary>
    public int? OwnerAdministrationId { get; set; }
    public PopulationSource Source { get; set; }
    public int? ExtractId { get; set; }
    public string? ExtractLabel { get; set; }
    public int? AdministrationId { get; set; }
    public int? UnitId { get; set; }
    public string? KleGroup { get; set; }
    public string? CaseType { get; set; }
    public DateOnly? OpenedFrom { get; set; }
    public DateOnly? OpenedTo { get; set; }
    public StratifyBy StratifyBy { get; set; }
    public SampleDesign Design { get; set; }
    public int SampleSize { get; set; }
    public long Seed { get; set; }
    public int ChecklistVersion { get; set; }
    public long PopulationSize { get; set; }
    /// <summary>Per stratum: key, label, population size N_h and sample size n_h (JSON).</summary>
    public List<AuditStratum> Strata { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public PopulationFilter Filter => new(AdministrationId, UnitId, KleGroup, CaseType, OpenedFrom, OpenedTo);

    /// <summary>Two audits are of the same population when source and filter agree apart from the period (the next year's audit of the same area).</summary>
    public bool SamePopulationAs(CaseAudit other) =>
        Source == other.Source && AdministrationId == other.AdministrationId && UnitId == other.UnitId
        && string.Equals(KleGroup ?? "", other.KleGroup ?? "", StringComparison.Ordinal)
        && string.Equals(CaseType ?? "", other.CaseType ?? "", StringComparison.OrdinalIgnoreCase);
}

public sealed record AuditStratum(string Key, string Label, long PopulationSize, int SampleSize);

/// <summary>One sampled case and the auditor's answers to the checklist.</summary>
public sealed class SampledCase
{
    public long Id { get; set; }
    public int AuditId { get; set; }
    public string CaseKey { get; set; } = "";
    public string Stratum { get; set; } = "";
    public int AdministrationId { get; set; }
    public int UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string CaseType { get; set; } = "";
    public string? KleGroup { get; set; }
    public DateOnly Opened { get; set; }
    public DateOnly? Decided { get; set; }
    public Dictionary<string, AuditCell> Answers { get; set; } = [];
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
}

public sealed record AuditCell(AuditAnswer Answer, string? Comment);

internal sealed class CaseAuditConfiguration : IEntityTypeConfiguration<CaseAudit>
{
    public void Configure(EntityTypeBuilder<CaseAudit> e)
    {
        e.ToTable("case_audits");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.ExtractLabel).HasMaxLength(200);
        e.Property(x => x.KleGroup).HasMaxLength(20);
        e.Property(x => x.CaseType).HasMaxLength(100);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.StratifyBy).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Design).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Strata).HasJsonConversion();
        e.Ignore(x => x.Filter);
        e.HasIndex(x => x.AdministrationId);
    }
}

internal sealed class SampledCaseConfiguration : IEntityTypeConfiguration<SampledCase>
{
    public void Configure(EntityTypeBuilder<SampledCase> e)
    {
        e.ToTable("audited_cases");
        e.Property(x => x.CaseKey).HasMaxLength(100);
        e.Property(x => x.Stratum).HasMaxLength(100);
        e.Property(x => x.UnitName).HasMaxLength(200);
        e.Property(x => x.CaseType).HasMaxLength(100);
        e.Property(x => x.KleGroup).HasMaxLength(20);
        e.Property(x => x.AnsweredBy).HasMaxLength(200);
        e.Property(x => x.Answers).HasJsonConversion();
        e.HasOne<CaseAudit>().WithMany().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AuditId, x.CaseKey }).IsUnique();
    }
}
