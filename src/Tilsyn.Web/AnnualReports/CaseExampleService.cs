using System.Security.Claims;
using Tilsyn.Anonymisation;
using Tilsyn.Audits;
using Tilsyn.Calendar;
using Tilsyn.Publishing;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Library;

namespace Tilsyn.Web.AnnualReports;

/// <summary>
/// Anonymised case summaries (<see cref="CaseExample"/>): created from a concluded case (or an
/// audit's results), then load → call the example → save. The rules (nothing unresolved is
/// published, a published example is frozen) are the example's own.
/// </summary>
public sealed class CaseExampleService(TilsynDbContext db, TimeProvider clock, CaseAuditService audits)
{
    public async Task<CaseExample> FromCaseAsync(int caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(Tilsyn.Complaints.CaseRegisters.AdvisorsOwn).Include(x => x.Categories).FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new DomainException("Sagen findes ikke.");
        var year = (c.ConcludedAt ?? c.ReceivedAt).ToCopenhagen().Year;
        var example = CaseExample.FromCase(c, year, clock.GetUtcNow(), user.DisplayName(), await OrganisationNamesAsync(ct));
        db.Add(example);
        await db.SaveChangesAsync(ct);
        return example;
    }

    /// <summary>An audit's findings as a library entry: the requirements and their shares met.</summary>
    public async Task<CaseExample> FromAuditAsync(CaseAudit audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await audits.ResultAsync(audit, ct);
        var lines = result.Questions.Where(q => q.Relevant > 0).Select(q =>
        {
            var i = q.Stratified?.Interval ?? q.Interval!;
            return $"{q.Question.Text} ({q.Question.LegalRule}): opfyldt i {i.Share * 100:0} % af de relevante sager (95 %-interval {i.Lower * 100:0}–{i.Upper * 100:0} %).";
        });
        var text = $"Sagsaudit af {result.Cases} tilfældigt udvalgte sager. " + string.Join(" ", lines);
        var weakest = result.Questions.Where(q => q.Relevant > 0).OrderBy(q => (q.Stratified?.Interval ?? q.Interval)!.Share).FirstOrDefault();
        var example = new CaseExample($"Sagsaudit: {audit.Title}", AnonymisationReview.Start(text, new ScanContext(publicData: await OrganisationNamesAsync(ct))), DanishTime.LocalDate(audit.CreatedAt).Year, clock.GetUtcNow(), user.DisplayName(),
            auditId: audit.Id, administrationId: audit.AdministrationId, legalRule: weakest?.Question.LegalRule, kleGroup: audit.KleGroup, outcome: "Sagsaudit");
        db.Add(example);
        await db.SaveChangesAsync(ct);
        return example;
    }

    /// <summary>
    /// The municipality's own names (administrations, committees, units): public, so the anonymisation scanner
    /// never takes "Jobcenter Amager" or "Børnehuset Solsikken" for a person's name.
    /// </summary>
    private async Task<List<string>> OrganisationNamesAsync(CancellationToken ct)
    {
        var administrations = await db.Administrations.AsNoTracking().Select(a => new { a.Name, a.Committee }).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Select(u => u.Name).ToListAsync(ct);
        return administrations.SelectMany(a => new[] { a.Name, a.Committee ?? "" }).Concat(units)
            .Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A decision about the review (replace, confirm, replace all).</summary>
    public Task ChangeReviewAsync(int id, Action<AnonymisationReview> change, CancellationToken ct) => ChangeAsync(id, e => e.ChangeReview(change), ct);

    /// <summary>A new title and text, scanned again.</summary>
    public Task EditAsync(int id, string? title, string? text, CancellationToken ct) => ChangeAsync(id, e => e.Edit(title, text), ct);

    /// <summary>Chooses the example for a year's report (null: takes it out).</summary>
    public async Task ChooseForReportAsync(int id, int? year, CancellationToken ct)
    {
        var report = year is { } y ? await db.Set<AnnualReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == y, ct) : null;
        await ChangeAsync(id, e => e.ChooseFor(year, report), ct);
    }

    /// <summary>Publishes to the learning library; refused while a finding is unresolved.</summary>
    public Task PublishToLibraryAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, e => e.PublishToLibrary(clock.GetUtcNow(), DanishText.ForIndex), ct);

    private async Task ChangeAsync(int id, Action<CaseExample> change, CancellationToken ct)
    {
        var example = await db.Set<CaseExample>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException("Eksemplet findes ikke.");
        change(example);
        await db.SaveChangesAsync(ct);
    }
}
