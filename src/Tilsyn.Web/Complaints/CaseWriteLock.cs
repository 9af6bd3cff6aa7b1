namespace Tilsyn.Web.Complaints;

/// <summary>
/// Serialises the writers of one case inside their transactions, so that two documents journalised
/// on the same case at once get two numbers (<c>YYYY-NNNNNNN-DD</c>) instead of one colliding on the
/// unique index: on PostgreSQL a transaction-scoped advisory lock per case
/// (<c>pg_advisory_xact_lock</c>, released at commit or rollback; other cases are not blocked); on
/// SQLite the transaction already holds the database's write lock (EF begins SQLite transactions
/// <c>IMMEDIATE</c>). The writer then works on the case as stored now (see
/// <c>Pages/Cases/Details</c>), and the case's version (<see cref="AggregateVersion"/>) stays the last guard.
/// </summary>
public static class CaseWriteLock
{
    /// <summary>The first key of the advisory lock (the case number allocator uses <c>0x7153_0001</c>); the second is the case id.</summary>
    private const int LockKey = 0x7153_0002;

    public static async Task TakeAsync(TilsynDbContext db, int caseId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A case is locked inside the transaction that changes it.");
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey}, {caseId})", ct);
    }
}
