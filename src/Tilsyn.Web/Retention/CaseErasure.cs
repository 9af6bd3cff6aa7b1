namespace Tilsyn.Web.Retention;

/// <summary>
/// On-demand erasure (a granted erasure request, GDPR art. 17): the same deletion as the retention run,
/// for the given cases now. A case on legal hold is left alone and reported; a case whose rule says
/// <i>bevar</i> is delivered to the archive first, and if that fails nothing is deleted
/// (<see cref="ArchiveExportException"/> is thrown). Already deleted cases count as erased; unknown ids are ignored.
/// </summary>
public sealed class CaseErasure(TilsynDbContext db, RetentionQueries queries, RetentionRun run, IHttpContextAccessor http) : ICaseErasure
{
    public async Task<ErasureOutcome> EraseAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Type, c.KleCode }).ToListAsync(ct);
        var disposed = await queries.DisposedAsync(ids, ct);
        var held = await queries.OnHoldAsync(ids, ct);
        var rules = await queries.RulesAsync(ct);
        var items = cases.Where(c => !disposed.Contains(c.Id) && !held.Contains(c.Id))
            .Select(c => new RetentionItem(c.Id, c.Number, rules.For(c.Type, c.KleCode), null)).ToList();
        var why = string.IsNullOrWhiteSpace(reason) ? "Sletning efter anmodning" : reason.Trim();
        // Logged as the member of staff who granted the request; outside a request as Tilsyn itself.
        var actor = http.HttpContext?.User.Identity?.IsAuthenticated == true ? null : "Tilsyn (sletning efter anmodning)";
        var result = await run.DisposeAsync(items, DisposalCause.Erasure, why, actor, failOnExportError: true, ct);
        var erasedNumbers = result.DeletedNumbers.ToHashSet();
        var erased = cases.Where(c => disposed.Contains(c.Id) || erasedNumbers.Contains(c.Number)).Select(c => c.Id).ToList();
        var onHold = cases.Where(c => !disposed.Contains(c.Id) && (held.Contains(c.Id) || result.KeptNumbers.Contains(c.Number))).Select(c => c.Id).ToList();
        return new ErasureOutcome(erased, onHold);
    }
}
