using System.Globalization;
using Tilsyn.Complaints;
using Tilsyn.Publishing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>
/// The advisor's own cases (<see cref="AnnualFigures"/>): inquiries and complaints per administration
/// over five years with a chart, categories, outcomes, formal complaints and their rules, and the
/// advisor's own processing time against its service goal.
/// </summary>
public sealed class CaseFiguresPart(TilsynDbContext db) : IReportPart
{
    private static readonly CultureInfo Da = Tilsyn.Calendar.DanishTime.Culture;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var year = context.Year;
        var figures = AnnualFigures.Compute(await CaseFactsAsync(year - 4, year, ct), year);
        var admins = figures.Administrations;
        var years = figures.Years.Select(y => y.ToString(Inv)).ToList();
        var trend = new ReportSection("Henvendelser og klager",
            [$"Borgerrådgiveren modtog i {year} {figures.Trend.Where(t => t.Key.Year == year).Sum(t => t.Value.Complaints)} klager og {figures.Trend.Where(t => t.Key.Year == year).Sum(t => t.Value.Inquiries)} henvendelser. Tabellen viser klager (henvendelser i parentes) pr. forvaltning over fem år."],
            ["Forvaltning", .. years],
            [.. admins.Select(a => (IReadOnlyList<string>)[context.Code(a), .. figures.Years.Select(y => figures.Trend.GetValueOrDefault((a, y))).Select(t => $"{t.Complaints} ({t.Inquiries})")])])
        {
            Images = [new ReportImage(ReportCharts.LineChartPng("Klager pr. forvaltning", years,
                [.. admins.Select(a => (context.Code(a), (IReadOnlyList<double>)[.. figures.Years.Select(y => (double)figures.Trend.GetValueOrDefault((a, y)).Complaints)]))], "Klager"),
                $"Klager pr. forvaltning {figures.Years[0]}–{year}")],
        };
        var categories = ComplaintCategories.All.Where(c => figures.Categories.Keys.Any(k => k.Category == c.Category)).ToList();
        var byCategory = new ReportSection("Klager fordelt på kategori", [$"Årets klager pr. forvaltning og kategori. En klage kan handle om flere forhold."],
            ["Kategori", .. admins.Select(context.Code)],
            [.. categories.Select(c => (IReadOnlyList<string>)[c.Name, .. admins.Select(a => figures.Categories.GetValueOrDefault((a, c.Category)).ToString(Inv))])]) { Level = 2 };
        var outcomes = Enum.GetValues<Outcome>().Where(o => figures.Outcomes.Keys.Any(k => k.Outcome == o)).ToList();
        var byOutcome = new ReportSection("Udfald", [$"Årets afsluttede sager efter udfald."],
            ["Forvaltning", .. outcomes.Select(CaseTexts.Name)],
            [.. admins.Select(a => (IReadOnlyList<string>)[context.Code(a), .. outcomes.Select(o => figures.Outcomes.GetValueOrDefault((a, o)).ToString(Inv))])]);
        var formal = new ReportSection("Formalitetsklager og de regler, de handler om",
            ["Formalitetsklager handler om sagsbehandlingen snarere end afgørelsens resultat. Hver type hviler på en regel."],
            ["Type", "Regel", "Klager", "Heraf brud på reglen"],
            [.. figures.FormalTypes.Select(f => (IReadOnlyList<string>)[f.Category.Name, f.Category.LegalRule!, f.Cases.ToString(Inv), f.Breached.ToString(Inv)])]);
        var sg = figures.ServiceGoal;
        var serviceGoal = new ReportSection("Borgerrådgiverens egen sagsbehandlingstid",
            [sg.Due == 0 ? "Ingen sager havde frist for første svar i året."
                : $"Borgerrådgiverens servicemål er et første svar inden for fristen. Det nåede vi i {sg.OnTime} af {sg.Due} sager ({(sg.Share ?? 0) * 100:0} %)." +
                  (sg.MedianDays is { } m ? $" Mediantiden til første svar var {m.ToString("0.#", Da)} dage." : "")]);
        return [trend, byCategory, byOutcome, formal, serviceGoal];
    }

    private async Task<List<CaseFact>> CaseFactsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        // Years are Copenhagen's: a case received at 00:30 on 1 January belongs to the new year.
        var from = Tilsyn.Calendar.DanishTime.YearBounds(fromYear).From;
        var to = Tilsyn.Calendar.DanishTime.YearBounds(toYear).To;
        // Only supervision cases are the advisor's figures: an aktindsigt or data-subject request is not a complaint or inquiry.
        var cases = await db.Cases.AsNoTracking().Supervision().Include(c => c.Categories).Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).ToListAsync(ct);
        static DateOnly Day(DateTimeOffset at) => Tilsyn.Calendar.DanishTime.LocalDate(at);
        return cases.Select(c => new CaseFact(Day(c.ReceivedAt).Year, c.AdministrationId, c.Type, c.Outcome,
            c.Categories.Select(x => (x.Category, x.Breached)).ToList(), c.FirstAnswerDue, c.FirstAnsweredAt is { } f ? Day(f) : null, Day(c.ReceivedAt))).ToList();
    }
}
