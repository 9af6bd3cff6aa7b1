using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Retention;

/// <summary>
/// When a case's retention period runs out: counted from its closure (the Copenhagen day the
/// advisor finished it: closed, or else concluded, rejected or forwarded). A case still being
/// handled (<see cref="CaseWorkflow.IsOpen"/>) never falls due; a reopened case starts again when it
/// is finished again.
/// </summary>
public static class CaseRetention
{
    /// <summary>
    /// The day the case was closed, or null while it is open. <paramref name="closedAt"/> is set by
    /// <c>Close</c> (and cleared by reopening); <paramref name="concludedAt"/> by <c>Conclude</c>,
    /// <c>Reject</c> and <c>Forward</c>.
    /// </summary>
    public static DateOnly? ClosedOn(CaseStatus status, DateTimeOffset? concludedAt, DateTimeOffset? closedAt)
    {
        if (CaseWorkflow.IsOpen(status)) return null;
        var at = closedAt ?? concludedAt;
        return at is { } moment ? DanishTime.LocalDate(moment) : null;
    }

    public static DateOnly? ClosedOn(ComplaintCase c) => ClosedOn(c.Status, c.ConcludedAt, c.ClosedAt);

    /// <summary>The first day the case may be deleted (the period added to the closure day).</summary>
    public static DateOnly DueOn(DateOnly closedOn, RetentionPeriod period) => period.AddTo(closedOn);

    /// <summary>The due day of a case, or null while it is open.</summary>
    public static DateOnly? DueOn(CaseStatus status, DateTimeOffset? concludedAt, DateTimeOffset? closedAt, RetentionPeriod period) =>
        ClosedOn(status, concludedAt, closedAt) is { } closed ? DueOn(closed, period) : null;

    /// <summary>Whether the retention has run out on <paramref name="asOf"/> (the due day included).</summary>
    public static bool IsDue(DateOnly? dueOn, DateOnly asOf) => dueOn is { } d && d <= asOf;
}
