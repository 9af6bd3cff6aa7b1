using System.Security.Claims;
using Tilsyn.Extracts;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Extracts;

/// <summary>Upload of an extract: spooled to disk, imported in the background, progress on the next page.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
[UploadLimits(MaxExtractBytes)]
public sealed class IndexModel(TilsynDbContext db, ExtractJobs jobs) : PageModel
{
    /// <summary>The largest extract taken: it is spooled to disk and read row by row, never held in memory.</summary>
    public const long MaxExtractBytes = 4L * 1024 * 1024 * 1024;

    public List<Extract> Imports { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Source { get; private set; }
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    public ErrorPolicy Policy { get; private set; } = ErrorPolicy.RejectFile;
    public string? Columns { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Imports = await db.Extracts.AsNoTracking().OrderByDescending(x => x.ImportedAt).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? source, DateOnly? from, DateOnly? to, ErrorPolicy policy, string? columns, CancellationToken ct)
    {
        (Source, From, To, Policy, Columns) = (source, from, to, policy == 0 ? ErrorPolicy.RejectFile : policy, columns);
        // A source's column names are given once: an empty field reuses the mapping of its last import.
        if (string.IsNullOrWhiteSpace(columns) && !string.IsNullOrWhiteSpace(source))
            columns = await db.Extracts.Where(x => x.Source == source.Trim() && x.ColumnMapping != null)
                .OrderByDescending(x => x.ImportedAt).Select(x => x.ColumnMapping).FirstOrDefaultAsync(ct);
        if (file is null || file.Length == 0) Errors.Add("Vælg en fil.");
        if (string.IsNullOrWhiteSpace(source)) Errors.Add("Feltet 'Kildesystem' skal udfyldes.");
        if (from is null || to is null) Errors.Add("Angiv periodens start og slut.");
        else if (to < from) Errors.Add("Perioden slutter før den begynder.");
        var (map, mapErrors) = ColumnMap.Parse(columns);
        Errors.AddRange(mapErrors);
        if (Errors.Count > 0)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var spool = Path.Combine(Path.GetTempPath(), $"tilsyn-extract-{Guid.NewGuid():N}.csv");
        await using (var target = System.IO.File.Create(spool))
            await file!.CopyToAsync(target, ct);
        var request = new ImportRequest(source!.Trim(), from!.Value, to!.Value, Policy, map!, file.FileName, User.DisplayName(), columns);
        var job = jobs.Start(spool, request, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return Redirect($"/Extracts/Job/{job.Id}");
    }
}
