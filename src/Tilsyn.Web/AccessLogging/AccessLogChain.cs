using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// The access log's hash chain: each line carries <see cref="AccessLogEntry.Sequence"/> (1, 2, 3 …) and
/// <see cref="AccessLogEntry.Hash"/> = SHA-256 over a canonical form of its fields and the previous
/// line's hash. Changing, deleting or inserting a line in the middle breaks the chain from that line on,
/// which <see cref="AccessLogVerifier"/> finds.
/// <para>
/// Appends are serialised so the chain cannot fork under concurrency (many requests, several
/// instances): the new lines are sealed inside the transaction that inserts them, after taking the
/// log's lock (PostgreSQL: <c>pg_advisory_xact_lock</c>, held to commit; SQLite: the transaction's
/// <c>BEGIN IMMEDIATE</c> write lock), from the last line the database actually holds. A unique index on
/// <c>Sequence</c> is the last guard: a fork would be refused, not stored.
/// </para>
/// </summary>
public static class AccessLogChain
{
    /// <summary>The first key of the advisory lock (the case numbering lock is 0x7153_0001).</summary>
    internal const int LockKey = 0x7153_0002;

    /// <summary>The previous hash of the first line.</summary>
    public const string Genesis = "";

    /// <summary>
    /// Seals <paramref name="added"/> (in the order they were added): takes the lock, reads the last
    /// sealed line and numbers and hashes the new lines after it. Runs inside the saving transaction.
    /// </summary>
    public static async Task SealAsync(DbContext db, IReadOnlyList<AccessLogEntry> added, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey}, 0)", ct);
        var last = await LastLink(db).FirstOrDefaultAsync(ct);
        Seal(added, last?.Sequence ?? 0, last?.Hash ?? Genesis);
    }

    /// <summary>The same as <see cref="SealAsync"/> for a synchronous <c>SaveChanges</c>.</summary>
    public static void Seal(DbContext db, IReadOnlyList<AccessLogEntry> added)
    {
        if (db.Database.IsNpgsql())
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({LockKey}, 0)");
        var last = LastLink(db).FirstOrDefault();
        Seal(added, last?.Sequence ?? 0, last?.Hash ?? Genesis);
    }

    private sealed record Link(long? Sequence, string? Hash);

    /// <summary>The last sealed line's place and hash (read under the lock).</summary>
    private static IQueryable<Link> LastLink(DbContext db) =>
        db.Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new Link(e.Sequence, e.Hash));

    private static void Seal(IReadOnlyList<AccessLogEntry> added, long lastSequence, string lastHash)
    {
        foreach (var entry in added)
        {
            entry.At = Normalise(entry.At);
            entry.Sequence = ++lastSequence;
            entry.Hash = lastHash = HashOf(entry, lastHash);
        }
    }

    /// <summary>
    /// The time as both databases give it back: UTC, whole milliseconds (SQLite keeps a tenth of a
    /// millisecond, PostgreSQL a microsecond), so the hash computed now is the hash recomputed later.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>
    /// SHA-256 (lower-case hex) over the canonical form of the line: a JSON array of sequence, time
    /// (UTC, ISO 8601 with milliseconds), user id, user name, action (as stored), case number, detail,
    /// remote address and the previous line's hash. JSON gives every field an unambiguous boundary.
    /// </summary>
    public static string HashOf(AccessLogEntry entry, string previousHash)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(entry.Sequence ?? 0);
            json.WriteStringValue(entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.UserId);
            json.WriteStringValue(entry.UserName);
            json.WriteStringValue(AccessLogEntryMapping.Stored(entry.Action));
            json.WriteStringValue(entry.CaseNumber);
            json.WriteStringValue(entry.Detail);
            json.WriteStringValue(entry.RemoteAddress);
            json.WriteStringValue(previousHash);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
