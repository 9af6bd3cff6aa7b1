namespace Tilsyn.Web.Letters;

internal sealed class StoredLetterTemplateConfiguration : IEntityTypeConfiguration<StoredLetterTemplate>
{
    public void Configure(EntityTypeBuilder<StoredLetterTemplate> e)
    {
        e.ToTable("letter_templates");
        e.HasKey(x => x.Kind);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        // The column is wider than the rule (LetterTemplate.Title, 150 characters); the rule decides what is stored.
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}
