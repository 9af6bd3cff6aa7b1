using System.Security.Claims;
using Tilsyn.Complaints;
using Tilsyn.Retention;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>
/// The advisor's staff place a legal hold (<i>slettestop</i>) on a case, or lift it, from the case page
/// (<c>_LegalHold.cshtml</c>). Each step names who and when, writes the case history and the access log,
/// under the case's write lock so two holds cannot be placed at once.
/// </summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class LegalHoldModel(TilsynDbContext db, CaseQueries cases, RetentionQueries retention, AccessLog accessLog, TimeProvider clock)
    : PageModel, IDomainErrorPage
{
    public ComplaintCase Case { get; private set; } = null!;
    public CaseRetentionView View { get; private set; } = null!;
    public string? Error { get; set; }

    public IActionResult OnGet(string number) => Redirect($"/Cases/{Uri.EscapeDataString(number)}");

    public async Task<IActionResult> OnPostPlaceAsync(string number, string? reason, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, Case.Id, ct);
        var inForce = await db.Set<LegalHold>().FirstOrDefaultAsync(h => h.CaseId == Case.Id && h.LiftedAt == null, ct);
        var hold = LegalHold.Place(Case, inForce, await retention.IsDisposedAsync(Case.Id, ct), reason, clock.GetUtcNow(), Me);
        db.Add(hold);
        accessLog.Add(AccessAction.LegalHoldPlaced, Case.Number, "Slettestop lagt på sagen");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = "Slettestop er lagt: sagen slettes ikke, før slettestoppet er ophævet.";
        return Redirect($"/Cases/{Case.Number}");
    }

    public async Task<IActionResult> OnPostLiftAsync(string number, int holdId, string? reason, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, Case.Id, ct);
        var hold = await db.Set<LegalHold>().FirstOrDefaultAsync(h => h.Id == holdId && h.CaseId == Case.Id, ct)
            ?? throw new DomainException("Slettestoppet findes ikke på sagen.");
        hold.Lift(Case, reason, clock.GetUtcNow(), Me);
        accessLog.Add(AccessAction.LegalHoldLifted, Case.Number, "Slettestop ophævet");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = "Slettestoppet er ophævet: sagen følger igen sin slettefrist.";
        return Redirect($"/Cases/{Case.Number}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var c = await cases.LoadAsync(User, RouteData.Values["number"] as string ?? "", ct);
        // The advisor's step: not on a case of an administration's own register, even one shared for reading.
        if (c is null || !CaseQueries.Access(User).MayHandle(c)) return false;
        Case = c;
        View = await CaseRetentionView.LoadAsync(db, retention, c, ct);
        return true;
    }

    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());
}
