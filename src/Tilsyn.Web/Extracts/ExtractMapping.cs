namespace Tilsyn.Web.Extracts;

/// <summary>The extracts feature's tables: imports, KPI cells, quarantined rows, processing deadlines and the kept cases.</summary>
internal sealed class ExtractMapping :
    IEntityTypeConfiguration<Extract>, IEntityTypeConfiguration<KpiCell>, IEntityTypeConfiguration<QuarantinedRow>, IEntityTypeConfiguration<ProcessingDeadline>,
    IEntityTypeConfiguration<ExtractCaseChunk>
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

    public void Configure(EntityTypeBuilder<ExtractCaseChunk> e)
    {
        e.ToTable("extract_case_chunks");
        e.HasIndex(x => new { x.ExtractId, x.ChunkNo }).IsUnique();
        e.HasOne<Extract>().WithMany().HasForeignKey(x => x.ExtractId).OnDelete(DeleteBehavior.Cascade);
    }
}
