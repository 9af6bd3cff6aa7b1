using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.Data;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Klage;

/// <summary>The public complaint form (no login). Thin: the rules are in <see cref="CaseRegistration"/>.</summary>
[RequestSizeLimit(60 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
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
        var incoming = await ReadFilesAsync(files, CaseRegistration.Attachments.MaxFileBytes, Errors, ct);
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

    /// <summary>Reads uploads into memory, refusing oversized ones before reading them.</summary>
    internal static async Task<List<IncomingFile>> ReadFilesAsync(IEnumerable<IFormFile>? files, long maxBytes, List<string> errors, CancellationToken ct)
    {
        var result = new List<IncomingFile>();
        foreach (var f in files ?? [])
        {
            if (f.Length == 0 && string.IsNullOrEmpty(f.FileName)) continue;
            if (f.Length > maxBytes)
            {
                errors.Add($"Filen '{Path.GetFileName(f.FileName)}' er for stor ({f.Length / 1024.0 / 1024.0:0.0} MB); højst {maxBytes / 1024 / 1024} MB pr. fil.");
                continue;
            }
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            result.Add(new IncomingFile(f.FileName, ms.ToArray()));
        }
        return result;
    }
}
