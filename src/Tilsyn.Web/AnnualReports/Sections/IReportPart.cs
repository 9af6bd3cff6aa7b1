using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>
/// One part of the annual report: reads what it needs and returns its section(s) of the
/// <see cref="ReportDocument"/>. <see cref="AnnualReportService.BuildAsync"/> lists the parts in the
/// order the report shows them.
/// </summary>
public interface IReportPart
{
    Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct);
}
