namespace Tilsyn.Web.Complaints;

/// <summary>
/// Allocates the next running number of the year (<c>YYYY-NNNNNNN</c>) inside the caller's
/// transaction, so that concurrent registrations never take the same number:
/// on PostgreSQL the transaction first takes an advisory lock for the year
/// (<c>pg_advisory_xact_lock</c>, released at commit or rollback); on SQLite the transaction already
/// holds the database's write lock, because EF begins SQLite transactions <c>IMMEDIATE</c>. The
/// unique index on the number stays as the last guard.
/// </summary>
public sealed class CaseNumberAllocator(TilsynDbContext db)
{
    /// <summary>The first key of the advisory lock; the second is the year.</summary>
    private const int LockKey = 0x7153_0001;

    public async Task<int> NextAsync(int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Case numbers are allocated inside the registration's transaction.");
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey}, {year})", ct);
        var max = await db.Cases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        return max + 1;
    }
}
