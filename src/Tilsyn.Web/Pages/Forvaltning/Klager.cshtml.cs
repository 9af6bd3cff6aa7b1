using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Forvaltning;

/// <summary>
/// The administration's own complaint register (<i>forvaltningens klager</i>, issue 15): every complaint it
/// registered itself and every linked entry for a complaint that went to the advisor, filtered by status, open or
/// finished, category and kind. Only the administration's own users (contact or caseworker) see it.
/// </summary>
[Authorize(Policy = Policies.AdministrationUsers)]
public sealed class KlagerModel(CaseQueries cases, TilsynDbContext db) : PageModel
{
    public const int Max = 500;

    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    /// <summary>"aabne" (open) or "afsluttede" (finished); anything else is all.</summary>
    [BindProperty(SupportsGet = true)] public string? Tilstand { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintCategory? Category { get; set; }
    /// <summary>"egne" (registered by the administration) or "borgerraadgiveren" (linked entries); anything else is all.</summary>
    [BindProperty(SupportsGet = true)] public string? Hvor { get; set; }

    public string AdministrationName { get; private set; } = "";
    public List<RegisterRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var own = User.Scope().AdministrationId;
        AdministrationName = await db.Administrations.Where(a => a.Id == own).Select(a => a.Code + " – " + a.Name).FirstOrDefaultAsync(ct) ?? "";
        bool? open = Tilstand switch { "aabne" => true, "afsluttede" => false, _ => null };
        bool? linked = Hvor switch { "borgerraadgiveren" => true, "egne" => false, _ => null };
        Rows = await cases.RegisterAsync(User, new RegisterFilter(Status, open, Category, linked), Max, ct);
    }
}
