using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Statistics;

/// <summary>
/// Reads both complaint registers as <see cref="ComplaintFact"/>s (no citizen, no text): the advisor's
/// complaint cases (<see cref="ComplaintCase.OwnerAdministrationId"/> null, <see cref="HandledBy.Advisor"/>,
/// counted for the administration they are classified under) and each administration's own register
/// (<see cref="HandledBy.Administration"/>, a linked entry carrying the advisor's case number). Only
/// complaints (<see cref="CaseType.Complaint"/>) count; the day a complaint was received is Copenhagen's.
/// Counting once is the domain's (<see cref="ComplaintCounting.CountOnce"/>), not this query's.
/// </summary>
public sealed class ComplaintFactQuery(TilsynDbContext db)
{
    /// <summary>
    /// The facts of complaints received from <paramref name="from"/> through <paramref name="to"/> (Danish dates) about
    /// <paramref name="administrationId"/> (null: every administration). The advisor's cases that a linked entry in
    /// the span refers to are read too, even when received outside it, so the domain counts that complaint once,
    /// with the advisor's date.
    /// </summary>
    public async Task<List<ComplaintFact>> ReceivedAsync(int? administrationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = DanishTime.StartOf(from);
        var end = DanishTime.StartOf(to.AddDays(1));
        var inSpan = db.Cases.AsNoTracking().Where(c => c.Type == CaseType.Complaint && c.ReceivedAt >= start && c.ReceivedAt < end);
        var advisor = await Project(inSpan.Where(c => c.OwnerAdministrationId == null && c.AdministrationId != null
            && (administrationId == null || c.AdministrationId == administrationId))).ToListAsync(ct);
        var own = await Project(inSpan.Where(c => c.OwnerAdministrationId != null
            && (administrationId == null || c.OwnerAdministrationId == administrationId))).ToListAsync(ct);

        var loaded = advisor.Select(r => r.Id).ToHashSet();
        var missing = own.Where(r => r.LinkedAdvisorCaseId is { } id && !loaded.Contains(id)).Select(r => r.LinkedAdvisorCaseId!.Value).Distinct().ToList();
        if (missing.Count > 0)
            advisor.AddRange(await Project(db.Cases.AsNoTracking().Where(c => missing.Contains(c.Id) && c.Type == CaseType.Complaint
                && c.OwnerAdministrationId == null && c.AdministrationId != null)).ToListAsync(ct));

        return [.. advisor.Select(r => r.ToFact(HandledBy.Advisor)), .. own.Select(r => r.ToFact(HandledBy.Administration))];
    }

    /// <summary>
    /// Case volumes (<i>sagsmængde</i>) of one administration from the imported extracts: cases opened per quarter
    /// of the KPI cube. Quarters without any cell are unknown, so a period they touch has no rate per 1,000.
    /// </summary>
    public async Task<CaseVolumes> VolumesAsync(int administrationId, CancellationToken ct)
    {
        var quarters = await db.KpiCells.AsNoTracking().Where(c => c.AdministrationId == administrationId)
            .GroupBy(c => new { c.Year, c.Quarter })
            .Select(g => new { g.Key.Year, g.Key.Quarter, Opened = g.Sum(c => c.Opened) })
            .ToListAsync(ct);
        return new CaseVolumes(quarters.Select(q => (ReportingPeriod.ForQuarter(q.Year, q.Quarter), q.Opened)));
    }

    private static IQueryable<Row> Project(IQueryable<ComplaintCase> cases) => cases.Select(c => new Row(
        c.Id, c.Number, c.ReceivedAt, c.OwnerAdministrationId ?? c.AdministrationId!.Value, c.UnitId, c.KleCode,
        c.Categories.Select(x => x.Category).ToList(), c.LinkedAdvisorCaseId, c.LinkedAdvisorCaseNumber, c.Status, c.ConcludedAt, c.ClosedAt));

    private sealed record Row(int Id, string Number, DateTimeOffset ReceivedAt, int AdministrationId, int? UnitId, string? KleCode,
        List<ComplaintCategory> Categories, int? LinkedAdvisorCaseId, string? LinkedAdvisorCaseNumber, CaseStatus Status, DateTimeOffset? ConcludedAt, DateTimeOffset? ClosedAt)
    {
        public ComplaintFact ToFact(HandledBy handledBy)
        {
            // A finished case is closed on the day it was concluded (or rejected, forwarded), else the day it was closed; a reopened case is open.
            var closedAt = CaseWorkflow.IsOpen(Status) ? null : ConcludedAt ?? ClosedAt;
            return new ComplaintFact(Number, DanishTime.LocalDate(ReceivedAt), AdministrationId, UnitId, Categories.Distinct().ToList(), handledBy,
                handledBy == HandledBy.Administration ? LinkedAdvisorCaseNumber : null,
                closedAt is { } d ? DanishTime.LocalDate(d) : null, KleCode: KleCode);
        }
    }
}
