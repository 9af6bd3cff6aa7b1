using System.Linq.Expressions;
using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Web.Retention;

/// <summary>
/// Reads what the retention rules work on: the rules, and the finished cases whose personal data are
/// not yet deleted (no <see cref="CaseDisposal"/>), with whether a legal hold is in force. No personal data.
/// </summary>
public sealed class RetentionQueries(TilsynDbContext db)
{
    /// <summary>A finished case (<see cref="CaseWorkflow.Finished"/>) as a query: the negation of <see cref="CaseDeadlines.OpenCase"/>.</summary>
    public static readonly Expression<Func<ComplaintCase, bool>> FinishedCase =
        Expression.Lambda<Func<ComplaintCase, bool>>(Expression.Not(CaseDeadlines.OpenCase.Body), CaseDeadlines.OpenCase.Parameters);

    public async Task<RetentionRuleSet> RulesAsync(CancellationToken ct) =>
        new(await db.Set<RetentionRule>().AsNoTracking().ToListAsync(ct));

    /// <summary>The finished, not yet deleted cases, with their number.</summary>
    public async Task<List<(RetentionForecast.Candidate Case, string Number)>> CandidatesAsync(CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking().Where(FinishedCase)
            .Where(c => c.PersonalDataDeletedAt == null && !db.Set<CaseDisposal>().Any(d => d.CaseId == c.Id))
            .Select(c => new
            {
                c.Id, c.Number, c.Type, c.KleCode, c.Status, c.ConcludedAt, c.ClosedAt,
                OnHold = db.Set<LegalHold>().Any(h => h.CaseId == c.Id && h.LiftedAt == null),
            })
            .ToListAsync(ct);
        return rows.Select(r => (new RetentionForecast.Candidate(r.Id, r.Type, r.KleCode, r.Status, r.ConcludedAt, r.ClosedAt, r.OnHold), r.Number)).ToList();
    }

    /// <summary>Of these cases, those with a legal hold in force now.</summary>
    public async Task<HashSet<int>> OnHoldAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct) =>
        (await db.Set<LegalHold>().Where(h => h.LiftedAt == null && caseIds.Contains(h.CaseId)).Select(h => h.CaseId).ToListAsync(ct)).ToHashSet();

    /// <summary>Of these cases, those whose personal data are already deleted.</summary>
    public async Task<HashSet<int>> DisposedAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        var ids = await RecordedAsync(caseIds, ct);
        ids.UnionWith(await db.Cases.Where(c => caseIds.Contains(c.Id) && c.PersonalDataDeletedAt != null).Select(c => c.Id).ToListAsync(ct));
        return ids;
    }

    /// <summary>Of these cases, those whose deletion is already recorded (<see cref="CaseDisposal"/>).</summary>
    public async Task<HashSet<int>> RecordedAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct) =>
        (await db.Set<CaseDisposal>().Where(d => caseIds.Contains(d.CaseId)).Select(d => d.CaseId).ToListAsync(ct)).ToHashSet();

    public async Task<bool> IsDisposedAsync(int caseId, CancellationToken ct) =>
        await db.Set<CaseDisposal>().AnyAsync(d => d.CaseId == caseId, ct) || await db.Cases.AnyAsync(c => c.Id == caseId && c.PersonalDataDeletedAt != null, ct);

    /// <summary>How many cases each rule sends to deletion today and within 30, 90 and 365 days.</summary>
    public async Task<IReadOnlyList<RetentionForecast.Row>> ForecastAsync(DateOnly today, CancellationToken ct) =>
        RetentionForecast.Count(await RulesAsync(ct), (await CandidatesAsync(ct)).Select(c => c.Case), today);
}
