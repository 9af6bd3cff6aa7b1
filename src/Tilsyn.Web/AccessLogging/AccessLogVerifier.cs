namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// The outcome of <see cref="AccessLogVerifier.VerifyAsync"/>: ok, or the first broken line. <see cref="PrunedThrough"/>
/// is the last line deleted by retention (the chain is verified from the line after it), null if none.
/// </summary>
public sealed record AccessLogVerification(bool Ok, long Checked, long BeforeChain, long? BrokenId = null, DateTimeOffset? BrokenAt = null, string? Reason = null,
    long? PrunedThrough = null);

/// <summary>
/// Recomputes the access log's hash chain (<see cref="AccessLogChain"/>) line by line, in chain order,
/// and reports the first line where it breaks: a changed line (its hash does not match), a deleted
/// line (a gap in the sequence, the next line's hash does not match), or a line without a hash written
/// after the chain began. Lines from before migration <c>Issue12Login</c> carry no hash and are only
/// counted: the chain begins with the first line written after it. Once old lines are deleted by
/// retention (<see cref="AccessLogRetention"/>), the chain is verified from the last anchor
/// (<see cref="AccessLogPrune"/>): the first kept line must be the next place and chain to its hash.
/// </summary>
public sealed class AccessLogVerifier(TilsynDbContext db)
{
    public async Task<AccessLogVerification> VerifyAsync(CancellationToken ct = default)
    {
        var log = db.AccessLog.AsNoTracking();
        var firstChained = await log.Where(e => e.Sequence != null).MinAsync(e => (long?)e.Id, ct);
        var beforeChain = await log.CountAsync(e => e.Sequence == null, ct);
        if (firstChained is { } first
            && await log.Where(e => e.Sequence == null && e.Id > first).OrderBy(e => e.Id).Select(e => new { e.Id, e.At }).FirstOrDefaultAsync(ct) is { } stray)
            return new(false, 0, beforeChain, stray.Id, stray.At, "linjen har ingen hash, men er skrevet efter at kæden begyndte");

        var anchor = await db.Set<AccessLogPrune>().AsNoTracking().Where(p => p.ThroughSequence != null)
            .OrderByDescending(p => p.ThroughSequence).FirstOrDefaultAsync(ct);
        long expected = (anchor?.ThroughSequence ?? 0) + 1, count = 0;
        var previous = anchor?.ThroughHash ?? AccessLogChain.Genesis;
        await foreach (var entry in log.Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
                return new(false, count, beforeChain, entry.Id, entry.At,
                    $"linje nr. {expected} i kæden mangler (næste er nr. {entry.Sequence}): en linje er slettet", anchor?.ThroughSequence);
            if (AccessLogChain.HashOf(entry, previous) != entry.Hash)
                return new(false, count, beforeChain, entry.Id, entry.At, "linjens indhold eller hash passer ikke med kæden: linjen eller den forrige er ændret", anchor?.ThroughSequence);
            previous = entry.Hash!;
            expected++;
            count++;
        }
        return new(true, count, beforeChain, PrunedThrough: anchor?.ThroughSequence);
    }
}
