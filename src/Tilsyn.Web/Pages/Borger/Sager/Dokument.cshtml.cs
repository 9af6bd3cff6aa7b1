using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Pages.Borger.Sager;

/// <summary>A letter or document on the signed-in citizen's own case (<see cref="CitizenView.Document"/>), logged; anything else is 404.</summary>
[Authorize(Policy = CitizenAuth.Policy)]
public sealed class DokumentModel(CitizenCases cases, AccessLog accessLog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, int sequence, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var c = await cases.FindAsync(User, number, ct);
        if (c is null)
        {
            await cases.RefusedAsync(number, ct);
            return NotFound();
        }
        if (CitizenView.Document(c, sequence) is not { } doc)
        {
            await accessLog.RefusedAsync($"dokument {sequence} i Mine sager", c.Number, ct);
            return NotFound();
        }
        await accessLog.WriteAsync(AccessAction.Download, c.Number, $"Borgeren hentede dokument {CaseNumber.FormatDocument(c.Number, doc.Sequence)} i Mine sager", ct);
        return CitizenCases.FileOf(c, doc);
    }
}
