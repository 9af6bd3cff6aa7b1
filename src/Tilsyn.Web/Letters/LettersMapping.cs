namespace Tilsyn.Web.Letters;

internal sealed class StoredLetterTemplateConfiguration : IEntityTypeConfiguration<StoredLetterTemplate>
{
    public void Configure(EntityTypeBuilder<StoredLetterTemplate> e)
    {
        e.ToTable("letter_templates");
        e.HasKey(x => x.Kind);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}
