using Tilsyn.Audits;
using Tilsyn.Web.CaseAudits;

namespace Tilsyn.Web.Pages.CaseAudits;

/// <summary>The checklist for one sampled case: met / not met / not relevant per requirement, with a comment.</summary>
[Authorize]
public sealed class CaseModel(CaseAuditService audits, TilsynDbContext db) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public CaseAudit Audit { get; private set; } = null!;
    public SampledCase Case { get; private set; } = null!;
    /// <summary>The key the case is shown under (a stand-in for a case the user may not see).</summary>
    public string ShownKey { get; private set; } = "";
    public AuditChecklist Checklist { get; private set; } = AuditChecklist.Current;
    public long? NextId { get; private set; }
    public string? Error { get; set; }

    /// <summary>The version of the answers the form was loaded with (<see cref="AggregateVersion"/>); answers based on an older one are refused.</summary>
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(bool next, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var answers = new Dictionary<string, AuditCell>(StringComparer.Ordinal);
        foreach (var q in Checklist.Questions)
        {
            var value = Request.Form[$"answer-{q.Key}"].ToString();
            var comment = Request.Form[$"comment-{q.Key}"].ToString();
            if (value.Length == 0) continue;
            if (!Enum.TryParse<AuditAnswer>(value, out var answer) || !Enum.IsDefined(answer)) throw new DomainException($"{q.Text}: ugyldigt svar.");
            answers[q.Key] = new AuditCell(answer, comment);
        }
        var tracked = await db.Set<SampledCase>().FirstAsync(c => c.Id == Id, ct);
        db.ExpectVersion(tracked, ShownVersion);
        await audits.RecordAsync(User, Audit, tracked, answers, ct);
        TempData["Message"] = $"Svarene for {ShownKey} er gemt.";
        return Redirect(next && NextId is { } n ? $"/CaseAudits/Case?id={n}" : $"/CaseAudits/Details?id={Audit.Id}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var c = await db.Set<SampledCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null) return false;
        var audit = await audits.FindAsync(User, c.AuditId, ct);
        if (audit is null || !CaseAuditService.Access(User).MayAnswer(audit)) return false;
        (Audit, Case) = (audit, c);
        Checklist = audit.Checklist;
        ShownKey = (await audits.ShownKeysAsync(User, audit, [c], ct))[c.Id];
        var ordered = await db.Set<SampledCase>().AsNoTracking().Where(x => x.AuditId == audit.Id).OrderBy(x => x.Stratum).ThenBy(x => x.CaseKey).Select(x => x.Id).ToListAsync(ct);
        var at = ordered.IndexOf(Id);
        NextId = at >= 0 && at + 1 < ordered.Count ? ordered[at + 1] : null;
        return true;
    }
}
