using Tilsyn.Complaints;
using Tilsyn.Evaluations;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Evaluations;

/// <summary>
/// FOKUS reminders: a week before a round's answer deadline and from the day after it, each
/// administration whose answer is not submitted gets a mail to its contacts, once a day. Called by
/// the hourly reminder job (<see cref="DeadlineReminders"/>).
/// </summary>
public static class EvaluationReminders
{
    public static async Task<int> QueueAsync(TilsynDbContext db, MailOutbox outbox, DateOnly today, CancellationToken ct)
    {
        var rounds = await db.Set<EvaluationRound>().AsNoTracking().Where(EvaluationRound.MayNeedReminder(today)).ToListAsync(ct);
        var count = 0;
        foreach (var round in rounds)
        {
            var remind = round.ReminderDue(today);
            if (remind is null) continue;
            var key = $"FOKUS-{round.Year}";
            var already = (await db.Set<SentReminder>().Where(s => s.SentOn == today && s.CaseNumber == key && s.Kind == DeadlineKind.EvaluationAnswer)
                .Select(s => s.To).ToListAsync(ct)).ToHashSet();
            var unanswered = await db.Set<EvaluationAnswerRecord>().AsNoTracking()
                .Where(a => a.RoundId == round.Id && a.Status != Tilsyn.Evaluations.AnswerStatus.Submitted).Select(a => a.AdministrationId).ToListAsync(ct);
            var contacts = await db.Users.Where(u => u.AdministrationId != null && unanswered.Contains(u.AdministrationId.Value) && u.Email != null)
                .Select(u => u.Email!).ToListAsync(ct);
            foreach (var to in contacts.Distinct())
            {
                if (!already.Add(to)) continue;
                outbox.Enqueue(to, $"Påmindelse: FOKUS {round.Year} – svarfristen {round.Deadline:dd-MM-yyyy} er {remind}",
                    $"Forvaltningens besvarelse af FOKUS {round.Year} er ikke indsendt. Svarfristen {round.Deadline:dd-MM-yyyy} er {remind}.", key);
                db.Set<SentReminder>().Add(new SentReminder { CaseNumber = key, Kind = DeadlineKind.EvaluationAnswer, Due = round.Deadline, SentOn = today, To = to });
                count++;
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
