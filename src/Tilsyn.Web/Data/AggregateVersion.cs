using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Tilsyn.Web.Data;

/// <summary>
/// Optimistic concurrency for the aggregates people edit (case, FOKUS answer, recommendation, annual
/// report, audited case): one <c>Version</c> column on the aggregate's root row, the same on SQLite and
/// PostgreSQL. Every save that changes the root or any row that belongs to it (a case's documents,
/// history lines, statement requests, categories …, found by the foreign key to the root) raises the
/// root's version by one, and EF's concurrency check makes the UPDATE match only the version the
/// change was based on. A form carries the version it showed (<see cref="ExpectVersion"/>), so
/// "A opens, B opens, B saves, A saves" refuses A instead of losing B's change.
/// </summary>
public static class AggregateVersion
{
    /// <summary>The root's property that holds the version.</summary>
    public const string Property = "Version";

    /// <summary>The form field that carries the version a page showed.</summary>
    public const string FormField = "version";

    private static readonly ConcurrentDictionary<IReadOnlyEntityType, IReadOnlyForeignKey[]> RootKeys = new();

    /// <summary>Makes the entity an aggregate root whose <c>Version</c> is raised on every save and checked by it.</summary>
    public static EntityTypeBuilder<T> HasAggregateVersion<T>(this EntityTypeBuilder<T> e) where T : class
    {
        e.Property<int>(Property).IsConcurrencyToken();
        return e;
    }

    /// <summary>
    /// Refuses the change unless <paramref name="shown"/> (the version the user's form was loaded
    /// with) is the version just loaded: someone else saved in between. Without a posted version
    /// (a script, an old form) only the save's own check applies: nobody may have saved between this
    /// request's load and its save. Throws <see cref="StaleVersionException"/>, which
    /// <see cref="DomainErrorPageFilter"/> shows as "changed by someone else" (409).
    /// </summary>
    public static void ExpectVersion(this DbContext db, object aggregate, int? shown)
    {
        var entry = db.Entry(aggregate);
        var version = entry.Property(Property);
        if (shown is { } v && !Equals(version.OriginalValue, v))
            throw new StaleVersionException(entry.Metadata.ClrType, $"{entry.Metadata.ClrType.Name} changed since the form was loaded (version {v}, now {version.OriginalValue}).");
    }

    /// <summary>Raises the version of every tracked root whose own row or one of whose rows is about to be saved.</summary>
    internal static void RaiseChanged(DbContext db)
    {
        List<EntityEntry>? changed = null;
        foreach (var entry in db.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                (changed ??= []).Add(entry);
        if (changed is null) return;

        Dictionary<(Type, object), EntityEntry>? roots = null;
        var raised = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in changed)
        {
            if (IsRoot(entry.Metadata))
            {
                if (entry.State == EntityState.Modified) Raise(entry, raised);
                continue;
            }
            foreach (var fk in KeysToRoots(entry.Metadata))
            {
                if (entry.Property(fk.Properties[0].Name).CurrentValue is not { } key) continue;
                roots ??= TrackedRoots(db);
                if (roots.TryGetValue((fk.PrincipalEntityType.ClrType, key), out var root) && root.State is EntityState.Unchanged or EntityState.Modified)
                    Raise(root, raised);
            }
        }
    }

    private static void Raise(EntityEntry root, HashSet<object> raised)
    {
        if (!raised.Add(root.Entity)) return;
        var version = root.Property(Property);
        version.CurrentValue = (int)version.OriginalValue! + 1;
    }

    private static bool IsRoot(IReadOnlyEntityType type) => type.FindProperty(Property) is { IsConcurrencyToken: true, ClrType: var t } && t == typeof(int);

    private static IReadOnlyForeignKey[] KeysToRoots(IReadOnlyEntityType type) =>
        RootKeys.GetOrAdd(type, t => [.. t.GetForeignKeys().Where(fk => fk.Properties.Count == 1 && IsRoot(fk.PrincipalEntityType))]);

    private static Dictionary<(Type, object), EntityEntry> TrackedRoots(DbContext db)
    {
        var roots = new Dictionary<(Type, object), EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
            if (IsRoot(entry.Metadata) && entry.Metadata.FindPrimaryKey() is { Properties.Count: 1 } pk && entry.Property(pk.Properties[0].Name).CurrentValue is { } id)
                roots[(entry.Metadata.ClrType, id)] = entry;
        return roots;
    }
}
