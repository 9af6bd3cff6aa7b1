using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Anonymisation;
using Tilsyn.Common;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.Data;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>The anonymisation review of one summary: each finding highlighted, replaced or confirmed by a person.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class ExampleModel(TilsynDbContext db, CaseExampleService examples) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public CaseExample Example { get; private set; } = null!;
    public AnonymisationReview Review { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReplaceAsync(int index, CancellationToken ct) => Change(r => r.Replace(index), "Fundet er erstattet.", ct);
    public Task<IActionResult> OnPostConfirmAsync(int index, CancellationToken ct) => Change(r => r.Confirm(index), "Fundet er bekræftet som ikke-personoplysning.", ct);
    public Task<IActionResult> OnPostReplaceAllAsync(CancellationToken ct) => Change(r => r.ReplaceAll(), "Alle uafklarede fund er erstattet.", ct);

    public async Task<IActionResult> OnPostEditAsync(string? title, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(title)) return await Fail("Titel: skriv en titel.", ct);
        return await Change(r => r.Edit(text ?? ""), "Teksten er gemt og skannet igen.", ct, e => e.Title = title.Trim());
    }

    public async Task<IActionResult> OnPostReportAsync(int? reportYear, CancellationToken ct)
    {
        if (!await LoadAsync(ct, tracked: true)) return NotFound();
        if (reportYear is { } y && await db.Set<AnnualReport>().AnyAsync(r => r.Year == y && r.PublishedAt != null, ct))
            return await Fail($"Beretning {y} er offentliggjort; eksemplet kan ikke tilføjes.", ct);
        Example.ReportYear = reportYear;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = reportYear is null ? "Eksemplet er taget ud af beretningen." : $"Eksemplet er valgt til beretning {reportYear}.";
        return Redirect($"/AnnualReports/Example?id={Id}");
    }

    public async Task<IActionResult> OnPostLibraryAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct, tracked: true)) return NotFound();
        try
        {
            await examples.PublishToLibraryAsync(Example, ct);
        }
        catch (DomainException ex) { return await Fail(ex.Message, ct); }
        TempData["Message"] = "Eksemplet er lagt i læringsbiblioteket.";
        return Redirect($"/AnnualReports/Example?id={Id}");
    }

    private async Task<IActionResult> Change(Action<AnonymisationReview> change, string done, CancellationToken ct, Action<CaseExample>? also = null)
    {
        if (!await LoadAsync(ct, tracked: true)) return NotFound();
        try
        {
            also?.Invoke(Example);
            await examples.ChangeAsync(Example, change, ct);
        }
        catch (Exception ex) when (ex is DomainException or ArgumentOutOfRangeException)
        {
            return await Fail(ex is DomainException ? ex.Message : "Fundet findes ikke længere; siden er opdateret.", ct);
        }
        TempData["Message"] = done;
        return Redirect($"/AnnualReports/Example?id={Id}");
    }

    private async Task<IActionResult> Fail(string message, CancellationToken ct)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Set<CaseExample>() : db.Set<CaseExample>().AsNoTracking();
        var e = await query.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (e is null) return false;
        Example = e;
        Review = CaseExampleService.Review(e);
        return true;
    }
}
