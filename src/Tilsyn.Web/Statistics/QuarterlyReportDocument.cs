using System.Globalization;
using Tilsyn.Calendar;
using Tilsyn.Statistics;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Statistics;

/// <summary>
/// The quarterly committee report as a <see cref="ReportDocument"/>: the same sections and tables on the
/// page, in the PDF and in the DOCX (the page draws the trend as SVG, the files as PNG). Counts only:
/// no case numbers except the references of open recommendations the user may see.
/// </summary>
public static class QuarterlyReportDocument
{
    public const string TrendHeading = "Udvikling over otte kvartaler";
    public const string TargetsHeading = "Måltal";
    private static readonly CultureInfo Da = DanishTime.Culture;

    public static ReportDocument Build(QuarterlyReport r, bool withCharts)
    {
        var f = r.Figures;
        var sections = new List<ReportSection>
        {
            Summary(r),
            Categories(f),
        };
        if (r.Units is { } units)
            sections.Add(new("Klager fordelt på enhed",
                units.Count == 0 ? ["Der er ingen klager i perioden."] : ["Klager modtaget i perioden pr. enhed, fordelt på hvor de er behandlet."],
                ["Enhed", "Forvaltningen selv", "Borgerrådgiveren", "I alt"],
                [.. units.Select(u => (IReadOnlyList<string>)[u.Unit, N(u.Count.Administration), N(u.Count.Advisor), N(u.Count.Total)])]));
        sections.AddRange(
        [
            Trend(f, withCharts),
            ProcessingTimes(f),
            Recommendations(r),
        ]);
        // MÅLTAL: shown when the administration's own targets are connected (QuarterlyReport.Targets).
        if (r.Targets is { Count: 0 })
            sections.Add(new(TargetsHeading, ["Forvaltningen har ikke indsendt måltal eller et begrundet fravalg, der gælder perioden."]));
        else if (r.Targets is { } targets)
            sections.Add(new(TargetsHeading, ["Forvaltningens egne måltal og status for perioden (indsendt til Borgerrådgiveren)."],
                ["Område", "Måltal", "Faktisk", "Status"], [.. targets.Select(t => (IReadOnlyList<string>)[t.Area, t.Target, t.Actual, t.Status])]));
        return new ReportDocument($"Klager over {r.AdministrationName} – {r.Period.Label}",
            $"Kvartalsrapport til {r.CommitteeName} · {r.Period.Description} · udarbejdet {r.MadeOn.ToString("d. MMMM yyyy", Da)}", sections);
    }

    /// <summary>A count with the rate per 1,000 cases, or a dash where no extract gives the volume.</summary>
    public static string Rate(double? perThousand) => perThousand is { } v ? v.ToString("0.00", Da) : "–";

    private static string N(long n) => n.ToString("N0", Da);

    private static string Days(double? d) => d is { } v ? v.ToString("0.#", Da) : "–";

    private static ReportSection Summary(QuarterlyReport r)
    {
        var c = r.Figures.Current;
        var y = r.Figures.YearEarlier;
        var paragraphs = new List<string>
        {
            $"Opgørelse til {r.CommitteeName} over klager over {r.AdministrationName} ({r.AdministrationCode}) modtaget i {c.Period.Description}, "
                + "herunder klager til Borgerrådgiveren. En klage, der både er registreret i forvaltningens eget klageregister og behandlet af Borgerrådgiveren, tælles én gang, hos Borgerrådgiveren.",
            $"I perioden er der modtaget {N(c.All.Total)} klager, heraf {N(c.Formal.Total)} formalitetsklager. Forvaltningen har selv behandlet {N(c.All.Administration)}, "
                + $"Borgerrådgiveren {N(c.All.Advisor)}. I samme periode året før ({y.Period.Label}) var der {N(y.All.Total)} klager, heraf {N(y.Formal.Total)} formalitetsklager.",
            c.CaseVolume is { } volume
                ? $"Forvaltningen oprettede {N(volume)} sager i perioden ifølge de indlæste dataudtræk: {Rate(c.PerThousand)} klager pr. 1.000 sager."
                : "Klager pr. 1.000 sager kan ikke opgøres for perioden, fordi der ikke er indlæst dataudtræk, der dækker forvaltningens sagsmængde i hele perioden. Antallet af klager vises alligevel.",
        };
        return new("Sammenfatning", paragraphs,
            ["Klager", "Forvaltningen selv", "Borgerrådgiveren", "I alt", "Pr. 1.000 sager", $"I alt {y.Period.Label}", $"Pr. 1.000 sager {y.Period.Label}"],
            [
                ["Alle klager", N(c.All.Administration), N(c.All.Advisor), N(c.All.Total), Rate(c.PerThousand), N(y.All.Total), Rate(y.PerThousand)],
                ["Formalitetsklager", N(c.Formal.Administration), N(c.Formal.Advisor), N(c.Formal.Total), Rate(c.FormalPerThousand), N(y.Formal.Total), Rate(y.FormalPerThousand)],
            ]);
    }

