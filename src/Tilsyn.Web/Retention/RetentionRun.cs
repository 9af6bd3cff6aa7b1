using Tilsyn.Calendar;
using Tilsyn.Retention;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Retention;

/// <summary>A case whose personal data are to be deleted, with the rule that says so (no personal data).</summary>
public sealed record RetentionItem(int CaseId, string CaseNumber, RetentionRule Rule, DateOnly? DueOn)
{
    public RetentionDisposition Disposition => Rule.Disposition;
}

/// <summary>What a retention run finds on a day: the cases due for deletion, and how many due cases a legal hold keeps.</summary>
public sealed record RetentionPlan(DateOnly AsOf, IReadOnlyList<RetentionItem> Due, int OnHold, int AccessLogDue = 0)
{
    public IEnumerable<RetentionItem> Preserve => Due.Where(d => d.Disposition == RetentionDisposition.Preserve);
    public IEnumerable<RetentionItem> Discard => Due.Where(d => d.Disposition == RetentionDisposition.Discard);
}

/// <summary>What an applied run did. <see cref="ExportError"/> set: the preserved cases were not delivered and not deleted.</summary>
public sealed record RetentionResult(RetentionPlan Plan, ArchiveDeliveryResult? Delivery, string? ExportError, int Deleted, IReadOnlyList<string> DeletedNumbers, IReadOnlyList<string> KeptNumbers, int AccessLogPruned = 0);

