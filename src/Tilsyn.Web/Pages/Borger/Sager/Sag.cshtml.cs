using Microsoft.AspNetCore.RateLimiting;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Citizens;
using Tilsyn.Web.Security;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Borger.Sager;

/// <summary>
/// One of the signed-in citizen's cases: status, deadlines, the letters to and from them
/// (<see cref="CitizenView"/>), and on an open case a form to send a message or documents, journalised
/// as incoming (<see cref="CitizenCases.ReplyAsync"/>). Another person's case and a number that does not
/// exist are the same 404, logged as a refusal.
/// </summary>
[Authorize(Policy = CitizenAuth.Policy)]
[UploadLimits]
[EnableRateLimiting(RateLimits.Complaints)] // a POST counts like a complaint from the form; reading is not limited
public sealed class SagModel(CitizenCases cases, AccessLog accessLog) : PageModel, IDomainErrorPage
{
    public ComplaintCase Case { get; private set; } = null!;
    public IReadOnlyList<CaseDocument> Documents { get; private set; } = [];
    public IReadOnlyList<CitizenDeadline> Deadlines { get; private set; } = [];
    public bool MayReply { get; private set; }
    public string? Error { get; set; }

    /// <summary>What the citizen writes; kept in the form when a send is refused.</summary>
    [BindProperty] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(number, ct))
        {
            await cases.RefusedAsync(number, ct);
            return NotFound();
        }
        await accessLog.WriteAsync(AccessAction.View, Case.Number, "Borgeren åbnede sagen i Mine sager", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, List<IFormFile> files, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(number, ct))
        {
            await cases.RefusedAsync(number, ct);
            return NotFound();
        }
        // A finished case refuses before the files are even read (CitizenView.MayReply; the case refuses again under the lock).
        if (!MayReply) throw new DomainException($"Sagen er afsluttet (status: {CaseWorkflow.Name(Case.Status)}), så du kan ikke sende mere på den her. Skriv til Borgerrådgiveren, hvis du vil have sagen genoptaget eller har en ny klage.");
        if (Tilsyn.Complaints.Intake.FreeText.Check(CaseTextFields.CitizenReply, Message, required: false) is { } bad) throw new DomainException(bad);
        var errors = new List<string>();
        var accepted = await UploadReader.ReadAcceptedAsync(files, errors, ct);
        if (errors.Count > 0) throw new DomainException(string.Join(" ", errors));
        var added = await cases.ReplyAsync(User, Case.Number, Message, [.. accepted.Select(f => new CitizenFile(f.FileName, f.ContentType, f.Content))], ct);
        if (added is null) return NotFound();
        TempData["Message"] = added.Count == 1 ? "Tak. Vi har modtaget det, du sendte, og lagt det på sagen." : $"Tak. Vi har modtaget det, du sendte ({added.Count} dokumenter), og lagt det på sagen.";
        return Redirect($"/borger/sager/{Case.Number}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(RouteData.Values["number"] as string ?? "", ct);

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (await cases.FindAsync(User, number, ct) is not { } c) return false;
        Case = c;
        Documents = CitizenView.Documents(c);
        Deadlines = CitizenView.Deadlines(c);
        MayReply = CitizenView.MayReply(c);
        return true;
    }
}
