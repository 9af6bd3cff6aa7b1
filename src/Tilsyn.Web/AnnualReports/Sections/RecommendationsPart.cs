using System.Globalization;
using Tilsyn.Publishing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>The advisor's recommendations: the own text, then the table of recommendations per administration with their due dates.</summary>
public sealed class RecommendationsPart(TilsynDbContext db) : IReportPart
{
    private static readonly CultureInfo Da = Tilsyn.Calendar.DanishTime.Culture;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var recs = await db.Set<ReportRecommendation>().AsNoTracking().Where(r => r.Year == context.Year).ToListAsync(ct);
        var blocks = SafeMarkdown.ToBlocks(context.Report.RecommendationsText);
        return [new ReportSection("Anbefalinger", [.. blocks.Where(b => !b.Bullet).Select(b => b.Text)],
            recs.Count == 0 ? null : ["Forvaltning", "Anbefaling", "Frist for opfølgning"],
            recs.Count == 0 ? null : [.. recs.OrderBy(r => context.Code(r.AdministrationId)).Select(r => (IReadOnlyList<string>)[context.Code(r.AdministrationId), r.Text, r.DueDate.ToString("dd-MM-yyyy", Da)])])
            { Bullets = [.. blocks.Where(b => b.Bullet).Select(b => b.Text)] }];
    }
}
