using Tilsyn.Publishing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>One of the advisor's own texts (Markdown) as a section: paragraphs and bullets, "(Ingen tekst.)" when empty.</summary>
public sealed class AdvisorTextPart(string heading, Func<AnnualReport, string> text) : IReportPart
{
    public Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReportSection>>([Section(heading, text(context.Report))]);

    public static ReportSection Section(string heading, string markdown)
    {
        var blocks = SafeMarkdown.ToBlocks(markdown);
        return new ReportSection(heading, blocks.Where(b => !b.Bullet).Select(b => b.Text).DefaultIfEmpty("(Ingen tekst.)").ToList())
            { Bullets = blocks.Where(b => b.Bullet).Select(b => b.Text).ToList() };
    }
}
