using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;

namespace Tilsyn.Web.Pages.Evaluations;

/// <summary>The FOKUS rounds; a contact sees its own administration's answers only.</summary>
[Authorize(Policy = Policies.CaseReaders)]
public sealed class IndexModel(TilsynDbContext db, EvaluationService evaluations) : PageModel, IDomainErrorPage
{
    public List<EvaluationRound> Rounds { get; private set; } = [];
    public List<EvaluationAnswerRecord> Answers { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public string? Error { get; set; }
    public string Code(int id) => Codes.GetValueOrDefault(id, "?");

    /// <summary>The user's reach in FOKUS (<see cref="EvaluationAccess"/>).</summary>
    public EvaluationAccess Access => EvaluationService.Access(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var only = Access.OnlyAdministration;
        Rounds = await db.Set<EvaluationRound>().AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        Answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking()
            .Where(a => only == null || a.AdministrationId == only).ToListAsync(ct);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        Answers = Answers.OrderBy(a => Code(a.AdministrationId)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(int year, DateOnly deadline, CancellationToken ct)
    {
        if (!Access.MayReview) return Forbid();
        await evaluations.OpenRoundAsync(year, deadline, User.DisplayName(), ct);
        return RedirectToPage();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return true;
    }
}
