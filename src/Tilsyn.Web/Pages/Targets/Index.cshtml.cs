using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Web.Targets;

namespace Tilsyn.Web.Pages.Targets;

/// <summary>
/// Every administration's own targets and "no target" decisions with their state and status for a
/// year: the advisor's staff and Leadership (read-only). An administration's own people go to their
/// administration's page (<see cref="AdministrationModel"/>).
/// </summary>
public sealed class IndexModel(OwnTargetStatusQuery query, TilsynDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<OwnTargetRow> Rows { get; private set; } = [];
    public List<Administration> Administrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = OwnTargetService.Access(User);
        if (!access.MayReadAll)
            return access.OwnAdministrationId is { } own ? Redirect($"/Targets/Administration?id={own}") : Forbid();
        ShownYear = Year is >= 2000 and <= 9998 ? Year.Value : clock.Today().Year;
        Rows = await query.AllAsync(ReportingPeriod.ForYear(ShownYear), ct);
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        return Page();
    }
}
