using Microsoft.Extensions.Options;
using Tilsyn.Calendar;
using Tilsyn.Notifications;
using Tilsyn.Recommendations;
using Tilsyn.Statistics;
using Tilsyn.Web.Mail;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Notifications;

/// <summary>
/// The notifications' background job, every <c>Notifications:PollMinutes</c>: mails each user's daily digest
/// (<see cref="DeliverAsync"/>, due from <c>Notifications:DigestTime</c>, 07:00 Copenhagen time) and, once a
/// Copenhagen day, raises the notices no request causes (<see cref="RunDailyChecksAsync"/>: overdue
/// recommendations, early warnings). Safe with several instances: a digest is mailed in one transaction with its
/// <see cref="NotificationMail"/> key (<see cref="NotificationKey.ForDigest"/>), so a second instance's attempt
/// fails on the key and rolls its mail back; the checks' notices are keyed the same way.
/// </summary>
public sealed class NotificationJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationJob> log) : BackgroundService
{
    private DateOnly? checkedOn;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (checkedOn != clock.Today())
                {
                    await RunDailyChecksAsync(stoppingToken);
                    checkedOn = clock.Today();
                }
                await DeliverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Notification job failed"); }
            try { await Task.Delay(TimeSpan.FromMinutes(Math.Clamp(options.Value.PollMinutes, 1, 60)), clock, stoppingToken); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Mails what is due now for every user with notices waiting; returns how many mails it queued.</summary>
    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        List<string> recipients;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
            recipients = await db.Set<Notification>().Where(n => n.MailState == NotificationMailState.Waiting).Select(n => n.RecipientId).Distinct().ToListAsync(ct);
        }
        var mails = 0;
        foreach (var recipient in recipients)
        {
            try { mails += await DeliverForAsync(recipient, ct); }
            catch (DbUpdateException)
            {
                // Another instance mailed the same digest or notice first: its key is taken, this attempt rolled back.
                log.LogInformation("A notification mail was queued by another instance; skipped");
            }
        }
        return mails;
    }

    /// <summary>One user, in one transaction: plan (<see cref="NotificationPlanner"/>), queue the mails with their keys, mark the notices.</summary>
    private async Task<int> DeliverForAsync(string recipientId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var waiting = await db.Set<Notification>().Where(n => n.RecipientId == recipientId && n.MailState == NotificationMailState.Waiting).ToListAsync(ct);
        if (waiting.Count == 0) return 0;
        var user = await db.Users.Where(u => u.Id == recipientId).Select(u => new { u.Email, u.DeactivatedAt }).FirstOrDefaultAsync(ct);
        if (user is null || user.DeactivatedAt is not null || string.IsNullOrWhiteSpace(user.Email))
        {
            foreach (var n in waiting) n.MarkNotMailed();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return 0;
        }
        var preferences = new NotificationPreferences(await db.Set<NotificationPreference>().Where(p => p.UserId == recipientId)
            .Select(p => new KeyValuePair<NotificationKind, DeliveryChoice>(p.Kind, p.Choice)).ToListAsync(ct));
        var today = DanishTime.LocalDate(now);
        var keys = waiting.Select(n => n.Key).Append(NotificationKey.ForDigest(recipientId, today)).ToList();
        var mailed = (await db.Set<NotificationMail>().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var plan = NotificationPlanner.Plan(recipientId, waiting.Select(n => n.AsPending()), preferences, now, options.Value.Schedule, mailed);
        var byKey = waiting.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.First());

        var mails = 0;
        foreach (var p in plan.SendNow)
        {
            // A notice left waiting when the user switched from "daglig oversigt" to "straks": mailed on its own now.
            var n = byKey[p.Key];
            outbox.Enqueue(user.Email, Notifier.MailSubject(n.Title), $"{n.Text}\n\nSe mere i Tilsyn: {notifier.Url(n.Link)}");
            db.Add(new NotificationMail { Key = n.Key, RecipientId = recipientId, QueuedAt = now });
            n.MarkMailed(now);
            mails++;
        }
        if (plan.DigestKey is { } digestKey && plan.Digest.Count > 0)
        {
            var items = plan.Digest.Select(p => byKey[p.Key]).OrderByDescending(n => n.CreatedAt).ToList();
            outbox.Enqueue(user.Email, $"Tilsyn: daglig oversigt {today:dd-MM-yyyy} ({items.Count} {(items.Count == 1 ? "notifikation" : "notifikationer")})", DigestBody(items, today, notifier));
            db.Add(new NotificationMail { Key = digestKey, RecipientId = recipientId, DigestDay = today, QueuedAt = now });
            foreach (var n in items) n.MarkMailed(now);
            mails++;
        }
        foreach (var p in plan.NotMailed) byKey[p.Key].MarkNotMailed();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return mails;
    }

    private static string DigestBody(IReadOnlyList<Notification> items, DateOnly day, Notifier notifier)
    {
        var body = new System.Text.StringBuilder($"Daglig oversigt fra Tilsyn, {day:dd-MM-yyyy}: {items.Count} {(items.Count == 1 ? "ny notifikation" : "nye notifikationer")}.\n\n");
        foreach (var n in items)
            body.Append("• ").Append(n.Title).Append('\n').Append("  ").Append(n.Text).Append('\n').Append("  ").Append(notifier.Url(n.Link)).Append("\n\n");
        body.Append("Du får denne oversigt, fordi du har valgt \"").Append(NotificationKinds.Name(DeliveryChoice.DailyDigest))
            .Append("\" for en eller flere typer notifikationer. Dine valg: ").Append(notifier.Url("/Notifikationer/Indstillinger"));
        return body.ToString();
    }

    /// <summary>
    /// Today's checks: every recommendation past its due date and not closed (once per recommendation and due date), and
    /// every early-warning flag of the current quarter (once per unit, category and quarter). Each notice is saved on its
    /// own, so one that another instance saved first is skipped without losing the rest. Returns how many notifications it added.
    /// </summary>
    public async Task<int> RunDailyChecksAsync(CancellationToken ct)
    {
        var today = clock.Today();
        List<Recommendation> overdue;
        List<WarningRow> warnings;
        var quarter = Quarter.Of(today);
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
            overdue = await db.Recommendations.AsNoTracking().Where(Recommendation.OverdueOn(today)).OrderBy(r => r.Id).ToListAsync(ct);
            warnings = await scope.ServiceProvider.GetRequiredService<StatisticsQueries>().EarlyWarningsAsync(quarter, 4, ct);
        }
        var added = 0;
        foreach (var r in overdue)
            added += await RaiseOnceAsync((n, c) => n.RecommendationOverdueAsync(r, c), ct);
        foreach (var w in warnings.Where(w => w.UnitId != 0))
            added += await RaiseOnceAsync((n, c) => n.EarlyWarningAsync(w, quarter, c), ct);
        if (added > 0) log.LogInformation("Daily checks raised {Count} notifications", added);
        return added;
    }

    private async Task<int> RaiseOnceAsync(Func<Notifier, CancellationToken, Task<int>> raise, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await raise(scope.ServiceProvider.GetRequiredService<Notifier>(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return added;
        }
        catch (DbUpdateException)
        {
            log.LogInformation("A notification was raised by another instance first; skipped");
            return 0;
        }
    }
}
