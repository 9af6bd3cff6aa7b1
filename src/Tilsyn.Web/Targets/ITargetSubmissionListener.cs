namespace Tilsyn.Web.Targets;

/// <summary>An administration submitted targets to the advisor: which, when and by whom (no personal data beyond the submitter's name).</summary>
public sealed record TargetsSubmitted(int AdministrationId, string AdministrationCode, IReadOnlyList<int> TargetIds, DateTimeOffset At, string By);

/// <summary>
/// The one place that hears "targets submitted" (issue 15: <i>submitting it notifies the advisor</i>).
/// Called once per submission, after it is saved. The default does nothing; notifications replace it
/// with their own registration.
/// </summary>
public interface ITargetSubmissionListener
{
    Task TargetsSubmittedAsync(TargetsSubmitted submitted, CancellationToken ct);
}

/// <summary>The default listener: nothing to notify yet.</summary>
public sealed class NoTargetSubmissionListener : ITargetSubmissionListener
{
    public Task TargetsSubmittedAsync(TargetsSubmitted submitted, CancellationToken ct) => Task.CompletedTask;
}
