using Tilsyn.Calendar;
using Tilsyn.Feedback;
using Tilsyn.Web.Feedback;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>
/// The citizens' satisfaction survey for the report's year (issue 16): per administration and half-year
/// of closure, the number of answers and the mean score per question; a group with fewer answers than the
/// minimum is shown as "færre end 5 svar" only. Then the approved, anonymised comments of the groups that
/// pass the minimum; pending and withheld comments never appear.
/// </summary>
public sealed class CitizenFeedbackPart(FeedbackQueries feedback) : IReportPart
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var r = await feedback.ResultsForReportAsync(context.Year, ct);
        const string heading = "Borgernes tilfredshed";
        if (r.Groups.Count == 0)
            return [new ReportSection(heading, [$"Ingen borgere besvarede tilfredshedsundersøgelsen for sager lukket i {context.Year}."])];
        var intro = $"Når Borgerrådgiveren lukker en sag, får borgeren et link til fem spørgsmål om behandlingen (1 = slet ikke / meget utilfreds, 5 = i høj grad / meget tilfreds). "
            + $"Svarene er anonyme og opgøres per forvaltning og halvår for sagens lukning. Grupper med færre end {r.Minimum} svar vises ikke.";
        var header = new List<string> { "Forvaltning", "Halvår", "Svar" };
        header.AddRange(FeedbackQuestions.All.Select(q => q.ShortName()));
        var rows = r.Groups.Select(g =>
        {
            var row = new List<string> { r.Name(g.AdministrationId), g.HalfYear.Label };
            if (g.Suppressed) row.AddRange([$"færre end {r.Minimum} svar", .. FeedbackQuestions.All.Select(_ => "–")]);
            else row.AddRange([g.Count!.Value.ToString(DanishTime.Culture), .. g.Questions.Select(q => Mean(q.Mean))]);
            return (IReadOnlyList<string>)row;
        }).ToList();
        var sections = new List<ReportSection> { new(heading, [intro], header, rows) };
        var comments = r.Groups.SelectMany(g => r.CommentsOf(g).Select(c => $"{r.Name(g.AdministrationId)}, {g.HalfYear.Label}: »{c}«")).ToList();
        sections.Add(new ReportSection("Borgernes kommentarer",
            [comments.Count == 0 ? "Ingen godkendte kommentarer." : "Kommentarer, som en medarbejder har gennemgået og anonymiseret."]) { Level = 2, Bullets = comments });
        return sections;
    }

    internal static string Mean(double? mean) => mean is { } m ? m.ToString("0.0", DanishTime.Culture) : "–";
}
