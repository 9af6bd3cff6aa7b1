using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// Guards the access log on every <c>SaveChanges</c>: refuses any change or deletion of its rows (the
/// application can only append; on PostgreSQL a trigger refuses it too, see <see cref="AccessLogTrigger"/>),
/// and seals new rows into the hash chain (<see cref="AccessLogChain"/>) inside the saving transaction.
/// When the caller has no transaction, one is opened here and committed (or rolled back) with the save,
/// so the lock, the read of the last row and the insert are one unit.
/// </summary>
internal sealed class AppendOnlyAccessLogInterceptor : SaveChangesInterceptor
{
    /// <summary>The transactions this interceptor opened, per context, until the save ends.</summary>
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> owned = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Added(db) is { Count: > 0 } added)
        {
            if (db.Database.CurrentTransaction is null) owned.AddOrUpdate(db, db.Database.BeginTransaction());
            AccessLogChain.Seal(db, added);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Added(db) is { Count: > 0 } added)
        {
            if (db.Database.CurrentTransaction is null) owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
            await AccessLogChain.SealAsync(db, added, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && owned.TryGetValue(db, out var tx))
        {
            owned.Remove(db);
            using (tx) tx.Commit();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && owned.TryGetValue(db, out var tx))
        {
            owned.Remove(db);
            await using (tx) await tx.CommitAsync(cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void RollBack(DbContext? db)
    {
        if (db is null || !owned.TryGetValue(db, out var tx)) return;
        owned.Remove(db);
        tx.Dispose(); // disposing an uncommitted transaction rolls it back
    }

    /// <summary>The new rows to seal, or refuses when a row would be changed or deleted.</summary>
    private static List<AccessLogEntry> Added(DbContext db)
    {
        var entries = db.ChangeTracker.Entries<AccessLogEntry>().ToList();
        if (entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Loggen over adgang til personoplysninger kan ikke ændres eller slettes.");
        return entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
    }
}
