using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Status;

/// <summary>A letter or document on the citizen's own case, through the status link.</summary>
public sealed class DocumentModel(TilsynDbContext db, TimeProvider clock, AccessLog accessLog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, int sequence, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var c = await IndexModel.FindAsync(db, clock, token, ct);
        var doc = c is null ? null : CitizenView.Document(c, sequence);
        if (c is null || doc is null) return NotFound();
        var who = User.Identity?.IsAuthenticated == true ? "En medarbejder (ikke borgeren) hentede" : "Borgeren hentede";
        await accessLog.WriteAsync(AccessAction.Download, c.Number, $"{who} dokument {CaseNumber.FormatDocument(c.Number, doc.Sequence)} via statuslinket", ct);
        return Cases.DocumentModel.FileOf(c, doc);
    }
}
