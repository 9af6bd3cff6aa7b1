using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.CaseAudits;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>Case examples (anonymised summaries) for reports and the learning library.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class ExamplesModel(TilsynDbContext db, CaseExampleService examples, CaseAuditService audits) : PageModel, IDomainErrorPage
{
    public List<CaseExample> Examples { get; private set; } = [];
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Examples = await db.Set<CaseExample>().AsNoTracking().OrderByDescending(e => e.Id).ToListAsync(ct);

    public async Task<IActionResult> OnPostFromCaseAsync(string? caseNumber, CancellationToken ct)
    {
        var number = (caseNumber ?? "").Trim();
        var id = await db.Cases.Where(Tilsyn.Complaints.CaseRegisters.AdvisorsOwn).Where(c => c.Number == number).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException($"Sagsnummer: sagen \"{number}\" findes ikke.");
        var e = await examples.FromCaseAsync(id, User, ct);
        return Redirect($"/AnnualReports/Example?id={e.Id}");
    }

    public async Task<IActionResult> OnPostFromAuditAsync(int auditId, CancellationToken ct)
    {
        var audit = await audits.FindAsync(User, auditId, ct) ?? throw new DomainException("Sagsaudit: auditten findes ikke.");
        var e = await examples.FromAuditAsync(audit, User, ct);
        return Redirect($"/AnnualReports/Example?id={e.Id}");
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return true;
    }
}
