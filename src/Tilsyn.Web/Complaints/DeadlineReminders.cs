using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// Reminds by e-mail of deadlines due tomorrow and of overdue ones (<see cref="CaseDeadlines"/>):
/// the caseworker (or, for an unassigned case, every advisor caseworker) for the first answer and
/// awaited statements; the administration's contacts for statements they owe; an administration's users
/// for the cases of its own complaint register (<see cref="CaseRegisters"/>), which the advisor is never reminded of. Runs every hour, with
/// the FOKUS reminders (<see cref="EvaluationReminders"/>); sends each reminder once a day.
/// </summary>
public sealed class DeadlineReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineReminders> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Deadline reminders failed"); }
            try { await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Queues today's case and FOKUS reminders not sent yet; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var today = clock.Today();
        var tomorrow = today.AddDays(1);

        var due = await db.Cases.AsNoTracking().OpenDeadlines()
            .Where(CaseDeadline.DueBy(tomorrow))
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { c.Number, c.Subject, c.Type, c.CaseworkerId, d.Kind, d.Due, d.AdministrationId, c.OwnerAdministrationId })
            .ToListAsync(ct);

        var advisorRole = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var advisors = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == advisorRole) && u.Email != null)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var contacts = await db.Users.Where(u => u.AdministrationId != null && u.Email != null)
            .Select(u => new { u.AdministrationId, u.Email }).ToListAsync(ct);
        var already = (await db.Set<SentReminder>().Where(s => s.SentOn == today).Select(s => new { s.CaseNumber, s.Kind, s.To }).ToListAsync(ct))
            .Select(s => (s.CaseNumber, s.Kind, s.To)).ToHashSet();

        var count = 0;
        void Remind(string number, string subject, CaseType type, DeadlineKind kind, DeadlineAudience audience, DateOnly due, IEnumerable<string> recipients)
        {
            var what = FirstAnswerBasis.Describe(kind, type, audience);
            foreach (var to in recipients.Distinct())
            {
                if (!already.Add((number, kind, to))) continue;
                var state = new OpenDeadline(kind, due).IsOverdue(today) ? $"er overskredet (frist {due:dd-MM-yyyy})" : $"udløber {(due == today ? "i dag" : "i morgen")} ({due:dd-MM-yyyy})";
                outbox.Enqueue(to, $"Påmindelse: {what} på sag {number} {state}",
                    $"Fristen for \"{what}\" på sag {number} ({subject}) {state}.\n\nSe sagen i Tilsyn under Sager → {number}.", number);
                db.Set<SentReminder>().Add(new SentReminder { CaseNumber = number, Kind = kind, Due = due, SentOn = today, To = to });
                count++;
            }
        }

        foreach (var d in due.OrderBy(d => d.Due))
        {
            // A case of an administration's own register is the administration's: its users are reminded, never the advisor's staff.
            if (d.OwnerAdministrationId is { } owner)
            {
                Remind(d.Number, d.Subject, d.Type, d.Kind, DeadlineAudience.Advisor, d.Due, contacts.Where(x => x.AdministrationId == owner).Select(x => x.Email!));
                continue;
            }
            var workers = d.CaseworkerId is { } w ? advisors.Where(a => a.Id == w).Select(a => a.Email!) : advisors.Select(a => a.Email!);
            Remind(d.Number, d.Subject, d.Type, d.Kind, DeadlineAudience.Advisor, d.Due, workers);
            if (d.Kind == DeadlineKind.Statement)
                Remind(d.Number, d.Subject, d.Type, d.Kind, DeadlineAudience.Contact, d.Due, contacts.Where(x => x.AdministrationId == d.AdministrationId).Select(x => x.Email!));
        }
        await db.SaveChangesAsync(ct);
        count += await EvaluationReminders.QueueAsync(db, outbox, today, ct);
        if (count > 0) log.LogInformation("Queued {Count} deadline reminders", count);
        return count;
    }
}
