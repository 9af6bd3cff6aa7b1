using Tilsyn.Evaluations;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Evaluations;

/// <summary>
/// The round's city-wide report as a document (PDF, Word, and the page published on the website):
/// the method and each administration's section scores with the trend since the round before.
/// Only the advisor's scores: no answer's texts and no assessment comments (they are written for the
/// administration and never reviewed for personal data).
/// </summary>
public static class FokusReportDocument
{
    public static string TrendText(Trend t) => t switch
    {
        Trend.Better => "bedre", Trend.Worse => "dårligere", Trend.Same => "uændret", _ => "–",
    };

    public static ReportDocument Build(int year, int? previousYear, IReadOnlyList<string> letters, IReadOnlyList<EvaluationService.ReportRow> rows, IReadOnlyList<(string Letter, string Title)> sections, string? publishedLine = null)
    {
        static string Cell(int? score, Trend trend) => score is null ? "–" : trend == Trend.NotComparable ? $"{score}" : $"{score} ({TrendText(trend)})";
        var method = new List<string>
        {
            $"Borgerrådgiveren har vurderet hver forvaltnings besvarelse afsnit for afsnit på en skala fra {Assessment.ScaleMin} til {Assessment.ScaleMax}: "
                + string.Join("; ", Enumerable.Range(Assessment.ScaleMin, Assessment.ScaleMax).Select(v => $"{v} = {Assessment.Describe(v).ToLowerInvariant()}")) + ".",
            previousYear is null ? "Der er ingen tidligere runde at sammenligne med." : $"Udviklingen er vist i forhold til runden {previousYear}.",
            "En streg (–) betyder, at afsnittet ikke er vurderet.",
        };
        if (publishedLine is not null) method.Insert(0, publishedLine);
        return new($"FOKUS {year}", "Borgerrådgiverens tværgående rapport om forvaltningernes indsats for retssikkerhed og god sagsbehandling",
        [
            new("Metode", method) { Bullets = [.. sections.Select(s => $"{s.Letter}: {s.Title}")] },
            new("Sammenligning pr. afsnit", [],
                ["Forvaltning", .. letters, "Samlet"],
                rows.Select(x => (IReadOnlyList<string>)[x.Administration, .. letters.Select(l => Cell(x.Scores[l], x.Trends[l])), Cell(x.Overall, x.OverallTrend)]).ToList()),
        ]);
    }
}
