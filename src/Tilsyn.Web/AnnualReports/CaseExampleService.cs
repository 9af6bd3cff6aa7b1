using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Anonymisation;
using Tilsyn.Calendar;
using Tilsyn.Common;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.Identity;
using Tilsyn.Web.Library;

namespace Tilsyn.Web.AnnualReports;

/// <summary>
/// Anonymised case summaries: created from a concluded case (or an audit's results), scanned for
/// personal data, resolved finding by finding by a person, and only then chosen for a report or
/// published to the library. The rule that nothing unresolved is published is
/// <see cref="AnonymisationReview.EnsurePublishable"/>.
/// </summary>
public sealed class CaseExampleService(TilsynDbContext db, TimeProvider clock, CaseAuditService audits)
{
    public async Task<CaseExample> FromCaseAsync(int caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Categories).FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new DomainException("Sagen findes ikke.");
        if (c.Outcome is null) throw new DomainException("Kun afsluttede sager kan bruges som eksempel.");
        var text = c.Summary ?? c.ConclusionText ?? "";
        var breached = c.Categories.Where(x => x.Breached).Select(x => ComplaintCategories.Info(x.Category)).FirstOrDefault(i => i.IsFormal)
            ?? c.Categories.Select(x => ComplaintCategories.Info(x.Category)).FirstOrDefault();
        var parties = c.Citizen is { } citizen ? new[] { citizen.Name } : [];
        var review = AnonymisationReview.Start(text, new ScanContext(parties, c.Number));
        var example = new CaseExample
        {
            CaseId = c.Id, Title = $"{breached?.Name ?? "Sag"}: {CaseTexts.Name(c.Outcome.Value)}",
            ReviewJson = Serialize(review), Resolved = review.IsResolved, AdministrationId = c.AdministrationId, LegalRule = breached?.LegalRule,
            KleGroup = c.KleCode is not null && KleCode.TryParse(c.KleCode, out var k) ? (k.Value.Group ?? k.Value.MainGroup).Value : null,
            Year = (c.ConcludedAt ?? c.ReceivedAt).ToCopenhagen().Year, Outcome = CaseTexts.Name(c.Outcome.Value),
            CreatedAt = clock.GetUtcNow(), CreatedBy = user.DisplayName(),
        };
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
        var review = AnonymisationReview.Start(text, ScanContext.Empty);
        var weakest = result.Questions.Where(q => q.Relevant > 0).OrderBy(q => (q.Stratified?.Interval ?? q.Interval)!.Share).FirstOrDefault();
        var example = new CaseExample
        {
            AuditId = audit.Id, Title = $"Sagsaudit: {audit.Title}", ReviewJson = Serialize(review), Resolved = review.IsResolved,
            AdministrationId = audit.AdministrationId, LegalRule = weakest?.Question.LegalRule, KleGroup = audit.KleGroup, Year = audit.CreatedAt.Year,
            Outcome = "Sagsaudit", CreatedAt = clock.GetUtcNow(), CreatedBy = user.DisplayName(),
        };
        db.Add(example);
        await db.SaveChangesAsync(ct);
        return example;
    }

    public static AnonymisationReview Review(CaseExample e) =>
        AnonymisationReview.Restore(JsonSerializer.Deserialize<AnonymisationSnapshot>(e.ReviewJson, JsonColumn.Options)!);

    /// <summary>Applies a change to the review (edit, replace, confirm) and stores it; a published example is frozen.</summary>
    public async Task ChangeAsync(CaseExample e, Action<AnonymisationReview> change, CancellationToken ct)
    {
        if (e.PublishedAt is not null) throw new DomainException("Eksemplet er offentliggjort og kan ikke ændres.");
        var review = Review(e);
        change(review);
        e.ReviewJson = Serialize(review);
        e.Resolved = review.IsResolved;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Publishes to the learning library; refused while a finding is unresolved.</summary>
    public async Task PublishToLibraryAsync(CaseExample e, CancellationToken ct)
    {
        Review(e).EnsurePublishable();
        MarkPublished(e, clock.GetUtcNow());
        e.InLibrary = true;
        await db.SaveChangesAsync(ct);
    }

    internal static void MarkPublished(CaseExample e, DateTimeOffset at)
    {
        var review = Review(e);
        review.EnsurePublishable();
        e.PublishedText = review.Result;
        e.PublishedAt ??= at;
        e.SearchText = DanishText.ForIndex(e.Title, e.PublishedText, e.LegalRule, e.Outcome);
    }

    public static string AnonymisedText(CaseExample e) => e.PublishedText ?? Review(e).Result;

    /// <summary>How a review is stored in <see cref="CaseExample.ReviewJson"/>.</summary>
    public static string Serialize(AnonymisationReview review) => JsonSerializer.Serialize(review.Snapshot(), JsonColumn.Options);
}
