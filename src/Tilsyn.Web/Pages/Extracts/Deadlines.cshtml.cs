using Tilsyn.Organisation;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Pages.Extracts;

/// <summary>The register of published processing-time deadlines per administration × case type.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class DeadlinesModel(TilsynDbContext db) : PageModel
{
    public List<ProcessingDeadline> Rows { get; private set; } = [];
    public List<Administration> Administrations { get; private set; } = [];
    public string? Error { get; private set; }
    public string AdminCode(int id) => Administrations.FirstOrDefault(a => a.Id == id)?.Code ?? "?";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        Rows = await db.Set<ProcessingDeadline>().AsNoTracking().OrderBy(d => d.AdministrationId).ThenBy(d => d.CaseType).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int administrationId, string? caseType, int amount, bool inWeeks, CancellationToken ct)
    {
        var type = (caseType ?? "").Trim();
        if (type.Length is 0 or > 100) Error = "Feltet 'Sagstype' skal udfyldes (højst 100 tegn).";
        else if (amount is < 1 or > 730) Error = "Fristen skal være mellem 1 og 730.";
        else if (!await db.Administrations.AnyAsync(a => a.Id == administrationId, ct)) Error = "Forvaltningen findes ikke.";
        if (Error is not null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var existing = await db.Set<ProcessingDeadline>().FirstOrDefaultAsync(d => d.AdministrationId == administrationId && d.CaseType == type, ct);
        if (existing is null) db.Add(existing = new ProcessingDeadline { AdministrationId = administrationId, CaseType = type });
        existing.Amount = amount;
        existing.InWeeks = inWeeks;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Fristen for '{type}' er gemt. Den bruges ved næste import af et udtræk.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await db.Set<ProcessingDeadline>().Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        return RedirectToPage();
    }
}
