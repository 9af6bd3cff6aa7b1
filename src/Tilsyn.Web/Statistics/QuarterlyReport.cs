using Tilsyn.Calendar;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Statistics;

/// <summary>
/// The quarterly committee report (<i>kvartalsvis opgørelse til udvalget</i>, seed 003) of one
/// administration: the domain's figures (<see cref="CommitteeReportFigures"/>), the open
/// recommendations to the administration, and (when connected) its own targets. One model behind the
/// page, the PDF and the DOCX.
/// </summary>
/// <param name="Recommendations">Recommendations to the administration not yet closed by the advisor.</param>
/// <param name="Units">Complaints per unit in the period; null when the user may not see the administration's per-unit figures (<see cref="StatisticsAccess"/>).</param>
/// <param name="Targets">
/// MÅLTAL (the administration's own targets, issue 15 point 3): null until the targets are connected;
/// when set, the page, PDF and DOCX show a section "Måltal" with one row each.
/// </param>
public sealed record QuarterlyReport(
    int AdministrationId,
    string AdministrationCode,
    string AdministrationName,
    string? Committee,
    ReportingPeriod Period,
    CommitteeReportFigures Figures,
    IReadOnlyList<OpenRecommendationRow> Recommendations,
    IReadOnlyList<UnitComplaintsRow>? Units,
    IReadOnlyList<QuarterlyTargetRow>? Targets,
    DateOnly MadeOn)
{
    /// <summary>The committee's name as the report is addressed (<i>udvalg</i>), or a neutral phrase when none is registered.</summary>
    public string CommitteeName => Committee ?? "udvalget (ikke registreret)";
}

/// <summary>An open recommendation as the report lists it; <paramref name="Reference"/> is what the user may see of its source.</summary>
/// <param name="Id">Its id, for a link to the register; null when the user may not follow links to cases (Leadership).</param>
public sealed record OpenRecommendationRow(int? Id, string Source, string Reference, string Text, DateOnly Due, string Status, bool Overdue);

/// <summary>One row of the "Måltal" section: the case area, the target, the figure measured and the status (met / not met / cannot be measured), as text.</summary>
public sealed record QuarterlyTargetRow(string Area, string Target, string Actual, string Status);

/// <summary>One unit's complaints in the period, split by where handled.</summary>
public sealed record UnitComplaintsRow(string Unit, HandledSplit Count);
