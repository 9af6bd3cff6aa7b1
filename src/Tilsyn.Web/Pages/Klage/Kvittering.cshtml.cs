using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Klage;

/// <summary>
/// The receipt page right after submission. It shows the citizen the status link in the citizen's own
/// browser; the token came through the (encrypted) TempData cookie and is not stored anywhere in clear.
/// </summary>
public sealed class KvitteringModel(StatusLinks links) : PageModel
{
    /// <summary>TempData flag: a submission with the robot field filled in was discarded (neutral answer, no case).</summary>
    public const string DiscardedKey = "Klage.Discarded";

    /// <summary>TempData flag: the case is stored, but no receipt mail goes out (the address's receipts for today are used up).</summary>
    public const string NoReceiptKey = "Klage.NoReceipt";

    public string CaseNumber { get; private set; } = "";
    public string StatusPath { get; private set; } = "";
    public string StatusUrl { get; private set; } = "";
    public bool Discarded { get; private set; }
    public bool NoReceipt { get; private set; }

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        if (TempData[DiscardedKey] is true)
        {
            Discarded = true;
            return Page();
        }
        // Shown once, right after submission (the token is not kept anywhere else in clear).
        if (TempData["CaseNumber"] is not string number || TempData["StatusToken"] is not string token)
            return RedirectToPage("/Klage/Index");
        CaseNumber = number;
        StatusPath = links.Path(token);
        StatusUrl = links.Url(token); // from PublicBaseUrl, never from the request's Host header
        NoReceipt = TempData[NoReceiptKey] is true;
        return Page();
    }
}
