using ScottPlot;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Statistics;

/// <summary>Charts as SVG for pages (ScottPlot). Labels in Danish; the same data is always also shown as a table.</summary>
public static class Charts
{
    /// <summary>The funnel plot: each unit's complaint rate against its case volume, with 95 % and 99.8 % limits around the city rate.</summary>
    public static string Funnel(double cityRate, IReadOnlyList<FunnelPoint> points)
    {
        var plt = new Plot();
        if (points.Count > 0)
        {
            var minV = Math.Max(1, points.Min(p => p.Volume) * 0.8);
            var maxV = points.Max(p => p.Volume) * 1.1;
            var xs = Enumerable.Range(0, 80).Select(i => minV + (maxV - minV) * i / 79.0).ToArray();
            void Limit(double coverage, bool upper, LinePattern pattern)
            {
                var ys = xs.Select(x => { var l = FunnelLimits.ForRatePerThousand(x, cityRate, coverage); return upper ? l.Upper : l.Lower; }).ToArray();
                var s = plt.Add.Scatter(xs, ys);
                s.MarkerSize = 0;
                s.LineWidth = 1.5f;
                s.LinePattern = pattern;
                s.Color = Colors.Gray;
            }
            Limit(0.95, true, LinePattern.Dashed);
            Limit(0.95, false, LinePattern.Dashed);
            Limit(0.998, true, LinePattern.Solid);
            Limit(0.998, false, LinePattern.Solid);
            var city = plt.Add.HorizontalLine(cityRate);
            city.Color = Colors.Black;
            city.LineWidth = 1;
            var dots = plt.Add.Scatter(points.Select(p => (double)p.Volume).ToArray(), points.Select(p => p.Rate).ToArray());
            dots.LineWidth = 0;
            dots.MarkerSize = 7;
            dots.Color = Color.FromHex("#00436e");
            foreach (var p in points.Where(p => p.Above998 || p.Below998))
            {
                var t = plt.Add.Text($"{p.Unit} ({p.Administration})", p.Volume, p.Rate);
                t.LabelFontSize = 11;
                t.LabelFontColor = Color.FromHex("#a4001d");
            }
        }
        plt.Title("Klager pr. 1.000 sager mod sagsmængde");
        plt.XLabel("Sager oprettet i perioden");
        plt.YLabel("Klager pr. 1.000 sager");
        return Scalable(plt.GetSvgXml(860, 520), 860, 520);
    }

    /// <summary>Quarterly trend of complaints per 1,000 cases.</summary>
    public static string Trend(IReadOnlyList<(Quarter Quarter, long Opened, long Complaints)> rows, string title)
    {
        var plt = new Plot();
        var withVolume = rows.Where(r => r.Opened > 0).ToList();
        if (withVolume.Count > 0)
        {
            var xs = Enumerable.Range(0, withVolume.Count).Select(i => (double)i).ToArray();
            var line = plt.Add.Scatter(xs, withVolume.Select(r => r.Complaints * 1000.0 / r.Opened).ToArray());
            line.Color = Color.FromHex("#00436e");
            line.LineWidth = 2;
            plt.Axes.Bottom.SetTicks(xs, withVolume.Select(r => r.Quarter.ToString()).ToArray());
        }
        plt.Title(title);
        plt.YLabel("Klager pr. 1.000 sager");
        return Scalable(plt.GetSvgXml(860, 360), 860, 360);
    }

    /// <summary>
    /// The committee report's trend: complaints per quarter by where they were handled (the administration itself, the
    /// advisor) and in all. The same figures are the report's table; the page gives the chart a text alternative.
    /// </summary>
    public static string QuarterCounts(IReadOnlyList<(string Label, int Administration, int Advisor)> quarters)
    {
        var plt = new Plot();
        if (quarters.Count > 0)
        {
            var xs = Enumerable.Range(0, quarters.Count).Select(i => (double)i).ToArray();
            void Line(string name, Func<(string Label, int Administration, int Advisor), int> value, string hex, LinePattern pattern)
            {
                var s = plt.Add.Scatter(xs, quarters.Select(q => (double)value(q)).ToArray());
                s.LegendText = name;
                s.Color = Color.FromHex(hex);
                s.LineWidth = 2;
                s.LinePattern = pattern;
                s.MarkerSize = 6;
            }
            Line("Forvaltningen selv", q => q.Administration, "#3a7d44", LinePattern.Dashed);
            Line("Borgerrådgiveren", q => q.Advisor, "#a4001d", LinePattern.Dotted);
            Line("I alt", q => q.Administration + q.Advisor, "#00436e", LinePattern.Solid);
            plt.Axes.Bottom.SetTicks(xs, quarters.Select(q => q.Label).ToArray());
            plt.Axes.SetLimitsY(0, Math.Max(1, quarters.Max(q => q.Administration + q.Advisor)) * 1.15);
            plt.ShowLegend(Edge.Bottom);
        }
        plt.Title("Klager pr. kvartal");
        plt.YLabel("Antal klager");
        return Scalable(plt.GetSvgXml(860, 380), 860, 380);
    }

    public static string Format(double? value, string format = "0.0") =>
        value is { } v ? v.ToString(format, Tilsyn.Calendar.DanishTime.Culture) : "–";

    /// <summary>
    /// The chart shrinks with a narrow screen (WCAG 1.4.10): a <c>viewBox</c> on the <c>&lt;svg&gt;</c> (if it has none)
    /// lets the style sheet scale it to its figure's width.
    /// </summary>
    private static string Scalable(string svg, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) return svg;
        var end = svg.IndexOf('>', start);
        if (end < 0 || svg.AsSpan(start, end - start).Contains("viewBox", StringComparison.Ordinal)) return svg;
        return svg.Insert(start + 4, $" viewBox=\"0 0 {width} {height}\"");
    }
}
