using System.Security.Claims;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>
/// The advisor's staff send the citizen a new status link (the old one stops working) or revoke it,
/// from the case page (<c>_StatusLink.cshtml</c>). Both are logged in the access log and the case history.
/// </summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class StatusLinkModel(TilsynDbContext db, CaseQueries cases, AccessLog accessLog, MailOutbox outbox, StatusLinks links, TimeProvider clock)
    : PageModel, IDomainErrorPage
{
    public ComplaintCase Case { get; private set; } = null!;
    public string? Error { get; set; }

    public IActionResult OnGet(string number) => Redirect($"/Cases/{Uri.EscapeDataString(number)}");

    public async Task<IActionResult> OnPostReissueAsync(string number, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = StatusToken.New();
        Case.ReissueStatusLink(StatusToken.Hash(token), clock.GetUtcNow(), Me);
        await ForgetUnsentLinksAsync(ct);
        var (subject, body) = StatusLinks.ReissueMail(Case);
        outbox.Enqueue(Case.Citizen!.Email!, subject, body, Case.Number, protectedStatusToken: links.Protect(token));
        accessLog.Add(AccessAction.ReissueStatusLink, Case.Number, "Nyt link til borgerens statusside sendt til borgerens e-mail; det tidligere virker ikke længere");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = "Et nyt link er sendt til borgerens e-mail. Det tidligere link virker ikke længere.";
        return Redirect($"/Cases/{Case.Number}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string number, CancellationToken ct)
    {
        if (!await ReloadAsync(ct)) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Case.RevokeStatusLink(clock.GetUtcNow(), Me);
        await ForgetUnsentLinksAsync(ct);
        accessLog.Add(AccessAction.RevokeStatusLink, Case.Number, "Linket til borgerens statusside er tilbagekaldt");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = "Borgerens link er tilbagekaldt. Borgeren får besked om at kontakte os, hvis linket bruges.";
        return Redirect($"/Cases/{Case.Number}");
    }

    /// <summary>A mail still waiting in the outbox no longer carries the old link (it says the link is no longer valid instead).</summary>
    private Task<int> ForgetUnsentLinksAsync(CancellationToken ct) =>
        db.OutgoingMail.Where(m => m.CaseNumber == Case.Number && m.SentAt == null && m.ProtectedStatusToken != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProtectedStatusToken, (string?)null), ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var c = await cases.LoadAsync(User, RouteData.Values["number"] as string ?? "", ct);
        // The advisor's step: not on a case of an administration's own register, even one shared for reading.
        if (c is null || !CaseQueries.Access(User).MayHandle(c)) return false;
        Case = c;
        return true;
    }

    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());
}
