using Tilsyn.Statistics;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Tests.Security;

/// <summary>The statistics page puts its charts into the page as SVG: under the policy (style-src 'self', script-src 'none') they must carry no style or script of their own.</summary>
public sealed class ChartMarkupTests
{
    [Fact]
    public void The_inline_SVG_charts_carry_no_inline_style_or_script()
    {
        var trend = Charts.Trend([(new Quarter(2025, 1), 1200, 14), (new Quarter(2025, 2), 1100, 9), (new Quarter(2025, 3), 1300, 21)], "Hele kommunen");
        var funnel = Charts.Funnel(10, [
            new FunnelPoint(1, "Dagtilbud Nord", "BUF", 900, 9, 10, 5, 17, 3, 20),
            new FunnelPoint(2, "Jobcenter Syd", "BIF", 400, 19, 47.5, 3, 20, 1, 25),
        ]);

        var quarters = Charts.QuarterCounts([("1. kvt. 2025", 3, 1), ("2. kvt. 2025", 0, 2)]);

        foreach (var svg in new[] { trend, funnel, quarters })
        {
            Assert.Contains("<svg", svg);
            Assert.DoesNotContain("style=", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" on", System.Text.RegularExpressions.Regex.Replace(svg, "\"[^\"]*\"", "\"\""), StringComparison.OrdinalIgnoreCase);
        }
    }
}
