using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tilsyn.Anonymisation;
using Tilsyn.Publishing;

namespace Tilsyn.Web.AnnualReports;

/// <summary>How a <see cref="CaseExample"/> is stored; its anonymisation review is one JSON column, <c>ReviewJson</c>.</summary>
internal sealed class CaseExampleMapping : IEntityTypeConfiguration<CaseExample>
{
    public void Configure(EntityTypeBuilder<CaseExample> e)
    {
        e.ToTable("case_examples");
        e.Property(x => x.Title).HasMaxLength(CaseExample.TitleField.MaxLength);
        e.Property(x => x.LegalRule).HasMaxLength(100);
        e.Property(x => x.KleGroup).HasMaxLength(20);
        e.Property(x => x.Outcome).HasMaxLength(50);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.InLibrary, x.Year });
        e.Ignore(x => x.IsPublished);
        e.Ignore(x => x.AnonymisedText);
        e.Property<AnonymisationSnapshot>("review")
            .HasColumnName("ReviewJson")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonColumn.Options),
                v => JsonSerializer.Deserialize<AnonymisationSnapshot>(v, JsonColumn.Options)!,
                new ValueComparer<AnonymisationSnapshot>(
                    (a, b) => JsonSerializer.Serialize(a, JsonColumn.Options) == JsonSerializer.Serialize(b, JsonColumn.Options),
                    v => JsonSerializer.Serialize(v, JsonColumn.Options).GetHashCode(),
                    v => v));
    }
}
