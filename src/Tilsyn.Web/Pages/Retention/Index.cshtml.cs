using Tilsyn.Calendar;
using Tilsyn.Retention;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Pages.Retention;

/// <summary>
/// The retention rules (<i>slettefrister</i>) with, per rule, how many cases fall due for deletion:
/// already, and within 30, 90 and 365 days. The advisor's staff see it; AdvisorLead edits the rules
/// (<see cref="RuleModel"/>). Counts only, no personal data.
/// </summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class IndexModel(RetentionQueries queries, TilsynDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RetentionForecast.Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int Disposed { get; private set; }
    public int OnHold { get; private set; }
    public bool MayEdit => User.IsInRole(Roles.AdvisorLead);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Rows = await queries.ForecastAsync(Today, ct);
        Disposed = await db.Set<CaseDisposal>().CountAsync(ct);
        OnHold = await db.Set<LegalHold>().CountAsync(h => h.LiftedAt == null, ct);
    }
}
