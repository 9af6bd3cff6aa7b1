using System.Globalization;
using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>The year's FOKUS round (the advisor's overall assessment per administration), or in a year without one, the status to the committees.</summary>
public sealed class FokusOrCommitteePart(TilsynDbContext db) : IReportPart
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var year = context.Year;
        var round = await db.Set<EvaluationRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        if (round is not null)
        {
            var answers = await db.Set<EvaluationAnswerRecord>().AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(ct);
            return [new ReportSection($"FOKUS {year}", ["Borgerrådgiverens samlede vurdering af forvaltningernes initiativer (skala 1–4)."],
                ["Forvaltning", "Status", "Samlet vurdering"],
                [.. answers.OrderBy(a => context.Code(a.AdministrationId)).Select(a => (IReadOnlyList<string>)[context.Code(a.AdministrationId), a.Status == Tilsyn.Evaluations.AnswerStatus.Submitted ? "Indsendt" : "Ikke indsendt",
                    EvaluationService.AssessmentOf(a).Overall is { } o ? o.Value.ToString(CultureInfo.InvariantCulture) : "–"])])];
        }
        var statuses = await db.Set<CommitteeStatus>().AsNoTracking().Where(s => s.Year == year).ToListAsync(ct);
        return [new ReportSection("Status til udvalgene", [statuses.Count == 0 ? $"Der er ikke registreret status til udvalgene for {year}." : $"I år uden FOKUS giver forvaltningerne deres udvalg en status på indsatsen."],
            ["Forvaltning", "Udvalg", "Status"], [.. statuses.OrderBy(s => context.Code(s.AdministrationId)).Select(s => (IReadOnlyList<string>)[context.Code(s.AdministrationId), s.Committee, s.Text])])];
    }
}
