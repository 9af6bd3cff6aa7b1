using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Common;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.Data;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Pages.AnnualReports;

/// <summary>The advisor's editor for a draft report: own texts (Markdown), recommendations per administration, case examples, publication.</summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class EditModel(TilsynDbContext db, AnnualReportService reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public AnnualReport Report { get; private set; } = null!;
    public List<ReportRecommendation> Recommendations { get; private set; } = [];
    public List<CaseExample> Examples { get; private set; } = [];
    public Dictionary<int, string> Codes { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTextsAsync(string? foreword, string? themes, string? recommendations, CancellationToken ct) =>
        Change(() => reports.SaveTextsAsync(Report, foreword, themes, recommendations, User, ct), "Teksterne er gemt.", ct);

    public Task<IActionResult> OnPostRecommendationAsync(int administrationId, string? text, DateOnly? due, CancellationToken ct) => Change(async () =>
    {
        if (Report.IsPublished) throw new DomainException("Beretningen er offentliggjort.");
        if (!Codes.ContainsKey(administrationId)) throw new DomainException("Forvaltning: vælg en forvaltning.");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Anbefaling: skriv anbefalingen.");
        if (due is not { } d || d <= Tilsyn.Calendar.DanishTime.LocalDate(clock.GetUtcNow())) throw new DomainException("Frist: fristen for opfølgning skal ligge i fremtiden.");
        db.Add(new ReportRecommendation { Year = Year, AdministrationId = administrationId, Text = text.Trim(), DueDate = d });
        await db.SaveChangesAsync(ct);
    }, "Anbefalingen er tilføjet.", ct);

    public Task<IActionResult> OnPostRemoveRecommendationAsync(int id, CancellationToken ct) => Change(async () =>
    {
        if (Report.IsPublished) throw new DomainException("Beretningen er offentliggjort.");
        await db.Set<ReportRecommendation>().Where(r => r.Id == id && r.Year == Year && r.RecommendationId == null).ExecuteDeleteAsync(ct);
    }, "Anbefalingen er fjernet.", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        Change(() => reports.PublishAsync(Report, User, ct), "Beretningen er offentliggjort. PDF, Word og side er gemt, som de er nu.", ct, toView: true);

    private async Task<IActionResult> Change(Func<Task> action, string done, CancellationToken ct, bool toView = false)
    {
        if (!await LoadAsync(ct, tracked: true)) return NotFound();
        try
        {
            await action();
            TempData["Message"] = done;
            return Redirect(toView ? $"/AnnualReports/View?year={Year}" : $"/AnnualReports/Edit?year={Year}");
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Set<AnnualReport>() : db.Set<AnnualReport>().AsNoTracking();
        var report = await query.FirstOrDefaultAsync(r => r.Year == Year, ct);
        if (report is null) return false;
        Report = report;
        Recommendations = await db.Set<ReportRecommendation>().AsNoTracking().Where(r => r.Year == Year).OrderBy(r => r.Id).ToListAsync(ct);
        Examples = await db.Set<CaseExample>().AsNoTracking().Where(e => e.ReportYear == Year).OrderBy(e => e.Id).ToListAsync(ct);
        Codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        return true;
    }
}
