using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Pages.Arkiv;

/// <summary>
/// The head of office exports the cases closed in a period to the archive on demand
/// (<i>arkivaflevering efter behov</i>) and sees every delivery with its checksum. The retention run
/// delivers <i>bevar</i> cases through the same <see cref="ArchiveExporter"/> before it deletes them.
/// </summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class IndexModel(TilsynDbContext db, ArchiveExporter exporter, IServiceProvider services, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public const int Shown = 200;

    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public bool OnlyPreserved { get; set; }

    public string? Error { get; set; }
    public List<ArchiveDelivery> Deliveries { get; private set; } = [];

    /// <summary>Whether the retention rules are there to tell <i>bevar</i> cases (<see cref="IPreservedCaseFilter"/>).</summary>
    public bool CanFilterPreserved => services.GetService<IPreservedCaseFilter>() is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Tilsyn.Calendar.DanishTime.Today(clock);
        From ??= new DateOnly(today.Year - 1, 1, 1);
        To ??= new DateOnly(today.Year - 1, 12, 31);
        await ReloadAsync(ct);
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Deliveries = await db.Set<ArchiveDelivery>().AsNoTracking().OrderByDescending(d => d.Id).Take(Shown).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (From is not { } from || To is not { } to)
            throw new DomainException("Vælg periodens første og sidste dag.");
        if (to < from)
            throw new DomainException("Periodens sidste dag ligger før den første.");
        IReadOnlyList<int> ids = await exporter.CasesClosedInAsync(from, to, ct);
        if (OnlyPreserved)
        {
            var filter = services.GetService<IPreservedCaseFilter>()
                ?? throw new DomainException("Opbevaringsreglerne er ikke sat op, så sager til bevaring kan ikke udvælges.");
            ids = await filter.PreservedAsync(ids, ct);
        }
        if (ids.Count == 0)
            throw new DomainException($"Ingen sager er lukket i perioden {from:dd-MM-yyyy}–{to:dd-MM-yyyy}{(OnlyPreserved ? " med bevaring" : "")}.");
        ArchiveDeliveryResult result;
        try
        {
            result = await exporter.ExportAsync(ids, $"Aflevering efter behov: sager lukket {from:dd-MM-yyyy}–{to:dd-MM-yyyy}{(OnlyPreserved ? ", kun bevaring" : "")}", (from, to), ct);
        }
        catch (ArchiveExportException e)
        {
            // The exporter's message is Danish and holds no personal data: shown as a refusal.
            throw new DomainException(e.Message);
        }
        TempData["Message"] = $"Aflevering {result.DeliveryId} er skrevet og kontrolleret: {result.CaseCount} sager, {result.DocumentCount} dokumenter.";
        return RedirectToPage();
    }
}
