using Tilsyn.Web.Targets;

namespace Tilsyn.Web.Notifications;

/// <summary>
/// Issue 15 point 3 → point 4: an administration's submitted targets notify the advisor's staff. Adds the
/// notifications (and, for "straks", their mails) and saves them; the caller's transaction holds both the
/// submission and the notifications.
/// </summary>
public sealed class TargetSubmissionNotifier(TilsynDbContext db, Notifier notifier) : ITargetSubmissionListener
{
    public async Task TargetsSubmittedAsync(TargetsSubmitted submitted, CancellationToken ct)
    {
        var firstYear = await db.Set<Tilsyn.Targets.AdministrationTarget>().Where(t => submitted.TargetIds.Contains(t.Id))
            .Select(t => (int?)t.FirstYear).MinAsync(ct) ?? Tilsyn.Calendar.DanishTime.LocalDate(submitted.At).Year;
        await notifier.TargetsSubmittedAsync(submitted.AdministrationId, firstYear, submitted.At, $"/Targets/Administration?id={submitted.AdministrationId}", ct);
        await db.SaveChangesAsync(ct);
    }
}
