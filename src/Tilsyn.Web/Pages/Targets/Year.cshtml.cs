using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Targets;
using Tilsyn.Web.Targets;

namespace Tilsyn.Web.Pages.Targets;

/// <summary>
/// A result contract's status (seed 003: <i>månedlig resultatstatus, halvårsstatus, årsstatus</i>): for
/// each result-contract target of an administration in a year, each month, each month cumulated from
/// 1 January, each half-year and the year. Readers as <see cref="AdministrationModel"/>.
/// </summary>
public sealed class YearModel(OwnTargetStatusQuery query, TilsynDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Administration { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public Administration? Admin { get; private set; }
    public int ShownYear { get; private set; }
    public List<(AdministrationTarget Target, YearStatus Status)> Targets { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!OwnTargetService.Access(User).MayRead(Administration)) return NotFound();
        Admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Administration, ct);
        if (Admin is null) return NotFound();
        ShownYear = Year is >= 2000 and <= 9998 ? Year.Value : clock.Today().Year;
        var targets = await db.Set<AdministrationTarget>().AsNoTracking()
            .Where(t => t.AdministrationId == Administration && t.ResultContract && t.FirstYear <= ShownYear && t.LastYear >= ShownYear)
            .OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var t in targets) Targets.Add((t, await query.YearAsync(t, ShownYear, ct)));
        return Page();
    }
}
