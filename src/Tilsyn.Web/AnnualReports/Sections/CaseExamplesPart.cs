using Tilsyn.Publishing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>The case examples chosen for the report, anonymised; an example with unresolved findings is left out.</summary>
public sealed class CaseExamplesPart(TilsynDbContext db) : IReportPart
{
    /// <summary>The examples a report shows (and publishes): chosen for its year and resolved.</summary>
    public static IQueryable<CaseExample> Shown(IQueryable<CaseExample> examples, int year) =>
        examples.Where(e => e.ReportYear == year && e.Resolved).OrderBy(e => e.Id);

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var examples = await Shown(db.Set<CaseExample>().AsNoTracking(), context.Year).ToListAsync(ct);
        return [new ReportSection("Eksempler fra årets sager", [examples.Count == 0 ? "Ingen eksempler er valgt." : "Eksemplerne er anonymiserede."]),
            .. examples.Select(e => new ReportSection(e.Title, [e.AnonymisedText]) { Level = 2 })];
    }
}
