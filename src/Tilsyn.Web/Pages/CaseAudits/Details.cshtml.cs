using Tilsyn.Audits;
using Tilsyn.Complaints.Intake;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.CaseAudits;

/// <summary>One audit: its design and strata, the sampled cases with progress, and the workbook round trip.</summary>
[Authorize]
[UploadLimits(MaxSheetBytes)]
public sealed class DetailsModel(CaseAuditService audits, TilsynDbContext db) : PageModel, IDomainErrorPage
{
    /// <summary>The largest filled-in checklist workbook taken back.</summary>
    public const long MaxSheetBytes = 20 * AttachmentPolicy.MiB;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public CaseAudit Audit { get; private set; } = null!;
    public AuditChecklist Checklist { get; private set; } = AuditChecklist.Current;
    public List<SampledCase> Cases { get; private set; } = [];
    /// <summary>The key each case is shown under (a stand-in for a case the user may not see), by the sampled case's id.</summary>
    public Dictionary<long, string> ShownKeys { get; private set; } = [];
    public bool MaySeeCases { get; private set; }
    public bool MayAnswer { get; private set; }
    public string? AdministrationCode { get; private set; }
    public List<string> Errors { get; private set; } = [];
    /// <summary>An answer the audit refused while importing the workbook (nothing is imported then).</summary>
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetSheetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySeeCases) return NotFound();
        var bytes = await AuditSheet.WriteAsync(Checklist, Cases, ShownKeys, ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"sagsaudit-{Id}.xlsx");
    }

    /// <summary>Imports a filled workbook: all rows or none; every error names its cell.</summary>
    public async Task<IActionResult> OnPostSheetAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !MaySeeCases) return NotFound();
        if (!MayAnswer) return Forbid();
        if (sheet is null || sheet.Length == 0) Errors.Add("Vælg det udfyldte regneark (.xlsx).");
        else
        {
            await using var stream = new MemoryStream();
            await sheet.CopyToAsync(stream, ct);
            stream.Position = 0;
            var read = AuditSheet.Read(stream, Checklist, Cases.Select(c => ShownKeys[c.Id]).ToList());
            Errors.AddRange(read.Errors);
            if (Errors.Count == 0)
            {
                var tracked = (await db.Set<SampledCase>().Where(c => c.AuditId == Id).ToListAsync(ct)).ToDictionary(c => ShownKeys[c.Id], StringComparer.Ordinal);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var (key, answers) in read.Answers)
                    await audits.RecordAsync(User, Audit, tracked[key], answers, ct);
                await tx.CommitAsync(ct);
                TempData["Message"] = $"Svarene for {read.Answers.Count} sager er indlæst.";
                return Redirect($"/CaseAudits/Details?id={Id}");
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var audit = await audits.FindAsync(User, Id, ct);
        if (audit is null) return false;
        Audit = audit;
        Checklist = audit.Checklist;
        var access = CaseAuditService.Access(User);
        MaySeeCases = access.MaySeeCases(audit);
        MayAnswer = access.MayAnswer(audit);
        if (MaySeeCases)
        {
            Cases = await db.Set<SampledCase>().AsNoTracking().Where(c => c.AuditId == Id).OrderBy(c => c.Stratum).ThenBy(c => c.CaseKey).ToListAsync(ct);
            ShownKeys = await audits.ShownKeysAsync(User, audit, Cases, ct);
        }
        AdministrationCode = audit.AdministrationId is { } a ? await db.Administrations.Where(x => x.Id == a).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        return true;
    }
}
