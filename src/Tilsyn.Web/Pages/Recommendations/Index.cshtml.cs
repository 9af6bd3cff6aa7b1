using Tilsyn.Calendar;
using Tilsyn.Recommendations;

namespace Tilsyn.Web.Pages.Recommendations;

/// <summary>The recommendations register: all for the advisor's staff, the own administration's for a contact.</summary>
[Authorize(Policy = Policies.CaseReaders)]
public sealed class IndexModel(TilsynDbContext db, TimeProvider clock) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    public List<Recommendation> Rows { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    /// <summary>Each row's source reference as the user may see it (a case number only for a case the user may see).</summary>
    public Dictionary<int, string> References { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public string? Error { get; set; }
    public bool IsStaff => User.IsAdvisorStaff();
    public string Code(int id) => Codes.GetValueOrDefault(id, "?");
    /// <summary>The units a recommendation can be aimed at, per administration (for the form).</summary>
    public List<Tilsyn.Organisation.OrgUnit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var rows = await db.Recommendations.AsNoTracking().Where(r => scope.AdministrationId == null || r.AdministrationId == scope.AdministrationId)
            .OrderBy(r => r.DueDate).ToListAsync(ct);
        Rows = Overdue ? rows.Where(r => r.IsOverdue(Today)).ToList() : rows;
        References = await Tilsyn.Web.Recommendations.RecommendationReferences.ShownAsync(db, User, Rows, ct);
        if (IsStaff) Units = await RecommendationAim.UnitsAsync(db, null, ct);
    }

    public async Task<IActionResult> OnPostAsync(int administrationId, RecommendationSource source, string? reference, string? text, DateOnly? due,
        int? unitId, Tilsyn.Complaints.ComplaintCategory? category,
        [FromServices] Tilsyn.Web.Notifications.Notifier notifier, CancellationToken ct)
    {
        if (!IsStaff) return Forbid();
        if (!await db.Administrations.AnyAsync(a => a.Id == administrationId, ct)) throw new DomainException("Forvaltningen findes ikke.");
        await RecommendationAim.EnsureUnitOfAsync(db, administrationId, unitId, ct);
        var r = new Recommendation(source, reference ?? "", administrationId, unitId, text ?? "", due ?? default, clock.GetUtcNow(), User.DisplayName(), category);
        await using var tx = await db.Database.BeginTransactionAsync(ct); // the recommendation and its notifications together
        db.Recommendations.Add(r);
        await db.SaveChangesAsync(ct);
        await notifier.RecommendationCreatedAsync(r, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Redirect($"/Recommendations/Details?id={r.Id}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return true;
    }
}
