using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Web.Retention;

/// <summary>A case's retention as its page shows it to the advisor's staff: the rule, the due day, the legal holds, the deletion.</summary>
public sealed record CaseRetentionView(string CaseNumber, RetentionRule Rule, DateOnly? ClosedOn, DateOnly? DueOn,
    LegalHold? InForce, IReadOnlyList<LegalHold> Holds, CaseDisposal? Disposal)
{
    public static async Task<CaseRetentionView> LoadAsync(TilsynDbContext db, RetentionQueries queries, ComplaintCase c, CancellationToken ct)
    {
        var rule = (await queries.RulesAsync(ct)).For(c.Type, c.KleCode);
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.CaseId == c.Id).OrderByDescending(h => h.PlacedAt).ToListAsync(ct);
        var disposal = await db.Set<CaseDisposal>().AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == c.Id, ct);
        var closed = CaseRetention.ClosedOn(c);
        return new CaseRetentionView(c.Number, rule, closed, closed is { } d ? CaseRetention.DueOn(d, rule.ParsedPeriod) : null,
            holds.FirstOrDefault(h => h.InForce), holds, disposal);
    }
}

/// <summary>The retention box on the case page (<c>Pages/Cases/_LegalHold.cshtml</c>), for the advisor's staff only.</summary>
public sealed class LegalHoldViewComponent(TilsynDbContext db, RetentionQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ComplaintCase @case)
    {
        if (!UserClaimsPrincipal.IsAdvisorStaff()) return Content("");
        return View("/Pages/Cases/_LegalHold.cshtml", await CaseRetentionView.LoadAsync(db, queries, @case, HttpContext.RequestAborted));
    }
}
