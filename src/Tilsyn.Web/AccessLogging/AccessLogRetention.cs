using System.Globalization;
using Tilsyn.Calendar;

namespace Tilsyn.Web.AccessLogging;

/// <summary>What one pruning did: the cut, how many lines went, and through which place in the chain.</summary>
public sealed record AccessLogPruneResult(DateTimeOffset Before, int Deleted, long? ThroughSequence);

/// <summary>
/// Deletes access-log lines older than their retention (setting <c>Retention:AccessLogYears</c>, default 5):
/// only from the start of the hash chain, never in the middle, so the rest stays verifiable. In one
/// transaction, under the chain's lock: the last line to go is found (the line before the first one
/// written on or after the cut), its place and hash are recorded as an anchor (<see cref="AccessLogPrune"/>),
/// a line saying what was pruned is appended to the chain, and the lines are deleted. On PostgreSQL the
/// table's trigger lets a <c>DELETE</c> through only inside such a transaction and only for lines an
/// anchor covers (<see cref="AccessLogRetentionSql"/>). <see cref="AccessLogVerifier"/> starts from the anchor.
/// </summary>
public sealed class AccessLogRetention(TilsynDbContext db, IConfiguration config, TimeProvider clock)
{
    public const int DefaultYears = 5;

    /// <summary>How many years a line is kept (<c>Retention:AccessLogYears</c>); at least one.</summary>
    public int Years => Math.Max(1, config.GetValue("Retention:AccessLogYears", DefaultYears));

    /// <summary>The moment before which lines are due on <paramref name="asOf"/>: midnight in Copenhagen, <see cref="Years"/> earlier.</summary>
    public DateTimeOffset CutOff(DateOnly asOf) => DanishTime.At(asOf.AddYears(-Years), TimeOnly.MinValue);

    /// <summary>How many lines <see cref="PruneAsync"/> would delete on <paramref name="asOf"/> (for a dry run).</summary>
    public async Task<int> CountDueAsync(DateOnly asOf, CancellationToken ct)
    {
        var cut = CutOff(asOf);
        var through = await ThroughAsync(cut, ct);
        return await Due(cut, through).CountAsync(ct);
    }

    public async Task<AccessLogPruneResult> PruneAsync(DateOnly asOf, CancellationToken ct)
    {
        var cut = CutOff(asOf);
        var postgres = db.Database.IsNpgsql();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AccessLogChain.LockKey}, 0)", ct);
        var through = await ThroughAsync(cut, ct);
        var due = await Due(cut, through).CountAsync(ct);
        if (due == 0) return new(cut, 0, null);

        var hash = through is { } s ? await db.AccessLog.Where(e => e.Sequence == s).Select(e => e.Hash).SingleAsync(ct) : null;
        db.Add(new AccessLogPrune { At = clock.GetUtcNow(), Before = cut, ThroughSequence = through, ThroughHash = hash, Deleted = due });
        db.AccessLog.Add(new AccessLogEntry
        {
            At = clock.GetUtcNow(),
            UserName = "Tilsyn (opbevaringstid)",
            Action = AccessAction.AccessLogPruned,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"{due} loglinjer fra før {DanishTime.LocalDate(cut):dd-MM-yyyy} slettet (opbevaringstid {Years} år){(through is { } t ? $"; kæden fortsætter efter linje nr. {t}" : "")}"),
        });
        await db.SaveChangesAsync(ct); // the interceptor seals the new line into the chain, inside this transaction
        if (postgres)
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('tilsyn.access_log_prune', 'on', true)", ct);
        var deleted = await Due(cut, through).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return new(cut, deleted, through);
    }

    /// <summary>
    /// The last line of the chain to delete: the one before the first line written on or after the cut
    /// (lines are sealed in order, but two requests may stamp their times a moment out of order; the
    /// chain's order decides). Null when no chained line is due.
    /// </summary>
    private async Task<long?> ThroughAsync(DateTimeOffset cut, CancellationToken ct)
    {
        var chained = db.AccessLog.AsNoTracking().Where(e => e.Sequence != null);
        var firstKept = await chained.Where(e => e.At >= cut).MinAsync(e => e.Sequence, ct);
        var last = firstKept is { } k ? k - 1 : await chained.MaxAsync(e => e.Sequence, ct);
        var anchor = await db.Set<AccessLogPrune>().AsNoTracking().MaxAsync(p => p.ThroughSequence, ct);
        return last is { } l && l > (anchor ?? 0) ? l : null;
    }

    /// <summary>The lines to delete: the chain through <paramref name="through"/>, and lines from before the chain began that are older than the cut.</summary>
    private IQueryable<AccessLogEntry> Due(DateTimeOffset cut, long? through) =>
        through is { } t
            ? db.AccessLog.Where(e => (e.Sequence != null && e.Sequence <= t) || (e.Sequence == null && e.At < cut))
            : db.AccessLog.Where(e => e.Sequence == null && e.At < cut);
}