/// <summary>
/// The retention run (issue 13): for a day, the finished cases whose retention period
/// (<see cref="RetentionRuleSet"/>, <see cref="CaseRetention"/>) has run out, without a legal hold and
/// not yet deleted. Applied, it delivers the <i>bevar</i> cases to the archive (<see cref="IArchiveExporter"/>)
/// and deletes only after the delivery is written and verified, then deletes the personal data
/// (<see cref="ICaseDataDeleter"/>), records each deletion (<see cref="CaseDisposal"/>, access log) and
/// makes the deleted bytes unrecoverable (<see cref="ICaseDataDeleter.ReclaimStorageAsync"/>).
/// The daily <see cref="RetentionJob"/>, the <c>retention</c> command and <see cref="CaseErasure"/> all run through here.
/// </summary>
public sealed class RetentionRun(TilsynDbContext db, RetentionQueries queries, IArchiveExporter exporter, ICaseDataDeleter deleter,
    AccessLog accessLog, AccessLogRetention accessLogRetention, TimeProvider clock, ILogger<RetentionRun> log)
{
    /// <summary>Cases deleted per call to the deleter (one transaction each), so a first run over years of cases stays short.</summary>
    public const int Batch = 500;

    /// <summary>The cases due on <paramref name="asOf"/>; changes nothing.</summary>
    public async Task<RetentionPlan> PlanAsync(DateOnly asOf, CancellationToken ct)
    {
        var rules = await queries.RulesAsync(ct);
        var due = new List<RetentionItem>();
        var held = 0;
        foreach (var (c, number) in await queries.CandidatesAsync(ct))
        {
            var rule = rules.For(c.Type, c.KleCode);
            var dueOn = CaseRetention.DueOn(c.Status, c.ConcludedAt, c.ClosedAt, rule.ParsedPeriod);
            if (!CaseRetention.IsDue(dueOn, asOf)) continue;
            if (c.OnHold) held++;
            else due.Add(new RetentionItem(c.CaseId, number, rule, dueOn));
        }
        return new RetentionPlan(asOf, due.OrderBy(d => d.CaseNumber, StringComparer.Ordinal).ToList(), held,
            await accessLogRetention.CountDueAsync(asOf, ct));
    }

    /// <summary>Delivers and deletes what <see cref="PlanAsync"/> finds; <paramref name="actor"/> names the job or command in the access log.</summary>
    public async Task<RetentionResult> ApplyAsync(DateOnly asOf, string actor, CancellationToken ct)
    {
        var plan = await PlanAsync(asOf, ct);
        var reason = $"Slettefrist udløbet pr. {asOf:yyyy-MM-dd}";
        var result = await DisposeAsync(plan.Due, DisposalCause.RetentionExpired, reason, actor, failOnExportError: false, ct);
        // The access log has its own retention (Retention:AccessLogYears); the chain stays verifiable from the first kept line.
        var pruned = await accessLogRetention.PruneAsync(asOf, ct);
        if (pruned.Deleted > 0 && result.DeletedNumbers.Count == 0) await deleter.ReclaimStorageAsync(ct);
        log.LogInformation("Retention run as of {AsOf}: {Deleted} cases deleted, {Kept} kept, {OnHold} on hold, {Pruned} access-log lines pruned",
            asOf, result.Deleted, result.KeptNumbers.Count, plan.OnHold, pruned.Deleted);
        return result with { Plan = plan, AccessLogPruned = pruned.Deleted };
    }

    /// <summary>
    /// Delivers the <i>bevar</i> items, then deletes them and the <i>kassér</i> items, skipping any case
    /// that got a legal hold meanwhile. A failed delivery keeps every <i>bevar</i> case (they are not
    /// deleted); with <paramref name="failOnExportError"/> it is thrown before anything is deleted.
    /// </summary>
    internal async Task<RetentionResult> DisposeAsync(IReadOnlyList<RetentionItem> items, DisposalCause cause, string reason, string? actor,
        bool failOnExportError, CancellationToken ct)
    {
        var plan = new RetentionPlan(clock.Today(), items, 0);
        var preserve = items.Where(i => i.Disposition == RetentionDisposition.Preserve).ToList();
        ArchiveDeliveryResult? delivery = null;
        string? exportError = null;
        var kept = new List<RetentionItem>();
        if (preserve.Count > 0)
        {
            try { delivery = await exporter.ExportAsync(preserve.Select(p => p.CaseId).ToList(), reason, ct); }
            catch (ArchiveExportException ex) when (!failOnExportError)
            {
                // The archive act: a case to be preserved is deleted only after its package is written and verified.
                exportError = ex.Message;
                kept.AddRange(preserve);
                log.LogError("Archive export failed; {Count} cases to be preserved were not deleted", preserve.Count);
            }
        }
        var toDelete = items.Except(kept).ToList();
        // A hold placed while the package was written still stops the deletion.
        var heldNow = await queries.OnHoldAsync(toDelete.Select(i => i.CaseId).ToList(), ct);
        kept.AddRange(toDelete.Where(i => heldNow.Contains(i.CaseId)));
        toDelete.RemoveAll(i => heldNow.Contains(i.CaseId));

        var deleted = 0;
        foreach (var batch in toDelete.Chunk(Batch))
        {
            deleted += await deleter.DeleteAsync(batch.Select(i => i.CaseId).ToList(), reason, ct);
            await RecordAsync(batch, cause, reason, delivery, actor, ct);
        }
        if (toDelete.Count > 0) await deleter.ReclaimStorageAsync(ct);
        return new RetentionResult(plan, delivery, exportError, deleted,
            toDelete.Select(i => i.CaseNumber).ToList(), kept.Select(i => i.CaseNumber).ToList());
    }

    /// <summary>The deletion's record: a <see cref="CaseDisposal"/> and an access-log line per case, and the hold reasons forgotten.</summary>
    private async Task RecordAsync(IReadOnlyList<RetentionItem> batch, DisposalCause cause, string reason, ArchiveDeliveryResult? delivery, string? actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = batch.Select(i => i.CaseId).ToList();
        var already = await queries.RecordedAsync(ids, ct);
        foreach (var item in batch.Where(i => !already.Contains(i.CaseId)))
        {
            var preserved = item.Disposition == RetentionDisposition.Preserve;
            var why = cause == DisposalCause.RetentionExpired ? $"{reason} (regel: {item.Rule.Describe()})" : reason;
            db.Add(new CaseDisposal
            {
                CaseId = item.CaseId, CaseNumber = item.CaseNumber, DisposedAt = now, Disposition = item.Disposition, Cause = cause,
                Reason = Shorten(why), ArchiveDeliveryId = preserved ? delivery?.DeliveryId : null,
            });
            var detail = Shorten((preserved ? $"Afleveret til arkivet (levering {delivery?.DeliveryId}) og personoplysningerne slettet: " : "Personoplysningerne slettet: ") + why);
            if (actor is null) accessLog.Add(AccessAction.Erased, item.CaseNumber, detail);
            else accessLog.AddFor(null, actor, AccessAction.Erased, item.CaseNumber, detail);
        }
        foreach (var hold in await db.Set<LegalHold>().Where(h => ids.Contains(h.CaseId)).ToListAsync(ct))
            hold.ForgetReasons();
        await db.SaveChangesAsync(ct);
    }

    private static string Shorten(string text) => text.Length <= CaseDisposal.ReasonMaxLength ? text : text[..CaseDisposal.ReasonMaxLength];
}
