using Tilsyn.Calendar;
using Tilsyn.Targets;
using Tilsyn.Web.AnnualReports.Sections;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Targets;

/// <summary>
/// The annual report's section on the administrations' own targets (seed 004: <i>Borgerrådgiveren skal
/// orienteres herom med henblik på, at de kan indgå i dennes beretning</i>): each submitted target
/// that applies to the report's year with its status for the year, and each reasoned "no target"
/// with when and by which body it was decided. Drafts are not reported.
/// </summary>
public sealed class OwnTargetsReportPart(TilsynDbContext db, TimeProvider clock) : IReportPart
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var rows = await new OwnTargetStatusQuery(db, clock).AllAsync(ReportingPeriod.ForYear(context.Year), ct, submittedOnly: true);
        var targets = rows.Where(r => r.Target.Rule != TargetRule.NoTarget).ToList();
        var none = rows.Where(r => r.Target.Rule == TargetRule.NoTarget).ToList();
        var reported = rows.Select(r => r.AdministrationCode).ToHashSet(StringComparer.Ordinal);
        var missing = context.Codes.Values.Where(c => !reported.Contains(c)).Order(StringComparer.Ordinal).ToList();

        var intro = new List<string>
        {
            "Økonomiudvalget besluttede den 26.4.16, at forvaltningerne skal identificere de sagsområder, hvor det er relevant at opstille måltal for andelen af klager i forhold til den samlede sagsmængde, og orientere Borgerrådgiveren herom. "
            + "Her er de måltal og begrundede fravalg, forvaltningerne har indsendt for " + context.Year + ", med status for året. Klager tælles fra både forvaltningens eget klageregister og Borgerrådgiverens sager, hver klage én gang.",
        };
        if (rows.Count == 0) intro.Add("Ingen forvaltning har indsendt måltal eller fravalg for året.");
        if (missing.Count > 0) intro.Add("Ikke indsendt: " + string.Join(", ", missing) + ".");

        var sections = new List<ReportSection>
        {
            targets.Count == 0
                ? new ReportSection("Forvaltningernes måltal for klager", intro)
                : new ReportSection("Forvaltningernes måltal for klager", intro,
                    ["Forvaltning", "Sagsområde", "Måltal", "Gælder", "Besluttet", "Status", "Opgørelse"],
                    [.. targets.Select(r => (IReadOnlyList<string>)[r.AdministrationCode, r.Area, r.Description, r.Target.Years, Decided(r.Target),
                        r.Status.OutcomeName + (r.Status.Provisional ? " (foreløbig)" : ""), r.Status.Explanation])]),
        };
        if (none.Count > 0)
            sections.Add(new ReportSection("Begrundede fravalg af måltal",
                [.. none.Select(r => $"{r.AdministrationCode}, {r.Area} ({r.Target.Years}): intet måltal, {Decided(r.Target)}. Begrundelse: {r.Target.Reason}")]) { Level = 2 });
        return sections;
    }

    private static string Decided(AdministrationTarget t) => $"besluttet {t.DecidedOn.ToString("d.M.yyyy", DanishTime.Culture)} af {t.DecidedBy}";
}
