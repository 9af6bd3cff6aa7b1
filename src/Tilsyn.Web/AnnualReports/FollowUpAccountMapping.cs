using Tilsyn.Publishing;

namespace Tilsyn.Web.AnnualReports;

/// <summary>How a <see cref="FollowUpAccount"/> is stored; its answers are one JSON column, <c>Items</c>.</summary>
internal sealed class FollowUpAccountMapping : IEntityTypeConfiguration<FollowUpAccount>
{
    public void Configure(EntityTypeBuilder<FollowUpAccount> e)
    {
        e.ToTable("follow_up_accounts");
        e.HasIndex(x => new { x.Year, x.AdministrationId }).IsUnique();
        e.Property(x => x.Committee).HasMaxLength(FollowUpAccount.CommitteeField.MaxLength);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Ignore(x => x.IsSubmitted);
        e.Ignore(x => x.Items);
        e.Property<List<AccountItem>>("items").HasColumnName("Items").HasJsonConversion();
    }
}
