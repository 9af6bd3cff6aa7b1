using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tilsyn.Web.Extracts;

public enum ErrorPolicy
{
    /// <summary>Any bad row rejects the whole file: nothing is imported.</summary>
    RejectFile = 1,
    /// <summary>Valid rows are imported; bad rows are kept in quarantine with their errors.</summary>
    QuarantineBadRows = 2,
}

/// <summary>One imported extract (<i>dataudtræk</i>) from a source system for a period. Re-importing the same source and period replaces it.</summary>
public sealed class Extract
{
    public int Id { get; set; }
    public string Source { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string FileName { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public ErrorPolicy Policy { get; set; }
    public long RowsRead { get; set; }
    public long RowsImported { get; set; }
    public long RowsQuarantined { get; set; }
    /// <summary>The source's column mapping used (<c>Opened=Dato oprettet</c> per line); reused by the next import from the same source.</summary>
    public string? ColumnMapping { get; set; }
}

/// <summary>A stored cell of the KPI cube (see <c>Tilsyn.Statistics.KpiCube</c>); the day histogram lets cells be combined exactly.</summary>
public sealed class KpiCell
{
    public long Id { get; set; }
    public int ExtractId { get; set; }
    public int AdministrationId { get; set; }
    public int UnitId { get; set; }
    public string KleGroup { get; set; } = "";
    public string CaseType { get; set; } = "";
    public int Year { get; set; }
    public int Quarter { get; set; }
    public long Opened { get; set; }
    public long Decided { get; set; }
    public double? MedianDays { get; set; }
    public double? P90Days { get; set; }
    public long WithDeadline { get; set; }
    public long WithinDeadline { get; set; }
    /// <summary><c>days:count</c> pairs separated by spaces.</summary>
    public string Histogram { get; set; } = "";
}

public sealed class QuarantinedRow
{
    public long Id { get; set; }
    public int ExtractId { get; set; }
    public long Line { get; set; }
    public string Errors { get; set; } = "";
}

/// <summary>A published processing-time deadline (<i>sagsbehandlingsfrist</i>) for an administration and case type.</summary>
public sealed class ProcessingDeadline
{
    public int Id { get; set; }
    public int AdministrationId { get; set; }
    public string CaseType { get; set; } = "";
    public int Amount { get; set; }
    /// <summary><c>days</c> or <c>weeks</c>, as published.</summary>
    public bool InWeeks { get; set; }
    public int Days => InWeeks ? Amount * 7 : Amount;
}

internal sealed class ExtractConfigurations :
    IEntityTypeConfiguration<Extract>, IEntityTypeConfiguration<KpiCell>, IEntityTypeConfiguration<QuarantinedRow>, IEntityTypeConfiguration<ProcessingDeadline>
{
    public void Configure(EntityTypeBuilder<Extract> e)
    {
        e.ToTable("extracts");
        e.Property(x => x.Source).HasMaxLength(100);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ImportedBy).HasMaxLength(200);
        e.Property(x => x.Policy).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ColumnMapping).HasMaxLength(2000);
        e.HasIndex(x => new { x.Source, x.PeriodFrom, x.PeriodTo }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<KpiCell> e)
    {
        e.ToTable("kpi_cells");
        e.Property(x => x.KleGroup).HasMaxLength(8);
        e.Property(x => x.CaseType).HasMaxLength(100);
        e.HasOne<Extract>().WithMany().HasForeignKey(x => x.ExtractId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AdministrationId, x.Year, x.Quarter });
        e.HasIndex(x => x.UnitId);
    }

    public void Configure(EntityTypeBuilder<QuarantinedRow> e)
    {
        e.ToTable("extract_quarantine");
        e.HasOne<Extract>().WithMany().HasForeignKey(x => x.ExtractId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ExtractId);
    }

    public void Configure(EntityTypeBuilder<ProcessingDeadline> e)
    {
        e.ToTable("processing_deadlines");
        e.Property(x => x.CaseType).HasMaxLength(100);
        e.HasIndex(x => new { x.AdministrationId, x.CaseType }).IsUnique();
        e.HasOne<Tilsyn.Organisation.Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.Days);
    }
}
