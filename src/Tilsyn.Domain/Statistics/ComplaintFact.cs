using Tilsyn.Complaints;

namespace Tilsyn.Statistics;

/// <summary>
/// One complaint as the complaint statistics see it (<i>klage</i>): no citizen, no text, only what is
/// counted. The web layer projects both registers into this shape: the advisor's complaint cases
/// (<see cref="HandledBy.Advisor"/>) and the administration's own register
/// (<see cref="HandledBy.Administration"/>), where a complaint that went to the advisor appears as a
/// linked entry carrying <see cref="LinkedAdvisorCaseNumber"/>.
/// </summary>
/// <param name="CaseNumber">The case's own number, e.g. <c>2025-0012345</c>.</param>
/// <param name="Received">The Danish calendar date the complaint was received: it decides the period it counts in.</param>
/// <param name="Categories">The formal and service categories (<i>klagekategorier</i>); each carries its legal rule (<see cref="ComplaintCategories"/>). Empty when not yet classified.</param>
/// <param name="HandledBy">Which register the fact comes from.</param>
/// <param name="LinkedAdvisorCaseNumber">On an administration's entry: the number of the advisor's case it refers to (the complaint went to the advisor); null otherwise.</param>
/// <param name="Closed">The Danish date the case was concluded or closed; null while open.</param>
/// <param name="ProcessingDays">Processing time in calendar days as the register measures it; when null and <paramref name="Closed"/> is set, the days from received to closed.</param>
/// <param name="KleCode">The KLE subject of the case (<i>journalplan</i>), for targets per case area.</param>
/// <param name="CaseType">The administration's case type (<i>sagstype</i>) as the extracts name it, for targets per case type.</param>
public sealed record ComplaintFact(
    string CaseNumber,
    DateOnly Received,
    int AdministrationId,
    int? UnitId,
    IReadOnlyList<ComplaintCategory> Categories,
    HandledBy HandledBy,
    string? LinkedAdvisorCaseNumber,
    DateOnly? Closed,
    int? ProcessingDays = null,
    string? KleCode = null,
    string? CaseType = null)
{
    /// <summary>The processing time used for medians and percentiles; null while the case is open.</summary>
    public int? Days => Closed is { } c ? Math.Max(0, ProcessingDays ?? c.DayNumber - Received.DayNumber) : null;

    /// <summary>Whether at least one category is a formal complaint (<i>formalitetsklage</i>, one resting on a legal rule).</summary>
    public bool IsFormal => Categories.Any(c => ComplaintCategories.Info(c).IsFormal);
}

/// <summary>
/// A complaint counted once, with where it was handled: the result of <see cref="ComplaintCounting.CountOnce"/>.
/// </summary>
public sealed record CountedComplaint(ComplaintFact Fact, HandledBy HandledBy);

/// <summary>
/// The one rule for counting complaints "including complaints to the Citizens' Advisor" (seed 003:
/// <i>antallet af formalitetsklager, herunder klager til Borgerrådgiveren</i>) without counting any
/// complaint twice.
/// </summary>
public static class ComplaintCounting
{
    /// <summary>
    /// Each complaint once:
    /// <list type="bullet">
    /// <item>an advisor's case counts as <see cref="HandledBy.Advisor"/>, with the advisor's data (its date, categories, administration);</item>
    /// <item>an administration's entry linked to an advisor's case that is also in the input is the same complaint and is not counted again;</item>
    /// <item>a linked entry whose advisor case is not in the input (not shared, or outside the query) still counts once, as <see cref="HandledBy.Advisor"/>: it records a complaint to the advisor;</item>
    /// <item>several entries linked to the same advisor case count once;</item>
    /// <item>an administration's own, unlinked case counts as <see cref="HandledBy.Administration"/>.</item>
    /// </list>
    /// The same case number given twice counts once.
    /// </summary>
    public static IReadOnlyList<CountedComplaint> CountOnce(IEnumerable<ComplaintFact> facts)
    {
        var all = facts.ToList();
        var advisorCases = all.Where(f => f.HandledBy == HandledBy.Advisor).Select(f => f.CaseNumber).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CountedComplaint>(all.Count);
        // Advisor cases first, so that their data wins over a linked entry's.
        foreach (var f in all.OrderBy(f => f.HandledBy == HandledBy.Advisor ? 0 : 1))
        {
            if (f.HandledBy == HandledBy.Advisor)
            {
                if (seen.Add("R:" + f.CaseNumber)) result.Add(new(f, HandledBy.Advisor));
            }
            else if (f.LinkedAdvisorCaseNumber is { Length: > 0 } link)
            {
                if (!advisorCases.Contains(link) && seen.Add("R:" + link)) result.Add(new(f, HandledBy.Advisor));
            }
            else if (seen.Add("A:" + f.CaseNumber))
            {
                result.Add(new(f, HandledBy.Administration));
            }
        }
        return result;
    }
}
