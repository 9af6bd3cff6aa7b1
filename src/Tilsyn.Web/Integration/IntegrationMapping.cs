using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tilsyn.Integration;

namespace Tilsyn.Web.Integration;

internal sealed class IntegrationClientMapping : IEntityTypeConfiguration<IntegrationClient>
{
    public void Configure(EntityTypeBuilder<IntegrationClient> e)
    {
        e.ToTable("integration_clients");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(IntegrationClient.NameMaxLength);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.OAuthClientId).HasMaxLength(IntegrationClient.OAuthClientIdMaxLength);
        // One registry row per OAuth client: the token's client id finds exactly one client.
        e.HasIndex(x => x.OAuthClientId).IsUnique();
        e.Property(x => x.KeyLookupId).HasMaxLength(ApiKey.LookupLength);
        e.HasIndex(x => x.KeyLookupId).IsUnique();
        e.Property(x => x.KeyHash).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(AccessLogging.AccessLog.UserNameMaxLength);
        // The grants as one space-separated text (as OAuth writes scopes), identical on both databases.
        e.Property(x => x.Scopes).HasMaxLength(500).HasConversion(
            v => string.Join(' ', v),
            s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
        e.HasAggregateVersion();
    }
}

internal sealed class IdempotencyRecordMapping : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("integration_idempotency");
        e.HasKey(x => x.Id);
        e.Property(x => x.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        e.Property(x => x.RequestHash).HasMaxLength(64);
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        // The guard against a retry racing its original: the second insert of the same key is refused.
        e.HasIndex(x => new { x.ClientId, x.Key }).IsUnique();
        e.HasIndex(x => x.CreatedAt);
        e.HasOne<IntegrationClient>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntegrationExtractJobMapping : IEntityTypeConfiguration<IntegrationExtractJob>
{
    public void Configure(EntityTypeBuilder<IntegrationExtractJob> e)
    {
        e.ToTable("integration_extract_jobs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Source).HasMaxLength(100);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Failure).HasMaxLength(1000);
        e.HasIndex(x => new { x.ClientId, x.StartedAt });
        e.HasOne<IntegrationClient>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
