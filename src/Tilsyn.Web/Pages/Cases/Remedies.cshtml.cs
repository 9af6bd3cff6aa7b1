using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Remedies;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>
/// A case's remedies (<i>afhjælpning</i>), from the case page (<c>_Remedies.cshtml</c>): the advisor's staff ask for
/// remedies on a case concluded with criticism or a recommendation; the administration's contact (or the advisor on its
/// behalf) records its answer and the date each was carried out. Who may do what is <see cref="RemedyAccess"/>; a case the
/// user does not see answers 404. Each step runs under the case's write lock and version, writes the case history and
/// the access log.
/// </summary>
public sealed class RemediesModel(TilsynDbContext db, CaseQueries cases, AccessLog accessLog, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public ComplaintCase Case { get; private set; } = null!;
    public string? Error { get; set; }

    /// <summary>The case's version the form was loaded with (<see cref="AggregateVersion"/>); a step based on an older one is refused (409).</summary>
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public RemedyAccess Access => RemedyAccess.For(User.RoleNames(), User.AdministrationIdOf());

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) =>
        await ReloadAsync(ct) ? Redirect($"/Cases/{Uri.EscapeDataString(Case.Number)}#afhjaelpning") : NotFound();

    public Task<IActionResult> OnPostAddAsync(string number, RemedyKind kind, string? description, DateOnly? dueDate, CancellationToken ct) =>
        Step(a => a.MayAsk(Case), "Afhjælpning bedt om", c =>
        {
            if (dueDate is not { } due) throw new DomainException("Angiv fristen for afhjælpningen.");
            if (Tilsyn.Complaints.Intake.FreeText.Check(Remedy.DescriptionField, description, required: false) is { } bad) throw new DomainException(bad);
            c.AskForRemedy(kind, Tilsyn.Complaints.Intake.FreeText.Normalise(description), due, clock.GetUtcNow(), Me);
        }, ct);

    public Task<IActionResult> OnPostAnswerAsync(string number, int remedyId, RemedyAnswer answer, DateOnly? answeredOn, DateOnly? agreedDueDate, CancellationToken ct) =>
        Step(a => a.MayAnswer(Case), "Forvaltningens svar på afhjælpning", c =>
            c.RecordRemedyAnswer(Find(c, remedyId), answer, answeredOn ?? clock.Today(), agreedDueDate, clock.GetUtcNow(), Me), ct);

    public Task<IActionResult> OnPostCarriedOutAsync(string number, int remedyId, DateOnly? carriedOutOn, CancellationToken ct) =>
        Step(a => a.MayAnswer(Case), "Afhjælpning gennemført", c =>
        {
            if (carriedOutOn is not { } on) throw new DomainException("Angiv datoen, afhjælpningen blev gennemført.");
            c.RecordRemedyCarriedOut(Find(c, remedyId), on, clock.GetUtcNow(), Me);
        }, ct);

    private static Remedy Find(ComplaintCase c, int remedyId) =>
        c.Remedies.FirstOrDefault(r => r.Id == remedyId) ?? throw new DomainException("Afhjælpningen findes ikke på sagen.");

    private async Task<IActionResult> Step(Func<RemedyAccess, bool> allowed, string what, Action<ComplaintCase> action, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        if (!allowed(Access)) return Forbid();
        // A refused step (DomainException, a stale version) leaves this block: the transaction rolls back with its disposal.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, Case.Id, ct);
        if (await db.Cases.Where(c => c.Id == Case.Id).Select(c => c.Version).FirstAsync(ct) != Case.Version)
        {
            // Someone saved the case between this request's load and the lock: take the stored case (the version check below then refuses).
            db.ChangeTracker.Clear();
            if (!await ReloadAsync(ct)) return NotFound();
        }
        db.ExpectVersion(Case, ShownVersion);
        action(Case);
        accessLog.Add(AccessAction.Change, Case.Number, what);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"{what}: gemt.";
        return Redirect($"/Cases/{Uri.EscapeDataString(Case.Number)}#afhjaelpning");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var c = await cases.LoadAsync(User, RouteData.Values["number"] as string ?? "", ct);
        if (c is null) return false;
        Case = c;
        return true;
    }

    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());
}
