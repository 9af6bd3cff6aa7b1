using Tilsyn.Audits;
using Tilsyn.Web.CaseAudits;

namespace Tilsyn.Web.Pages.CaseAudits;

/// <summary>Case audits: the list a user may see, and a new audit (advisor staff, or a contact for its own administration).</summary>
[Authorize]
public sealed class IndexModel(CaseAuditService audits, TilsynDbContext db) : PageModel, IDomainErrorPage
{
    public List<CaseAudit> Audits { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public List<(int Id, int AdministrationId, string Name)> Units { get; private set; } = [];
    public List<(int Id, string Label)> Extracts { get; private set; } = [];
    public string? Error { get; set; }
    public bool MayCreate => CaseAuditService.Access(User).MayCreate;
    public int? OwnAdministration => CaseAuditService.Access(User).OwnAdministration;
    public string Code(int? id) => id is { } i ? Codes.GetValueOrDefault(i, "?") : "Hele kommunen";

    [BindProperty] public AuditForm Form { get; set; } = new();

    public sealed class AuditForm
    {
        public string Title { get; set; } = "";
        public PopulationSource Source { get; set; } = PopulationSource.Extract;
        public int? ExtractId { get; set; }
        public int? AdministrationId { get; set; }
        public int? UnitId { get; set; }
        public string? KleGroup { get; set; }
        public string? CaseType { get; set; }
        public DateOnly? OpenedFrom { get; set; }
        public DateOnly? OpenedTo { get; set; }
        /// <summary>The chosen design's key (<see cref="AuditDesigns.Key"/>).</summary>
        public string Design { get; set; } = AuditDesigns.Key(AuditDesign.UnitProportional);
        public int SampleSize { get; set; } = 40;
        public long? Seed { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayCreate) return Forbid();
        var (by, design) = AuditDesigns.FromKey(Form.Design) is { } chosen ? AuditDesigns.Parts(chosen) : (StratifyBy.None, (SampleDesign)0);
        var audit = await audits.CreateAsync(User, new AuditRequest(Form.Title, Form.Source, Form.ExtractId, Form.AdministrationId, Form.UnitId, Form.KleGroup,
            Form.CaseType, Form.OpenedFrom, Form.OpenedTo, by, design, Form.SampleSize, Form.Seed), ct);
        return Redirect($"/CaseAudits/Details?id={audit.Id}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Audits = await audits.Visible(User).AsNoTracking().OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var own = OwnAdministration;
        Units = (await db.OrgUnits.AsNoTracking().Where(u => own == null || u.AdministrationId == own).OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.AdministrationId, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.AdministrationId, u.Name)).ToList();
        Extracts = (await db.Extracts.AsNoTracking().OrderByDescending(x => x.PeriodTo).Select(x => new { x.Id, x.Source, x.PeriodFrom, x.PeriodTo, x.RowsImported }).ToListAsync(ct))
            .Select(x => (x.Id, $"{x.Source} {x.PeriodFrom:dd-MM-yyyy}–{x.PeriodTo:dd-MM-yyyy} ({x.RowsImported:N0} sager)".Replace(",", "."))).ToList();
    }
}
