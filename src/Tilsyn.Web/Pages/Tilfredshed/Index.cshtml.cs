using Tilsyn.Anonymisation;
using Tilsyn.Feedback;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Tilfredshed;

/// <summary>
/// The review of the citizens' survey comments (<i>gennemgang af kommentarer</i>), for the advisor's
/// staff only: each pending comment with the anonymisation scanner's findings highlighted; a person
/// approves it (each finding replaced by its placeholder or kept) or withholds it. Until then nobody
/// else sees it. The page shows the comment alone, not its administration or half-year, so a reviewer
/// is not invited to guess whose it is. Each save carries the answer's version (stale → 409).
/// </summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class IndexModel(TilsynDbContext db, AccessLog accessLog, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public sealed record Pending(Guid Id, int Version, AnonymisationReview Review);

    public List<Pending> Items { get; private set; } = [];
    public int Approved { get; private set; }
    public int Withheld { get; private set; }
    public string? Error { get; set; }

    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Items.Count > 0) await accessLog.WriteAsync(AccessAction.FeedbackRead, null, $"{Items.Count} kommentarer til gennemgang vist", ct);
    }

    /// <summary>Approves the comment; the findings whose indexes are posted in <paramref name="replace"/> become placeholders, the rest are kept.</summary>
    public Task<IActionResult> OnPostApproveAsync(Guid id, List<int>? replace, CancellationToken ct) =>
        ReviewAsync(id, a => a.Approve((replace ?? []).ToHashSet(), User.DisplayName(), clock.GetUtcNow()), "godkendt", ct);

    public Task<IActionResult> OnPostWithholdAsync(Guid id, CancellationToken ct) =>
        ReviewAsync(id, a => a.Withhold(User.DisplayName(), clock.GetUtcNow()), "tilbageholdt", ct);

    private async Task<IActionResult> ReviewAsync(Guid id, Action<FeedbackAnswer> act, string what, CancellationToken ct)
    {
        var answer = await db.Set<FeedbackAnswer>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (answer is null) return NotFound();
        db.ExpectVersion(answer, ShownVersion);
        act(answer);
        accessLog.Add(AccessAction.FeedbackReviewed, null, $"Kommentar {what}");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Kommentaren er {what}.";
        return Redirect("/Tilfredshed");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = await db.Set<FeedbackAnswer>().AsNoTracking().Where(a => a.CommentState == CommentState.Pending)
            .OrderBy(a => a.Id).Take(50).ToListAsync(ct);
        Items = pending.Select(a => new Pending(a.Id, a.Version, a.StartReview())).ToList();
        Approved = await db.Set<FeedbackAnswer>().CountAsync(a => a.CommentState == CommentState.Approved, ct);
        Withheld = await db.Set<FeedbackAnswer>().CountAsync(a => a.CommentState == CommentState.Withheld, ct);
    }
}
