namespace Tilsyn.Complaints;

/// <summary>Where a case is in its handling (<i>sagens status</i>).</summary>
public enum CaseStatus
{
    Received = 1,
    UnderReview = 2,
    TargetedEffort = 3,
    StatementRequested = 4,
    StatementReceived = 5,
    Concluded = 6,
    Closed = 7,
    Rejected = 8,
    Forwarded = 9,
}

/// <summary>
/// The case workflow as an explicit table: which status may follow which. Every change of status
/// goes through <see cref="EnsureAllowed"/>, so an invalid step is refused with a message naming both.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Next = new()
    {
        [CaseStatus.Received] = [CaseStatus.UnderReview, CaseStatus.Rejected, CaseStatus.Forwarded],
        [CaseStatus.UnderReview] = [CaseStatus.TargetedEffort, CaseStatus.StatementRequested, CaseStatus.Concluded, CaseStatus.Rejected, CaseStatus.Forwarded],
        [CaseStatus.TargetedEffort] = [CaseStatus.UnderReview, CaseStatus.StatementRequested, CaseStatus.Concluded],
        [CaseStatus.StatementRequested] = [CaseStatus.StatementReceived, CaseStatus.Concluded],
        [CaseStatus.StatementReceived] = [CaseStatus.StatementRequested, CaseStatus.UnderReview, CaseStatus.Concluded],
        [CaseStatus.Concluded] = [CaseStatus.Closed],
        [CaseStatus.Rejected] = [CaseStatus.Closed],
        [CaseStatus.Forwarded] = [CaseStatus.Closed],
        // Reopening a closed case (new information) puts it back under review; the reason is logged.
        [CaseStatus.Closed] = [CaseStatus.UnderReview],
    };

    public static IReadOnlyList<CaseStatus> AllowedFrom(CaseStatus status) => Next.GetValueOrDefault(status, []);

    public static bool IsAllowed(CaseStatus from, CaseStatus to) => AllowedFrom(from).Contains(to);

    public static void EnsureAllowed(CaseStatus from, CaseStatus to)
    {
        if (!IsAllowed(from, to))
            throw new DomainException($"En sag med status '{Name(from)}' kan ikke få status '{Name(to)}'.");
    }

    /// <summary>The statuses in which the advisor's handling is finished; every other status is open.</summary>
    public static readonly IReadOnlyList<CaseStatus> Finished = [CaseStatus.Concluded, CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Forwarded];

    /// <summary>Open cases are still being handled: deadlines run and they appear on worklists (<see cref="CaseDeadlines.OpenCase"/> for queries).</summary>
    public static bool IsOpen(CaseStatus s) => !Finished.Contains(s);

    public static string Name(CaseStatus s) => s switch
    {
        CaseStatus.Received => "Modtaget",
        CaseStatus.UnderReview => "Under behandling",
        CaseStatus.TargetedEffort => "Målrettet indsats",
        CaseStatus.StatementRequested => "Udtalelse anmodet",
        CaseStatus.StatementReceived => "Udtalelse modtaget",
        CaseStatus.Concluded => "Afsluttet",
        CaseStatus.Closed => "Lukket",
        CaseStatus.Rejected => "Afvist",
        CaseStatus.Forwarded => "Videresendt",
        _ => s.ToString(),
    };
}
