using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Pages.Forvaltning;

/// <summary>
/// The administrations' own complaint registers as counts only (issue 15), for the advisor's staff and
/// Leadership: per administration the complaints it received itself in the year, those still open, those
/// finished in the year, the entries linked to the advisor's complaints and the cases shared with the advisor.
/// No case number, subject or citizen: the registers are the administrations' own.
/// </summary>
[Authorize(Policy = Policies.CountReaders)]
public sealed class OversigtModel(TilsynDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Code, string Name, int Received, int Open, int FinishedInYear, int Linked, int Shared);

    [BindProperty(SupportsGet = true, Name = "aar")] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public int ThisYear { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        ThisYear = today.Year;
        ShownYear = Year is { } y && y >= 2000 && y <= today.Year ? y : today.Year;
        var (from, to) = DanishTime.YearBounds(ShownYear);
        var own = db.Cases.AsNoTracking().Where(c => c.OwnerAdministrationId != null);
        var received = await Count(own.Where(c => c.LinkedAdvisorCaseId == null && c.ReceivedAt >= from && c.ReceivedAt < to), ct);
        var open = await Count(own.Where(c => c.LinkedAdvisorCaseId == null).Where(CaseDeadlines.OpenCase), ct);
        var finished = await Count(own.Where(c => c.LinkedAdvisorCaseId == null
            && ((c.ConcludedAt != null && c.ConcludedAt >= from && c.ConcludedAt < to) || (c.ConcludedAt == null && c.ClosedAt != null && c.ClosedAt >= from && c.ClosedAt < to))), ct);
        var linked = await Count(own.Where(c => c.LinkedAdvisorCaseId != null && c.ReceivedAt >= from && c.ReceivedAt < to), ct);
        var shared = await Count(own.Where(c => c.SharedWithAdvisorAt != null && c.ReceivedAt >= from && c.ReceivedAt < to), ct);
        Rows = (await db.Administrations.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct))
            .Select(a => new Row(a.Code, a.Name, received.GetValueOrDefault(a.Id), open.GetValueOrDefault(a.Id), finished.GetValueOrDefault(a.Id),
                linked.GetValueOrDefault(a.Id), shared.GetValueOrDefault(a.Id)))
            .ToList();
    }

    private static async Task<Dictionary<int, int>> Count(IQueryable<ComplaintCase> cases, CancellationToken ct) =>
        await cases.GroupBy(c => c.OwnerAdministrationId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
