using Tilsyn.Publishing;

namespace Tilsyn.Web.AnnualReports;

/// <summary>How <see cref="AnnualReport"/> and its <see cref="ReportRecommendation"/>s are stored.</summary>
internal sealed class AnnualReportMapping : IEntityTypeConfiguration<AnnualReport>, IEntityTypeConfiguration<ReportRecommendation>
{
    public void Configure(EntityTypeBuilder<AnnualReport> e)
    {
        e.ToTable("annual_reports");
        e.HasAggregateVersion();
        e.HasIndex(x => x.Year).IsUnique();
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.PublishedBy).HasMaxLength(200);
        e.Ignore(x => x.IsPublished);
    }

    public void Configure(EntityTypeBuilder<ReportRecommendation> e)
    {
        e.ToTable("report_recommendations");
        e.Property(x => x.Text).HasMaxLength(ReportRecommendation.TextField.MaxLength);
        e.HasIndex(x => x.Year);
    }
}
