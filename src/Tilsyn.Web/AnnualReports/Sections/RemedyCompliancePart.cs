using Tilsyn.Calendar;
using Tilsyn.Web.Remedies;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>
/// Compliance with remedies per administration for the report's year (issue 15), as the UK Local Government and Social
/// Care Ombudsman states it per council: remedies due in the year, the share carried out and the share carried out in time.
/// Judged on the day the report is built (a draft changes as remedies are carried out; a published report is frozen).
/// </summary>
public sealed class RemedyCompliancePart(TilsynDbContext db, TimeProvider clock) : IReportPart
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var year = ReportingPeriod.ForYear(context.Year);
        var today = clock.Today();
        var rows = await RemedyComplianceQuery.PerAdministrationAsync(db, year, today, ct);
        var intro = rows.Count == 0
            ? $"Ingen afhjælpning havde frist i {context.Year}."
            : $"Afhjælpning, som Borgerrådgiverens afslutninger bad forvaltningerne om, med frist i {context.Year}, opgjort {today:dd-MM-yyyy}. "
              + "En afhjælpning vurderes, når den er gennemført, eller fristen er overskredet; afvist eller ubesvaret tæller som ikke gennemført, og gennemført efter fristen tæller som gennemført, men ikke rettidigt.";
        return [new ReportSection("Efterlevelse af afhjælpning", [intro],
            rows.Count == 0 ? null : ["Forvaltning", "Vurderet", "Gennemført", "Heraf rettidigt", "Afvist", "Andel gennemført", "Andel rettidigt"],
            rows.Count == 0 ? null : [.. rows.Select(r => (IReadOnlyList<string>)[r.Code, Count(r.Figures.Assessed), Count(r.Figures.CarriedOut), Count(r.Figures.InTime),
                Count(r.Figures.Refused), RemedyComplianceQuery.Percent(r.Figures.CarriedOutShare), RemedyComplianceQuery.Percent(r.Figures.InTimeShare)])])];
    }

    private static string Count(int n) => n.ToString(DanishTime.Culture);
}
