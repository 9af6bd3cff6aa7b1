using System.Security.Cryptography;
using System.Text;
using Tilsyn.Complaints;
using Tilsyn.DigitalPost;
using Tilsyn.Feedback;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The citizens' satisfaction survey in the demo (issue 16): every closed citizen's case at the advisor's
/// office has its invitation (sent when it was closed), about seven in ten were answered, some answers
/// have comments: the older ones approved and anonymised, the newest waiting for review on /Tilfredshed.
/// Deterministic: a seeded <see cref="Random"/> and the clock. The demo's links cannot be opened (their
/// tokens are not known to anyone); the survey itself is tried with a case closed in the demo.
/// </summary>
public static class DemoFeedback
{
    private static readonly string[] Comments =
    [
        "Jeg følte mig hørt, og brevet forklarede tydeligt, hvad der skulle ske.",
        "Det tog lang tid, før jeg hørte noget, men svaret var grundigt.",
        "Sagsbehandler Lone Petersen var meget venlig og ringede tilbage samme dag.",
        "Jeg forstod ikke helt konklusionen. Kunne I skrive mere enkelt?",
        "Tak for hjælpen. Forvaltningen har nu rettet fejlen.",
        "Det var svært at finde ud af, hvor man skulle klage. Ring gerne på 22 33 44 55 hvis I vil høre mere.",
        "Fint forløb, men jeg havde gerne fået en kvittering med det samme.",
        "Min mor Inger Hansen og jeg fik god vejledning.",
    ];

    public static async Task SeedAsync(TilsynDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<FeedbackInvitation>().AnyAsync(ct)) return;
        var now = clock.GetUtcNow();
        // The same rule as FeedbackEligibility: a citizen's case at the advisor's office, with an e-mail address.
        var closed = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Closed && c.ClosedAt != null && c.OwnerAdministrationId == null && c.Type != CaseType.OwnInitiative
                && c.Citizen != null && c.Citizen.Email != null && c.PersonalDataDeletedAt == null)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.AdministrationId, ClosedAt = c.ClosedAt!.Value })
            .ToListAsync(ct);
        var rng = new Random(16);
        var newest = closed.Count == 0 ? default : HalfYear.Of(closed.Max(c => c.ClosedAt));
        foreach (var c in closed)
        {
            var invitation = new FeedbackInvitation(c.Id, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-feedback-{c.Id}"))), c.ClosedAt, LetterChannel.Email);
            db.Add(invitation);
            if (rng.NextDouble() > 0.7) continue;
            var answeredAt = c.ClosedAt.AddDays(rng.Next(1, 20));
            if (answeredAt > now) continue;
            invitation.MarkUsed(answeredAt);
            // Mostly content citizens, some not; about one in ten says "ved ikke" to a question.
            var mood = rng.Next(1, 6);
            var scores = FeedbackQuestions.All.ToDictionary(q => q, _ =>
                rng.NextDouble() < 0.1 ? (int?)null : Math.Clamp(mood + rng.Next(-1, 2) + (mood < 3 ? 1 : 0), 1, 5));
            var comment = rng.NextDouble() < 0.3 ? Comments[rng.Next(Comments.Length)] : null;
            var answer = FeedbackAnswer.Submit(c.AdministrationId, HalfYear.Of(c.ClosedAt), scores, comment);
            if (comment is not null && answer.HalfYear != newest)
            {
                var review = answer.StartReview();
                answer.Approve(Enumerable.Range(0, review.Items.Count).ToHashSet(), "Borgerrådgiveren", answeredAt.AddDays(3));
            }
            db.Add(answer);
        }
        await db.SaveChangesAsync(ct);
    }
}
