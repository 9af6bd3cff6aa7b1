using Tilsyn.Publishing;
using Tilsyn.Web.Library;

namespace Tilsyn.Web.Pages.Library;

/// <summary>The learning library, readable by every logged-in user: administrations learn from each other's complaints.</summary>
[Authorize]
public sealed class IndexModel(TilsynDbContext db, LibrarySearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public int? Administration { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kle { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    public List<CaseExample> Results { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public List<string> Rules { get; private set; } = [];
    public List<string> Outcomes { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await search.SearchAsync(new LibraryFilter(Q, Rule, Administration, Kle, Year, Outcome), ct);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var published = db.Set<CaseExample>().AsNoTracking().Where(e => e.InLibrary);
        Rules = await published.Where(e => e.LegalRule != null).Select(e => e.LegalRule!).Distinct().OrderBy(r => r).ToListAsync(ct);
        Outcomes = await published.Where(e => e.Outcome != null).Select(e => e.Outcome!).Distinct().OrderBy(r => r).ToListAsync(ct);
        Years = await published.Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }
}
