using System.Data.Common;
using Tilsyn.Complaints;
using Tilsyn.Publishing;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Retention;

/// <summary>
/// The deletion that leaves no trace (<see cref="ICaseDataDeleter"/>). For every case given, in one
/// transaction: the case becomes a pseudonymous stub (<see cref="ComplaintCase.ErasePersonalData"/>: citizen,
/// texts, documents' text and files, history texts and names, statement requests' texts); its mails in the
/// outbox (sent or not, with their PDFs) and its sent-reminder records are deleted; its search-index rows
/// are deleted; a case example made from it is deleted while a draft, and a published one keeps only its
/// published text (<see cref="CaseExample.ForgetSource"/>). The caller records the deletion (<see cref="RetentionRun"/>: a disposal and an access-log line).
/// Kept on purpose: recommendations (addressed to an administration, they name the case number only),
/// case audits (their sample names the case number; results must not change), published annual reports
/// (frozen bytes) and FOKUS (not case data). The access log keeps its own retention
/// (<see cref="AccessLogRetention"/>).
/// <para>
/// <see cref="ReclaimStorageAsync"/> removes the bytes: on SQLite every connection already runs with
/// <c>secure_delete</c> (<see cref="SqliteSecureDelete"/>), the FTS5 indexes are merged, the file is
/// rebuilt with <c>VACUUM</c> (setting <c>Retention:SqliteVacuum</c>, on by default: it also clears what
/// was deleted before <c>secure_delete</c> was on) and the write-ahead log is checkpointed and truncated.
/// On PostgreSQL the touched tables are vacuumed (their dead rows' space becomes reusable; <c>pg_dump</c>
/// never reads dead rows; old WAL segments and backups age out with their own retention).
/// </para>
/// </summary>
public sealed class CaseDataDeleter(TilsynDbContext db, CaseSearch search,
    TimeProvider clock, IConfiguration config, ILogger<CaseDataDeleter> log) : ICaseDataDeleter
{
    /// <summary>The tables whose rows a deletion changes or removes (vacuumed on PostgreSQL).</summary>
    private static readonly string[] TouchedTables =
        ["cases", "case_documents", "case_events", "statement_requests", "outgoing_mail", "sent_reminders", "case_search", "case_search_shared", "case_examples", "document_access_requests", "audit_log"];

    public async Task<int> DeleteAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0) return 0;
        var why = CaseTextFields.ErasureReason.Required(reason);
        var at = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cases = await db.Cases
            .Where(c => ids.Contains(c.Id) && c.PersonalDataDeletedAt == null)
            .Include(c => c.Events).Include(c => c.Documents).Include(c => c.StatementRequests)
            .AsSplitQuery()
            .ToListAsync(ct);
        if (cases.Count == 0) return 0;

        // The caller (the retention run) records each deletion in the access log with its rule or request.
        foreach (var c in cases) c.ErasePersonalData(at, why);
        var erasedIds = cases.Select(c => c.Id).ToList();
        var numbers = cases.Select(c => c.Number).ToList();

        var examples = await db.Set<CaseExample>().Where(e => e.CaseId != null && erasedIds.Contains(e.CaseId.Value)).ToListAsync(ct);
        foreach (var e in examples)
        {
            if (e.IsPublished) e.ForgetSource();
            else db.Remove(e);
        }
        await db.SaveChangesAsync(ct);

        await db.OutgoingMail.Where(m => m.CaseNumber != null && numbers.Contains(m.CaseNumber)).ExecuteDeleteAsync(ct);
        await db.OutgoingDigitalPost.Where(m => numbers.Contains(m.CaseNumber)).ExecuteDeleteAsync(ct);
        await db.SentReminders.Where(r => numbers.Contains(r.CaseNumber)).ExecuteDeleteAsync(ct);
        // An aktindsigt request keeps its decision and rules (figures); the name of who decided goes with the case's other names.
        await db.Set<Tilsyn.DocumentAccess.DocumentAccessRequest>().Where(r => erasedIds.Contains(r.CaseId) && r.DecidedBy != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DecidedBy, (string?)null), ct);
        foreach (var id in erasedIds) await search.RemoveAsync(id, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Deleted the personal data of {Count} cases", cases.Count);
        return cases.Count;
    }

    public async Task ReclaimStorageAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // VACUUM cannot run inside a transaction; each statement here runs on its own.
            var vacuum = "VACUUM " + string.Join(", ", TouchedTables); // constant table names, never input
            await db.Database.ExecuteSqlRawAsync(vacuum, ct);
            return;
        }
        await search.CompactAsync(ct);
        if (config.GetValue("Retention:SqliteVacuum", true))
            await db.Database.ExecuteSqlRawAsync("VACUUM", ct);
        await CheckpointAsync(ct);
    }

    /// <summary>
    /// Copies the write-ahead log into the database file and truncates it to zero bytes, so the WAL no
    /// longer holds earlier versions of pages. A reader holding an old snapshot makes it busy; then it is
    /// retried a few times, and failing that reported (the next run checkpoints again).
    /// </summary>
    private async Task CheckpointAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
                var busy = await reader.ReadAsync(ct) && reader.GetInt64(0) != 0;
                if (!busy) return;
                if (attempt == 5)
                {
                    log.LogWarning("The SQLite write-ahead log could not be truncated (a reader held it); the next retention run tries again");
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
