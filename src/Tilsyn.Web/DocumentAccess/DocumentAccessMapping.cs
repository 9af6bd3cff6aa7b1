using Tilsyn.DocumentAccess;

namespace Tilsyn.Web.DocumentAccess;

/// <summary>How a <see cref="DocumentAccessRequest"/> is stored: one row per <i>aktindsigt</i> case, the named cases, chosen documents and redaction spans as JSON (no text from the documents).</summary>
internal sealed class DocumentAccessMapping : IEntityTypeConfiguration<DocumentAccessRequest>
{
    public void Configure(EntityTypeBuilder<DocumentAccessRequest> e)
    {
        e.ToTable("document_access_requests");
        e.HasKey(x => x.Id);
        e.HasAggregateVersion();
        e.HasIndex(x => x.CaseId).IsUnique();
        e.HasOne<Tilsyn.Complaints.ComplaintCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.RequestCaseNumber).HasMaxLength(12).IsRequired();
        e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Ignore(x => x.IsDecided);
        e.Ignore(x => x.Grounds);
        e.Ignore(x => x.Cases);
        e.Ignore(x => x.Items);
        e.Ignore(x => x.RefusalGrounds);
        e.Property<List<string>>("cases").HasColumnName("Cases").HasJsonConversion();
        e.Property<List<ReleaseItem>>("items").HasColumnName("Items").HasJsonConversion();
        e.Property<List<ExemptionGround>>("refusalGrounds").HasColumnName("RefusalGrounds").HasJsonConversion();
    }
}
