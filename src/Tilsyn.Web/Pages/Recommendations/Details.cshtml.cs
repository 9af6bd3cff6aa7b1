using Tilsyn.Calendar;
using Tilsyn.Complaints.Intake;
using Tilsyn.Recommendations;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Recommendations;

[Authorize(Policy = Policies.CaseReaders)]
public sealed class DetailsModel(TilsynDbContext db, TimeProvider clock, AccessLog accessLog) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public Recommendation Item { get; private set; } = null!;
    public string AdministrationCode { get; private set; } = "";
    /// <summary>The source reference as the user may see it (a case number only for a case the user may see).</summary>
    public string Reference { get; private set; } = "";
    public string? Error { get; set; }

    /// <summary>The version the form was loaded with (<see cref="AggregateVersion"/>); a change based on an older one is refused.</summary>
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }
    public DateOnly Today => clock.Today();
    public bool IsStaff => User.IsAdvisorStaff();

    /// <summary>The unit the recommendation is aimed at, by name; null when it concerns the whole administration.</summary>
    public string? UnitName { get; private set; }

    /// <summary>The administration's units, for the staff's form that aims the recommendation.</summary>
    public List<Tilsyn.Organisation.OrgUnit> Units { get; private set; } = [];

    /// <summary>"Did it help?": the unit's complaints in the category before and after the closing date; null until measurable.</summary>
    public Tilsyn.Statistics.EffectEstimate? Effect { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostProgressAsync(string? text, string? evidence, CancellationToken ct) => Change(r =>
    {
        if (FreeText.Check(Recommendation.ProgressField, text, required: true) is { } bad) throw new DomainException(bad);
        r.ReportProgress(FreeText.Normalise(text), string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), clock.GetUtcNow(), User.DisplayName());
    }, ct);

    public async Task<IActionResult> OnPostCloseAsync(string? note, CancellationToken ct)
    {
        if (!IsStaff) return Forbid();
        return await Change(r => r.Close(note ?? "", clock.GetUtcNow(), User.DisplayName()), ct);
    }

    /// <summary>The advisor's staff aim the recommendation at a unit of its administration and a complaint category (for "did it help?").</summary>
    public async Task<IActionResult> OnPostAimAsync(int? unitId, Tilsyn.Complaints.ComplaintCategory? category, CancellationToken ct)
    {
        if (!IsStaff) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        await RecommendationAim.EnsureUnitOfAsync(db, Item.AdministrationId, unitId, ct);
        return await Change(r => r.AimAt(unitId, category, clock.GetUtcNow(), User.DisplayName()), ct);
    }

    private async Task<IActionResult> Change(Action<Recommendation> change, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        db.ExpectVersion(Item, ShownVersion);
        change(Item);
        db.Entry(Item).Property("updates").IsModified = true;
        await db.SaveChangesAsync(ct);
        return Redirect($"/Recommendations/Details?id={Id}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        var r = await db.Recommendations.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (r is null) return false;
        if (!scope.Covers(r.AdministrationId))
        {
            await accessLog.RefusedAsync($"henstilling {r.Id}", ct: ct);
            return false;
        }
        Item = r;
        Reference = (await Tilsyn.Web.Recommendations.RecommendationReferences.ShownAsync(db, User, [r], ct))[r.Id];
        AdministrationCode = await db.Administrations.Where(a => a.Id == r.AdministrationId).Select(a => a.Code).FirstAsync(ct);
        UnitName = r.UnitId is { } u ? await db.OrgUnits.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        if (IsStaff) Units = await RecommendationAim.UnitsAsync(db, r.AdministrationId, ct);
        Effect = await Tilsyn.Web.Recommendations.RecommendationEffect.ForAsync(db, r, Today, ct);
        return true;
    }
}
