using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.AnnualReports;

/// <summary>
/// The advisor's annual report (<i>Beretning</i>) for a year: the advisor's own texts (Markdown) while
/// it is a draft; once published, the PDF, DOCX and page are stored and served exactly as published.
/// </summary>
public sealed class AnnualReport
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Foreword { get; set; } = "";
    public string Themes { get; set; } = "";
    public string RecommendationsText { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? PublishedHtml { get; set; }
    public byte[]? PublishedPdf { get; set; }
    public byte[]? PublishedDocx { get; set; }
    public bool IsPublished => PublishedAt is not null;
}

/// <summary>A recommendation of the report aimed at one administration; on publication it enters the register.</summary>
public sealed class ReportRecommendation
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int AdministrationId { get; set; }
    public string Text { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public int? RecommendationId { get; set; }
}

/// <summary>
/// An anonymised case summary: an example for a report and an entry in the learning library. It
/// can only be published once every personal-data finding is resolved or confirmed by a person.
/// </summary>
public sealed class CaseExample
{
    public int Id { get; set; }
    public int? CaseId { get; set; }
    public int? AuditId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The anonymisation review (text, findings and their states) as JSON.</summary>
    public string ReviewJson { get; set; } = "";
    public bool Resolved { get; set; }
    /// <summary>The year's report it is chosen for, if any.</summary>
    public int? ReportYear { get; set; }
    public bool InLibrary { get; set; }
    /// <summary>The anonymised text, set only when published.</summary>
    public string? PublishedText { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int? AdministrationId { get; set; }
    public string? LegalRule { get; set; }
    public string? KleGroup { get; set; }
    public int Year { get; set; }
    public string? Outcome { get; set; }
    /// <summary>The published title and text, stemmed (Danish), for the library's full-text search.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>An administration's account to its committee (<i>redegørelse</i>) of how it followed up the year's report.</summary>
public sealed class FollowUpAccount
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int AdministrationId { get; set; }
    public string Committee { get; set; } = "";
    public string Introduction { get; set; } = "";
    public List<AccountItem> Items { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
}

public sealed record AccountItem(int RecommendationId, string Done, string Planned);

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>, IEntityTypeConfiguration<ReportRecommendation>,
    IEntityTypeConfiguration<CaseExample>, IEntityTypeConfiguration<FollowUpAccount>
{
    public void Configure(EntityTypeBuilder<AnnualReport> e)
    {
        e.ToTable("annual_reports");
        e.HasIndex(x => x.Year).IsUnique();
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.PublishedBy).HasMaxLength(200);
        e.Ignore(x => x.IsPublished);
    }

    public void Configure(EntityTypeBuilder<ReportRecommendation> e)
    {
        e.ToTable("report_recommendations");
        e.Property(x => x.Text).HasMaxLength(2000);
        e.HasIndex(x => x.Year);
    }

    public void Configure(EntityTypeBuilder<CaseExample> e)
    {
        e.ToTable("case_examples");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.LegalRule).HasMaxLength(100);
        e.Property(x => x.KleGroup).HasMaxLength(20);
        e.Property(x => x.Outcome).HasMaxLength(50);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.InLibrary, x.Year });
    }

    public void Configure(EntityTypeBuilder<FollowUpAccount> e)
    {
        e.ToTable("follow_up_accounts");
        e.HasIndex(x => new { x.Year, x.AdministrationId }).IsUnique();
        e.Property(x => x.Committee).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.Items).HasJsonConversion();
    }
}
