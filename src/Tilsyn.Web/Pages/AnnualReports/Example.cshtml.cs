using Tilsyn.Anonymisation;
using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>The anonymisation review of one summary: each finding highlighted, replaced or confirmed by a person.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class ExampleModel(TilsynDbContext db, CaseExampleService examples) : PageModel, IDomainErrorPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public CaseExample Example { get; private set; } = null!;
    public AnonymisationReview Review { get; private set; } = null!;
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReplaceAsync(int index, CancellationToken ct) =>
        Change(() => examples.ChangeReviewAsync(Id, r => r.Replace(index), ct), "Fundet er erstattet.", ct);

    public Task<IActionResult> OnPostConfirmAsync(int index, CancellationToken ct) =>
        Change(() => examples.ChangeReviewAsync(Id, r => r.Confirm(index), ct), "Fundet er bekræftet som ikke-personoplysning.", ct);

    public Task<IActionResult> OnPostReplaceAllAsync(CancellationToken ct) =>
        Change(() => examples.ChangeReviewAsync(Id, r => r.ReplaceAll(), ct), "Alle uafklarede fund er erstattet.", ct);

    public Task<IActionResult> OnPostEditAsync(string? title, string? text, CancellationToken ct) =>
        Change(() => examples.EditAsync(Id, title, text, ct), "Teksten er gemt og skannet igen.", ct);

    public Task<IActionResult> OnPostReportAsync(int? reportYear, CancellationToken ct) =>
        Change(() => examples.ChooseForReportAsync(Id, reportYear, ct),
            reportYear is null ? "Eksemplet er taget ud af beretningen." : $"Eksemplet er valgt til beretning {reportYear}.", ct);

    public Task<IActionResult> OnPostLibraryAsync(CancellationToken ct) =>
        Change(() => examples.PublishToLibraryAsync(Id, ct), "Eksemplet er lagt i læringsbiblioteket.", ct);

    private async Task<IActionResult> Change(Func<Task> action, string done, CancellationToken ct)
    {
        if (!await db.Set<CaseExample>().AnyAsync(e => e.Id == Id, ct)) return NotFound();
        await action();
        TempData["Message"] = done;
        return Redirect($"/AnnualReports/Example?id={Id}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var e = await db.Set<CaseExample>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (e is null) return false;
        Example = e;
        Review = e.Review();
        return true;
    }
}
