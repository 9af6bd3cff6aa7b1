using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

/// <summary>A reminder that was sent, so the same reminder goes out at most once a day.</summary>
public sealed class SentReminder
{
    public long Id { get; init; }

    /// <summary>The case number, or <c>FOKUS-yyyy</c> for an evaluation round.</summary>
    public string CaseNumber { get; init; } = "";
    public DeadlineKind Kind { get; init; }
    public DateOnly Due { get; init; }
    public DateOnly SentOn { get; init; }
    public string To { get; init; } = "";
}
