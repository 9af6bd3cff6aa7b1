using System.Security.Claims;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>Manual registration by the advisor's staff, with the channel recorded.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
[UploadLimits]
public sealed class NewModel(TilsynDbContext db, CaseRegistration registration) : PageModel
{
    [BindProperty] public IntakeForm Form { get; set; } = new() { Channel = Channel.Email };
    public List<Administration> Administrations { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (Form.Channel == Channel.WebForm) Form.Channel = Channel.Email; // the web channel is the public form's
        var incoming = await UploadReader.ReadAsync(files, Errors, ct);
        if (Errors.Count == 0)
        {
            var by = new Actor(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());
            var result = await registration.RegisterAsync(Form, incoming, by, ct);
            if (result.Succeeded) return Redirect($"/Cases/{result.Case!.Number}");
            Errors.AddRange(result.Errors);
        }
        await OnGetAsync(ct);
        return Page();
    }
}
