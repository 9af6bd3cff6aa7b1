using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Klage;

/// <summary>The public complaint form (no login). Thin: the rules are in <see cref="CaseRegistration"/>.</summary>
[UploadLimits]
public sealed class IndexModel(TilsynDbContext db, CaseRegistration registration) : PageModel
{
    [BindProperty] public IntakeForm Form { get; set; } = new();
    public List<Administration> Administrations { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        // The form offers only complaint or inquiry through the web channel, whatever is posted.
        Form.Channel = Channel.WebForm;
        if (Form.Type != CaseType.Inquiry) Form.Type = CaseType.Complaint;
        var incoming = await UploadReader.ReadAsync(files, Errors, ct);
        if (Errors.Count == 0)
        {
            var result = await registration.RegisterAsync(Form, incoming, Actor.Citizen, ct);
            if (result.Succeeded)
            {
                TempData["CaseNumber"] = result.Case!.Number;
                TempData["StatusToken"] = result.StatusToken;
                return RedirectToPage("/Klage/Kvittering");
            }
            Errors.AddRange(result.Errors);
        }
        await OnGetAsync(ct);
        return Page();
    }
}
