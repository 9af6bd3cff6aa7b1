using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Klage;

/// <summary>
/// The receipt page right after submission. It shows the citizen the status link in the citizen's own
/// browser; the token came through the (encrypted) TempData cookie and is not stored anywhere in clear.
/// </summary>
public sealed class KvitteringModel(StatusLinks links) : PageModel
{
    public string CaseNumber { get; private set; } = "";
    public string StatusPath { get; private set; } = "";
    public string StatusUrl { get; private set; } = "";

    public IActionResult OnGet()
    {
        // Shown once, right after submission (the token is not kept anywhere else in clear).
        if (TempData["CaseNumber"] is not string number || TempData["StatusToken"] is not string token)
            return RedirectToPage("/Klage/Index");
        Response.Headers.CacheControl = "no-store";
        CaseNumber = number;
        StatusPath = links.Path(token);
        StatusUrl = links.Url(token); // from PublicBaseUrl, never from the request's Host header
        return Page();
    }
}
