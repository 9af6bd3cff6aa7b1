using Tilsyn.Calendar;
using Tilsyn.Evaluations;
using Tilsyn.Notifications;
using Tilsyn.Recommendations;
using Tilsyn.Statistics;
using Tilsyn.Web.Notifications;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Demo;

/// <summary>
/// Demo notifications, read and unread, drawn from the demo's own data: each administration's recommendations (new and
/// overdue), its completed FOKUS assessments and early warnings, and the statements the advisor's caseworkers received.
/// Keyed as the real ones (<see cref="NotificationKey.For"/>), so the job never repeats them; none is mailed.
/// </summary>
public static class DemoNotifications
{
    public static async Task SeedAsync(TilsynDbContext db, CancellationToken ct = default)
    {
        var clock = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<TimeProvider>(db); // the application's clock (the demo's time)
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var codes = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var contacts = await db.Users.AsNoTracking().Where(u => u.AdministrationId != null && u.DeactivatedAt == null)
            .Select(u => new { u.Id, AdministrationId = u.AdministrationId!.Value }).ToListAsync(ct);
        var advisor = await db.Users.AsNoTracking().Where(u => u.UserName == "sagsbehandler").Select(u => u.Id).FirstOrDefaultAsync(ct);
        var notes = new List<Notification>();

        void Add(string to, NotificationKind kind, string subject, string occasion, int? administrationId, string title, string text, string link, DateTimeOffset at, bool read) =>
            notes.Add(new Notification
            {
                Key = NotificationKey.For(kind, subject, occasion, to), RecipientId = to, Kind = kind, Subject = subject, Occasion = occasion,
                AdministrationId = administrationId, Title = title, Text = text, Link = link, CreatedAt = at > now ? now : at,
                ReadAt = read ? (at > now ? now : at).AddHours(3) : null, MailState = NotificationMailState.NotMailed,
            });

        foreach (var r in await db.Recommendations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct))
        {
            var code = codes[r.AdministrationId];
            foreach (var c in contacts.Where(c => c.AdministrationId == r.AdministrationId))
            {
                Add(c.Id, NotificationKind.RecommendationCreated, $"recommendation:{r.Id}", "", r.AdministrationId, $"Ny henstilling til {code}",
                    $"Borgerrådgiveren har givet {code} en henstilling (kilde: {Recommendation.Name(r.Source)}). Frist for opfølgning: {r.DueDate:dd-MM-yyyy}.",
                    $"/Recommendations/Details?id={r.Id}", r.CreatedAt, read: now - r.CreatedAt > TimeSpan.FromDays(30));
                if (r.IsOverdue(today))
                    Add(c.Id, NotificationKind.RecommendationOverdue, $"recommendation:{r.Id}", r.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.AdministrationId,
                        $"Henstilling til {code} har overskredet fristen",
                        $"Fristen for opfølgning på en henstilling til {code} (kilde: {Recommendation.Name(r.Source)}) var {r.DueDate:dd-MM-yyyy}, og henstillingen er ikke lukket. Beskriv, hvad forvaltningen har gjort.",
                        $"/Recommendations/Details?id={r.Id}", DanishTime.At(r.DueDate.AddDays(1), new TimeOnly(7, 0)), read: false);
            }
        }

        var rounds = await db.Set<EvaluationRound>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Year, ct);
        foreach (var a in (await db.Set<EvaluationAnswerRecord>().AsNoTracking().ToListAsync(ct)).Where(a => a.Assessment?.Overall is not null))
        {
            var year = rounds[a.RoundId];
            var code = codes[a.AdministrationId];
            foreach (var c in contacts.Where(c => c.AdministrationId == a.AdministrationId))
                Add(c.Id, NotificationKind.FokusAssessmentCompleted, $"evaluation:{year}:{a.AdministrationId}", "", a.AdministrationId,
                    $"FOKUS {year}: vurderingen af {code}s besvarelse er afsluttet", $"Borgerrådgiveren har afsluttet vurderingen af {code}s FOKUS-besvarelse for {year}.",
                    $"/Evaluations/Answer?year={year}&administration={a.AdministrationId}", a.UpdatedAt, read: true);
        }

        var quarter = Quarter.Of(today);
        foreach (var w in (await new StatisticsQueries(db).EarlyWarningsAsync(quarter, 4, ct)).Take(5))
            foreach (var c in contacts.Where(c => c.AdministrationId == w.AdministrationId))
                Add(c.Id, NotificationKind.EarlyWarning, $"unit:{w.UnitId}:{w.Category}", $"{quarter.Year}-Q{quarter.Number}", w.AdministrationId,
                    $"Tidlig varsling: {w.Unit} ({w.Administration})",
                    $"{w.Unit} har {w.Latest} klager om \"{Tilsyn.Complaints.ComplaintCategories.Name(w.Category)}\" i {quarter} mod {w.Expected.ToString("0.0", DanishTime.Culture)} ventet ud fra de foregående kvartaler. En varsling er en anledning til at se nærmere, ikke en konklusion.",
                    "/Statistics", now.AddHours(-2), read: false);

        var answered = await db.StatementRequests.AsNoTracking().Where(s => s.AnsweredAt != null)
            .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => new { s.Id, s.AdministrationId, s.RequestedAt, s.AnsweredAt, c.Number, c.CaseworkerId })
            .OrderByDescending(s => s.Id).Take(4).ToListAsync(ct);
        var first = true;
        foreach (var s in answered)
        {
            var to = s.CaseworkerId ?? advisor;
            if (to is null) continue;
            Add(to, NotificationKind.StatementAnswered, $"case:{s.Number}", $"statement:{s.Id}", s.AdministrationId, $"Udtalelse modtaget på sag {s.Number}",
                $"{codes[s.AdministrationId]} har afgivet udtalelse på anmodningen af {DanishTime.LocalDate(s.RequestedAt):dd-MM-yyyy} på sag {s.Number}.",
                $"/Cases/{s.Number}", s.AnsweredAt!.Value, read: !first);
            first = false;
        }

        // Publishing the demo's annual report already notified of its recommendations (through the real notifier).
        var existing = (await db.Set<Notification>().Select(n => n.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        db.AddRange(notes.DistinctBy(n => n.Key).Where(n => !existing.Contains(n.Key)));
        await db.SaveChangesAsync(ct);
    }
}
