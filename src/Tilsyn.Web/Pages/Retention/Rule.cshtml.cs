using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Web.Pages.Retention;

/// <summary>
/// AdvisorLead creates, changes or deletes a retention rule. The rule checks itself (period, KLE code,
/// the default rule's scope); two rules for the same cases are refused. A change carries the version it
/// showed (a stale save is refused, 409).
/// </summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class RuleModel(TilsynDbContext db) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public CaseType? CaseType { get; set; }
    [BindProperty] public string? KlePrefix { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public RetentionDisposition Disposition { get; set; } = RetentionDisposition.Discard;
    [BindProperty] public string? Note { get; set; }
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public RetentionRule? Rule { get; private set; }
    public int Version { get; private set; }
    public bool IsDefault => Rule?.IsDefault == true;
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (Rule is { } r)
        {
            (CaseType, KlePrefix, Period, Disposition, Note) = (r.CaseType, r.KlePrefix, r.Period, r.Disposition, r.Note);
        }
        else Period ??= RetentionPeriod.FiveYears.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        RetentionRule rule;
        if (Rule is { } existing)
        {
            db.ExpectVersion(existing, ShownVersion);
            existing.Change(CaseType, KlePrefix, Period ?? "", Disposition, Note);
            rule = existing;
        }
        else db.Add(rule = new RetentionRule(CaseType, KlePrefix, Period ?? "", Disposition, Note));
        new RetentionRuleSet(await db.Set<RetentionRule>().AsNoTracking().ToListAsync(ct)).EnsureUnique(rule);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Reglen for {rule.Scope} er gemt.";
        return Redirect("/Retention");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await ReloadAsync(ct) || Rule is null) return NotFound();
        db.ExpectVersion(Rule, ShownVersion);
        Rule.EnsureMayDelete();
        db.Remove(Rule);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Reglen for {Rule.Scope} er slettet; dens sager følger nu den næstmest specifikke regel.";
        return Redirect("/Retention");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Rule = Id is { } id ? await db.Set<RetentionRule>().FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (Id is not null && Rule is null) return false;
        Version = Rule is null ? 0 : db.Entry(Rule).Property<int>(AggregateVersion.Property).CurrentValue;
        return true;
    }
}
