namespace Tilsyn.Web.Retention;

/// <summary>
/// Writes archive packages (<i>arkivaflevering</i>) for cases whose retention rule says <i>bevar</i>:
/// one package per delivery (an index of the cases with their metadata, every document as PDF, a
/// README and checksums), verified before it counts, and recorded as a delivery.
/// </summary>
public interface IArchiveExporter
{
    /// <summary>
    /// Writes and verifies one package for the cases and records the delivery. Throws
    /// <see cref="ArchiveExportException"/> when writing or verifying fails; then nothing is recorded
    /// and the caller must not delete the cases.
    /// </summary>
    Task<ArchiveDeliveryResult> ExportAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct);
}

/// <summary>A written and verified archive delivery.</summary>
public sealed record ArchiveDeliveryResult(int DeliveryId, string Location, int CaseCount, int DocumentCount);

/// <summary>An archive package could not be written or did not verify; no case may be deleted on it.</summary>
public sealed class ArchiveExportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Deletes the personal data of cases now: the same deletion the retention job does when a case's
/// retention has run out (a pseudonymous stub remains, statistics unchanged), used on demand when
/// an erasure request (GDPR art. 17) is granted. Cases on legal hold are not touched; cases whose
/// rule says <i>bevar</i> are exported to the archive first.
/// </summary>
public interface ICaseErasure
{
    Task<ErasureOutcome> EraseAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct);
}

/// <summary>What an on-demand erasure did: the cases erased, and those left alone because of a legal hold.</summary>
public sealed record ErasureOutcome(IReadOnlyList<int> Erased, IReadOnlyList<int> OnHold);

/// <summary>
/// The deletion itself, with no rules: removes the personal data of the given cases in one
/// transaction and leaves a pseudonymous stub (number, type, administration, unit, KLE, categories,
/// dates, outcome, rules breached), so statistics, reports and audit results do not change. Holds
/// and retention rules are the caller's business (<see cref="ICaseErasure"/>, the retention run).
/// </summary>
public interface ICaseDataDeleter
{
    /// <summary>Deletes the personal data of the cases (already deleted ones are skipped); returns how many were deleted.</summary>
    Task<int> DeleteAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct);

    /// <summary>Makes deleted bytes unrecoverable from the database files where the provider allows it (SQLite: free pages and WAL).</summary>
    Task ReclaimStorageAsync(CancellationToken ct);
}
