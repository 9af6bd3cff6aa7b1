using System.Globalization;
using Tilsyn.Organisation;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Pages.Statistics;

/// <summary>Targets (<i>måltal</i>): everyone reads them; the advisor's staff set them.</summary>
public sealed class TargetsModel(TilsynDbContext db) : PageModel
{
    public List<TargetStatus> Rows { get; private set; } = [];
    public List<Administration> Administrations { get; private set; } = [];
    public List<OrgUnit> Areas { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        Areas = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Area).OrderBy(u => u.Name).ToListAsync(ct);
        var targets = await db.Set<Target>().AsNoTracking().ToListAsync(ct);
        Rows = targets.Select(t => new TargetStatus(t,
            Administrations.First(a => a.Id == t.AdministrationId).Code + (t.AreaId is { } ar ? " – " + Areas.First(x => x.Id == ar).Name : ""), null, false))
            .OrderBy(r => r.Scope).ToList();
    }

    public async Task<IActionResult> OnPostAsync(string scope, TargetKind kind, string value, CancellationToken ct)
    {
        if (!User.IsAdvisorStaff()) return Forbid();
        var parts = (scope ?? "").Split(':');
        int? area = null;
        if (!int.TryParse(parts[0], out var adminId) || (parts.Length > 1 && !int.TryParse(parts[1], out var a2)))
            Error = "Vælg hvad måltallet gælder.";
        else
        {
            area = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
            if (!double.TryParse((value ?? "").Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || (kind == TargetKind.MinOnTimePercent && v > 100))
                Error = "Feltet 'Værdi' skal være et tal (procent mellem 0 og 100).";
            else if (area is { } ar && !await db.OrgUnits.AnyAsync(u => u.Id == ar && u.AdministrationId == adminId && u.Kind == OrgUnitKind.Area, ct))
                Error = "Området hører ikke til forvaltningen.";
            else
            {
                var t = await db.Set<Target>().FirstOrDefaultAsync(x => x.AdministrationId == adminId && x.AreaId == area && x.Kind == kind, ct);
                if (t is null) db.Add(t = new Target { AdministrationId = adminId, AreaId = area, Kind = kind });
                t.Value = v;
                await db.SaveChangesAsync(ct);
                return RedirectToPage();
            }
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!User.IsAdvisorStaff()) return Forbid();
        await db.Set<Target>().Where(t => t.Id == id).ExecuteDeleteAsync(ct);
        return RedirectToPage();
    }
}
