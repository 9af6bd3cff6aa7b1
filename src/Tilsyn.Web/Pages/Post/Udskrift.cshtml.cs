using System.Security.Claims;
using Tilsyn.Complaints;
using Tilsyn.DigitalPost;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Post;

/// <summary>
/// The print list (<i>udskriftsliste</i>): letters to citizens who cannot get them by Digital Post or
/// e-mail, flagged for printing and posting on paper. Staff open the letter, print and post it, and mark
/// it printed (in the case's history and the access log).
/// </summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class UdskriftModel(TilsynDbContext db, CaseQueries cases, AccessLog accessLog, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public string? Error { get; set; }

    public sealed record Waiting(string CaseNumber, int Sequence, string Title, DateTimeOffset CreatedAt);

    public List<Waiting> Letters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnPostPrintedAsync(string number, int sequence, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await cases.LoadAsync(User, number, ct) is not { } found) return NotFound();
        await CaseWriteLock.TakeAsync(db, found.Id, ct);
        db.ChangeTracker.Clear(); // the case as stored now, under the lock
        var theCase = (await cases.LoadAsync(User, number, ct))!;
        var by = new Actor(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());
        theCase.MarkLetterPrinted(sequence, clock.GetUtcNow(), by);
        accessLog.Add(AccessAction.Change, number, $"Dokument {CaseNumber.FormatDocument(number, sequence)} udskrevet og sendt som papirpost");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Dokument {CaseNumber.FormatDocument(number, sequence)} er markeret som udskrevet.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Letters = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.Channel == LetterChannel.Print && d.PrintedAt == null)
            .Join(db.Cases.Where(Tilsyn.Complaints.CaseRegisters.AdvisorsOwn), d => d.CaseId, c => c.Id, (d, c) => new { c.Number, d.Sequence, d.Title, d.CreatedAt, d.Id })
            .OrderBy(x => x.Id).Take(500)
            .Select(x => new Waiting(x.Number, x.Sequence, x.Title, x.CreatedAt))
            .ToListAsync(ct);
}
