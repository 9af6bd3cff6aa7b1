using System.Globalization;
using Tilsyn.Statistics;
using Tilsyn.Web.Reports;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>Complaints per 1,000 cases of the administrations' own case systems (the KPI cube), each against its own target.</summary>
public sealed class ComplaintsPerVolumePart(StatisticsQueries stats, TargetEvaluation targets) : IReportPart
{
    private static readonly CultureInfo Da = Tilsyn.Calendar.DanishTime.Culture;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var from = new Quarter(context.Year, 1);
        var to = new Quarter(context.Year, 4);
        var withVolume = (await stats.ByAdministrationAsync(from, to, ct)).Where(k => k.Opened > 0).ToList();
        var status = await targets.EvaluateAsync(from, to, ct);
        return [new ReportSection("Klager i forhold til sagsmængden",
            [withVolume.Count == 0 ? "Der er ikke indlæst dataudtræk med sagsmængder for året."
                : "Klager pr. 1.000 sager i forvaltningernes sagssystemer (dataudtræk). Forvaltningerne har forskellige opgaver; sammenlign hver forvaltning med sit eget måltal og sin egen udvikling, ikke med de andre."],
            ["Forvaltning", "Sager", "Klager", "Klager pr. 1.000 sager", "Måltal", "Afvigelse"],
            [.. withVolume.Select(k =>
            {
                var t = status.FirstOrDefault(s => s.Target.AdministrationId == k.Id && s.Target.AreaId == null && s.Target.Kind == TargetKind.MaxComplaintsPerThousand);
                var rate = 1000.0 * k.Complaints / k.Opened;
                return (IReadOnlyList<string>)[k.Code, k.Opened.ToString("N0", Da), k.Complaints.ToString(CultureInfo.InvariantCulture), rate.ToString("0.00", Da),
                    t is null ? "–" : t.Describe(), t is null ? "–" : t.Deviates ? "Over måltallet" : "Inden for måltallet"];
            })])];
    }
}
