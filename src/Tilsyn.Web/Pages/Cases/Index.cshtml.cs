using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>The case list with filters and full-text search, within the user's data scope.</summary>
public sealed class IndexModel(CaseQueries cases, TilsynDbContext db, AccessLog accessLog) : PageModel
{
    public const int Max = 500;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? AdministrationId { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseworkerId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public List<CaseRow> Rows { get; private set; } = [];
    public List<Administration> Administrations { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public List<CaseQueries.Caseworker> Caseworkers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        Administrations = await db.Administrations.AsNoTracking().Where(a => scope.AdministrationId == null || a.Id == scope.AdministrationId).OrderBy(a => a.Code).ToListAsync(ct);
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Unit && (scope.AdministrationId == null || u.AdministrationId == scope.AdministrationId))
            .OrderBy(u => u.Name).ToListAsync(ct);
        if (scope.AdministrationId is null)
        {
            Caseworkers = await cases.CaseworkersAsync(ct, includeDeactivated: true);
        }
        Rows = await cases.ListAsync(User, new CaseFilter(Status, AdministrationId, UnitId, Category, CaseworkerId, Overdue, false, Q), Max, ct);
        if (!string.IsNullOrWhiteSpace(Q)) await accessLog.WriteAsync(AccessAction.Search, null, $"Søgning: {Q}", ct);
    }
}
