using Tilsyn.Organisation;
using Tilsyn.Web.Organisation;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Organisation;

/// <summary>The KLE register: everyone logged in may read it; AdvisorLead imports and edits.</summary>
[UploadLimits(MaxImportBytes)]
public sealed class KleModel(TilsynDbContext db, KleImporter importer) : PageModel, IDomainErrorPage
{
    public const int PageSize = 300;
    public const long MaxImportBytes = 20 * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<KleSubject> Rows { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>Why a single change was not saved.</summary>
    public string? Error { get; set; }
    /// <summary>Every line of an import file that was refused, under <see cref="ErrorHeading"/>.</summary>
    public List<string> Errors { get; } = [];
    public string ErrorHeading { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        if (file is null || file.Length == 0) return await Fail("Vælg en fil at importere.", ct);
        if (file.Length > MaxImportBytes) return await Fail($"Filen er for stor (højst {UploadLimitsAttribute.Describe(MaxImportBytes)}).", ct);
        await using var stream = file.OpenReadStream();
        var result = await importer.ImportAsync(stream, ct);
        if (!result.Succeeded)
        {
            ErrorHeading = $"Filen blev ikke importeret: {result.Errors.Count} fejl. Ret filen og prøv igen.";
            Errors.AddRange(result.Errors.Select(e => e.ToString()));
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData["Message"] = $"KLE importeret: {result.Added} nye og {result.Updated} ændrede emner.";
        if (result.Warnings.Count > 0)
            TempData["Warnings"] = string.Join("\n", result.Warnings.Take(100).Select(w => w.ToString()));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync(string code, string title, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        if (!KleCode.TryParse(code, out var kle)) return await Fail($"'{code}' er ikke en KLE-kode (fx 28, 28.09 eller 28.09.04).", ct);
        if (await db.KleSubjects.AnyAsync(k => k.Code == kle.Value.Value, ct)) return await Fail($"{kle} findes allerede.", ct);
        if (kle.Value.Parent is { } p && !await db.KleSubjects.AnyAsync(k => k.Code == p.Value, ct))
            return await Fail($"Opret først det overordnede emne {p}.", ct);
        db.KleSubjects.Add(new KleSubject(kle.Value, title));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{kle} er tilføjet.";
        return RedirectToPage(new { q = kle.Value.Value });
    }

    public async Task<IActionResult> OnPostUpdateAsync(string code, string title, bool retired, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.AdvisorLead)) return Forbid();
        var subject = await db.KleSubjects.FirstOrDefaultAsync(k => k.Code == code, ct);
        if (subject is null) return NotFound();
        subject.Update(title, retired);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{code} er gemt.";
        return RedirectToPage(new { q = Q });
    }

    private async Task<IActionResult> Fail(string message, CancellationToken ct)
    {
        Error = message;
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Total = await db.KleSubjects.CountAsync(ct);
        var query = db.KleSubjects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(k => k.Code.StartsWith(q) || k.Title.ToLower().Contains(q.ToLower()));
        }
        Rows = await query.OrderBy(k => k.Code).Take(PageSize).ToListAsync(ct);
    }
}
