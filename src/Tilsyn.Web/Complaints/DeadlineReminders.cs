using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Identity;
using Tilsyn.Web.Data;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Complaints;

/// <summary>A reminder that was sent, so the same reminder goes out at most once a day.</summary>
public sealed class SentReminder
{
    public long Id { get; init; }
    public string CaseNumber { get; init; } = "";
    public string What { get; init; } = "";
    public DateOnly Due { get; init; }
    public DateOnly SentOn { get; init; }
    public string To { get; init; } = "";
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> e)
    {
        e.ToTable("sent_reminders");
        e.HasKey(x => x.Id);
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.What).HasMaxLength(100);
        e.Property(x => x.To).HasMaxLength(254);
        e.HasIndex(x => new { x.CaseNumber, x.What, x.Due, x.SentOn, x.To }).IsUnique();
    }
}

/// <summary>
/// Reminds by e-mail of deadlines due tomorrow and of overdue ones: the caseworker (or, for an
/// unassigned case, every advisor caseworker) for the first answer and awaited statements; the
/// administration's contacts for statements they owe. Runs every hour; sends each reminder once a day.
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

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var today = clock.Today();
        var tomorrow = today.AddDays(1);

        var open = await db.Cases.AsNoTracking()
            .Where(CaseQueries.IsOpen)
            .Select(c => new
            {
                c.Number, c.Subject, c.Type, c.CaseworkerId, c.FirstAnswerDue, c.FirstAnsweredAt,
                Statements = c.StatementRequests.Where(r => r.AnsweredAt == null).Select(r => new { r.DueDate, r.AdministrationId }).ToList(),
            })
            .ToListAsync(ct);

        var advisorRole = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var advisors = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == advisorRole) && u.Email != null)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var contacts = await db.Users.Where(u => u.AdministrationId != null && u.Email != null)
            .Select(u => new { u.AdministrationId, u.Email }).ToListAsync(ct);
        var already = (await db.Set<SentReminder>().Where(s => s.SentOn == today).Select(s => s.CaseNumber + "|" + s.What + "|" + s.To).ToListAsync(ct)).ToHashSet();

        var count = 0;
        void Remind(string number, string subject, string what, DateOnly due, IEnumerable<string> recipients)
        {
            if (due > tomorrow) return;
            foreach (var to in recipients.Distinct())
            {
                if (!already.Add(number + "|" + what + "|" + to)) continue;
                var state = due < today ? $"er overskredet (frist {due:dd-MM-yyyy})" : $"udløber {(due == today ? "i dag" : "i morgen")} ({due:dd-MM-yyyy})";
                outbox.Enqueue(to, $"Påmindelse: {what} på sag {number} {state}",
                    $"Fristen for \"{what}\" på sag {number} ({subject}) {state}.\n\nSe sagen i Tilsyn under Sager → {number}.", number);
                db.Set<SentReminder>().Add(new SentReminder { CaseNumber = number, What = what, Due = due, SentOn = today, To = to });
                count++;
            }
        }

        foreach (var c in open)
        {
            var workers = c.CaseworkerId is { } w ? advisors.Where(a => a.Id == w).Select(a => a.Email!) : advisors.Select(a => a.Email!);
            if (c.FirstAnsweredAt is null && c.Type != CaseType.OwnInitiative)
                Remind(c.Number, c.Subject, "Første svar til borgeren", c.FirstAnswerDue, workers);
            foreach (var s in c.Statements)
            {
                Remind(c.Number, c.Subject, "Udtalelse fra forvaltningen", s.DueDate, workers);
                Remind(c.Number, c.Subject, "Udtalelse til Borgerrådgiveren", s.DueDate, contacts.Where(x => x.AdministrationId == s.AdministrationId).Select(x => x.Email!));
            }
        }
        // FOKUS: a week before the answer deadline and from the day after it, for answers not yet submitted.
        var rounds = await db.Set<Tilsyn.Web.Evaluations.EvaluationRound>().AsNoTracking().Where(r => r.Deadline >= today.AddDays(-14)).ToListAsync(ct);
        foreach (var round in rounds)
        {
            var remind = round.Deadline == today.AddDays(7) ? "om en uge" : today > round.Deadline ? "overskredet" : null;
            if (remind is null) continue;
            var unanswered = await db.Set<Tilsyn.Web.Evaluations.EvaluationAnswerRecord>().AsNoTracking()
                .Where(a => a.RoundId == round.Id && a.Status != Tilsyn.Evaluations.AnswerStatus.Submitted).Select(a => a.AdministrationId).ToListAsync(ct);
            foreach (var adminId in unanswered)
                foreach (var to in contacts.Where(x => x.AdministrationId == adminId).Select(x => x.Email!))
                {
                    var key = $"FOKUS-{round.Year}";
                    if (!already.Add(key + "|FOKUS|" + to)) continue;
                    outbox.Enqueue(to, $"Påmindelse: FOKUS {round.Year} – svarfristen {round.Deadline:dd-MM-yyyy} er {remind}",
                        $"Forvaltningens besvarelse af FOKUS {round.Year} er ikke indsendt. Svarfristen {round.Deadline:dd-MM-yyyy} er {remind}.", key);
                    db.Set<SentReminder>().Add(new SentReminder { CaseNumber = key, What = "FOKUS", Due = round.Deadline, SentOn = today, To = to });
                    count++;
                }
        }
        await db.SaveChangesAsync(ct);
        if (count > 0) log.LogInformation("Queued {Count} deadline reminders", count);
        return count;
    }
}
