using Tilsyn.Publishing;
using Tilsyn.Recommendations;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>The status in the register of the recommendations of earlier reports.</summary>
public sealed class EarlierRecommendationsPart(TilsynDbContext db) : IReportPart
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var own = AnnualReport.Reference(context.Year);
        var earlier = await db.Recommendations.AsNoTracking().Where(r => r.Source == RecommendationSource.AnnualReport && r.SourceReference != own).ToListAsync(ct);
        earlier = earlier.Where(r => Tilsyn.Calendar.DanishTime.LocalDate(r.CreatedAt).Year < context.Year).OrderBy(r => r.CreatedAt).ToList();
        return [new ReportSection("Opfølgning på tidligere anbefalinger",
            [earlier.Count == 0 ? "Der er ingen anbefalinger fra tidligere beretninger." : "Status på anbefalingerne fra tidligere beretninger, som forvaltningerne har redegjort for over for deres udvalg."],
            earlier.Count == 0 ? null : ["Beretning", "Forvaltning", "Anbefaling", "Status"],
            earlier.Count == 0 ? null : [.. earlier.Select(r => (IReadOnlyList<string>)[r.SourceReference, context.Code(r.AdministrationId), r.Text, Recommendation.Name(r.Status)])])];
    }
}