    private static ReportSection Categories(CommitteeReportFigures f)
    {
        var current = f.Current.Categories;
        var earlier = f.YearEarlier.Categories;
        // Rows in the catalogue's order (formal categories with their legal rule first), including a category seen only a year earlier.
        var keys = current.Select(c => c.Category).Union(earlier.Select(c => c.Category))
            .OrderBy(k => k is null ? int.MaxValue : Tilsyn.Complaints.ComplaintCategories.All.Select(i => i.Category).ToList().IndexOf(k.Value)).ToList();
        var rows = keys.Select(k =>
        {
            var now = current.FirstOrDefault(c => c.Category == k);
            var before = earlier.FirstOrDefault(c => c.Category == k);
            var info = now ?? before!;
            return (IReadOnlyList<string>)[info.Name, info.LegalRule ?? "– (ikke en formalitetsklage)",
                N(now?.Count.Administration ?? 0), N(now?.Count.Advisor ?? 0), N(now?.Count.Total ?? 0), Rate(now?.PerThousand), N(before?.Count.Total ?? 0)];
        }).ToList();
        return new("Klager fordelt på kategori og retsregel",
            rows.Count == 0
                ? ["Der er ingen klager i perioden eller i samme periode året før."]
                : ["Formalitetsklager er klager over brud på en retsregel (fx partshøring efter forvaltningslovens § 19). En klage med flere kategorier tælles i hver, så rækkerne kan give mere end det samlede antal klager."],
            ["Kategori", "Retsregel", "Forvaltningen selv", "Borgerrådgiveren", "I alt", "Pr. 1.000 sager", $"I alt {f.YearEarlier.Period.Label}"], rows);
    }

    /// <summary>The eight quarters' counts as rows: quarter, by the administration, by the advisor, total, formal, cases, per 1,000.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TrendRows(CommitteeReportFigures f) =>
        [.. f.Trend.Select(q => (IReadOnlyList<string>)[q.Period.Label, N(q.All.Administration), N(q.All.Advisor), N(q.All.Total), N(q.Formal.Total),
            q.CaseVolume is { } v ? N(v) : "–", Rate(q.PerThousand)])];

    /// <summary>What the trend chart shows, in words (its text alternative).</summary>
    public static string TrendDescription(CommitteeReportFigures f) =>
        $"Linjediagram over antal klager pr. kvartal fra {f.Trend[0].Period.Label} til {f.Trend[^1].Period.Label}: "
        + string.Join("; ", f.Trend.Select(q => $"{q.Period.Label}: {q.All.Total} i alt ({q.All.Administration} forvaltningen selv, {q.All.Advisor} Borgerrådgiveren)"))
        + ". Tallene står også i tabellen.";

    private static ReportSection Trend(CommitteeReportFigures f, bool withCharts)
    {
        var section = new ReportSection(TrendHeading,
            ["Klager modtaget pr. kvartal, fordelt på hvor de er behandlet. Klager pr. 1.000 sager kun for kvartaler, hvor et dataudtræk giver sagsmængden."],
            ["Kvartal", "Forvaltningen selv", "Borgerrådgiveren", "I alt", "Heraf formalitetsklager", "Sager (udtræk)", "Pr. 1.000 sager"], TrendRows(f));
        if (!withCharts) return section;
        var labels = f.Trend.Select(q => q.Period.Label).ToList();
        var png = ReportCharts.LineChartPng("Klager pr. kvartal", labels,
        [
            ("Forvaltningen selv", f.Trend.Select(q => (double)q.All.Administration).ToList()),
            ("Borgerrådgiveren", f.Trend.Select(q => (double)q.All.Advisor).ToList()),
            ("I alt", f.Trend.Select(q => (double)q.All.Total).ToList()),
        ], "Antal klager");
        return section with { Images = [new ReportImage(png, "Klager pr. kvartal fordelt på, hvor de er behandlet (tallene står i tabellen)")] };
    }

    private static ReportSection ProcessingTimes(CommitteeReportFigures f)
    {
        var c = f.Current;
        IReadOnlyList<string> Row(string name, ProcessingTimes t) => [name, N(t.Closed), Days(t.Median), Days(t.Percentile90)];
        return new("Sagsbehandlingstid",
            ["Kalenderdage fra klagen blev modtaget, til sagen blev afsluttet, for klager afsluttet i perioden: median og 90 %-fraktil."],
            ["Behandlet af", "Afsluttede klager", "Median (dage)", "90 %-fraktil (dage)"],
            [Row("Forvaltningen selv", c.AdministrationProcessingTimes), Row("Borgerrådgiveren", c.AdvisorProcessingTimes), Row("I alt", c.ProcessingTimes)]);
    }

    private static ReportSection Recommendations(QuarterlyReport r) =>
        r.Recommendations.Count == 0
            ? new("Åbne henstillinger", ["Der er ingen åbne henstillinger fra Borgerrådgiveren til forvaltningen."])
            : new("Åbne henstillinger", [$"Borgerrådgiverens henstillinger til forvaltningen, som endnu ikke er lukket ({r.Recommendations.Count}; {r.Recommendations.Count(x => x.Overdue)} med overskredet frist)."],
                ["Kilde", "Henstilling", "Frist", "Status"],
                [.. r.Recommendations.Select(x => (IReadOnlyList<string>)[x.Reference.Length > 0 ? $"{x.Source}: {x.Reference}" : x.Source, x.Text,
                    x.Due.ToString("d. MMM yyyy", Da), x.Overdue ? $"{x.Status} (frist overskredet)" : x.Status])]);
}
