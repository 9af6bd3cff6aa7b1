namespace Tilsyn.Web.Pages.Klage;

public sealed class KvitteringModel : PageModel
{
    public string CaseNumber { get; private set; } = "";
    public string StatusPath { get; private set; } = "";
    public string StatusUrl { get; private set; } = "";

    public IActionResult OnGet()
    {
        // Shown once, right after submission (the token is not kept anywhere else in clear).
        if (TempData["CaseNumber"] is not string number || TempData["StatusToken"] is not string token)
            return RedirectToPage("/Klage/Index");
        CaseNumber = number;
        StatusPath = $"/status/{token}";
        StatusUrl = $"{Request.Scheme}://{Request.Host}{StatusPath}";
        return Page();
    }
}
