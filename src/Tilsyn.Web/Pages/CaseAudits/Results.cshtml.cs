using Tilsyn.Audits;
using Tilsyn.Recommendations;
using Tilsyn.Web.CaseAudits;

namespace Tilsyn.Web.Pages.CaseAudits;

/// <summary>An audit's results per requirement with 95 % intervals, per unit where the sample allows, against the previous audit of the same population.</summary>
[Authorize]
public sealed class ResultsModel(CaseAuditService audits, TilsynDbContext db, TimeProvider clock) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public CaseAudit Audit { get; private set; } = null!;
    public AuditResult Result { get; private set; } = null!;
    public CaseAudit? Previous { get; private set; }
    public AuditResult? PreviousResult { get; private set; }
    public List<Recommendation> Recommendations { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public string? Error { get; set; }
    public bool IsStaff => CaseAuditService.Access(User).MayRecommend;
    public string Reference => Audit.Reference;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The interval a comparison uses: the stratified estimate for a stratified design, otherwise Wilson.</summary>
    public static ShareInterval? Headline(QuestionResult q) => q.Stratified is { HasSingleCaseStratum: false } s ? s.Interval : q.Interval;

    public Change? ChangeFor(QuestionResult q)
    {
        var before = PreviousResult?.Questions.FirstOrDefault(p => p.Question.Key == q.Question.Key);
        return before is not null && Headline(before) is { } b && Headline(q) is { } now ? AuditStatistics.Compare(b, now) : null;
    }

    /// <summary>A finding becomes a recommendation in the register in one step, linked back to the audit.</summary>
    public async Task<IActionResult> OnPostRecommendAsync(string question, string? text, DateOnly? due, int? administrationId,
        [FromServices] Tilsyn.Web.Notifications.Notifier notifier, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!IsStaff) return Forbid();
        var target = Audit.AdministrationId ?? administrationId ?? throw new DomainException("Forvaltning: vælg den forvaltning, henstillingen retter sig til.");
        if (!await db.Administrations.AnyAsync(a => a.Id == target, ct)) throw new DomainException("Forvaltning: forvaltningen findes ikke.");
        var q = Result.Questions.FirstOrDefault(x => x.Question.Key == question) ?? throw new DomainException("Spørgsmålet findes ikke i tjeklisten.");
        var r = new Recommendation(RecommendationSource.CaseAudit, $"{Reference}, {q.Question.Text}", target, Audit.UnitId, text ?? "", due ?? default, clock.GetUtcNow(), User.DisplayName());
        await using var tx = await db.Database.BeginTransactionAsync(ct); // the recommendation and its notifications together
        db.Recommendations.Add(r);
        await db.SaveChangesAsync(ct);
        await notifier.RecommendationCreatedAsync(r, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = "Henstillingen er oprettet i registret.";
        return Redirect($"/CaseAudits/Results?id={Id}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var audit = await audits.FindAsync(User, Id, ct);
        if (audit is null) return false;
        Audit = audit;
        Result = await audits.ResultAsync(audit, ct);
        var earlier = await audits.Visible(User).AsNoTracking().Where(a => a.Id != audit.Id && a.CreatedAt < audit.CreatedAt && a.Source == audit.Source && a.AdministrationId == audit.AdministrationId)
            .OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        Previous = earlier.FirstOrDefault(a => a.SamePopulationAs(audit));
        if (Previous is not null) PreviousResult = await audits.ResultAsync(Previous, ct);
        var reference = Reference;
        Recommendations = await db.Recommendations.AsNoTracking().Where(r => r.Source == RecommendationSource.CaseAudit && r.SourceReference.StartsWith(reference + ","))
            .Where(CaseAuditService.Access(User).VisibleRecommendations).ToListAsync(ct);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        return true;
    }
}
