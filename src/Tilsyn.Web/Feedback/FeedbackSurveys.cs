using Microsoft.Extensions.Options;
using Tilsyn.Complaints;
using Tilsyn.DigitalPost;
using Tilsyn.Feedback;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Letters;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Feedback;

/// <summary>
/// The survey's two moments: the invitation when a case is closed (inside the closing step's own
/// transaction) and the citizen's one answer. Loads, calls the domain, saves; the rules are in
/// <see cref="FeedbackEligibility"/>, <see cref="FeedbackInvitation"/> and <see cref="FeedbackAnswer"/>.
/// </summary>
public sealed class FeedbackSurveys(TilsynDbContext db, MailOutbox outbox, FeedbackLinks links, CaseLetters letters, TimeProvider clock, IOptions<FeedbackOptions> options)
{
    /// <summary>
    /// Called by the step that closes the case, in its transaction, after <see cref="ComplaintCase.Close"/>:
    /// creates the invitation (the token's hash only) and queues the mail whose link is merged in when sent.
    /// Notes on the case whether the link went out. The caller saves.
    /// </summary>
    public async Task OnClosedAsync(ComplaintCase c, CancellationToken ct)
    {
        if (!options.Value.Enabled || c.Status != CaseStatus.Closed) return;
        var already = c.Id != 0 && await db.Set<FeedbackInvitation>().AnyAsync(i => i.CaseId == c.Id, ct);
        var decision = FeedbackEligibility.Decide(c, letters.ChannelFor(c), already);
        var now = clock.GetUtcNow();
        c.RecordFeedbackInvitation(decision, now);
        if (!decision.Invite) return;
        var token = StatusToken.New();
        var invitation = new FeedbackInvitation(c.Id, StatusToken.Hash(token), now, LetterChannel.Email);
        db.Add(invitation);
        var (subject, body) = FeedbackLinks.Mail(c, invitation.ExpiresAt);
        outbox.Enqueue(c.Citizen!.Email!, subject, body, c.Number, protectedFeedbackToken: links.Protect(token));
    }

    /// <summary>The invitation of a link, or null for an unknown token. Reveals nothing of the case.</summary>
    public Task<FeedbackInvitation?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return Task.FromResult<FeedbackInvitation?>(null);
        var hash = StatusToken.Hash(token);
        return db.Set<FeedbackInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>
    /// Stores the answer and marks the invitation used, in one transaction. The mark is a conditional
    /// UPDATE (<c>UsedAt IS NULL AND ExpiresAt &gt; now</c>): of two answers sent at once exactly one
    /// claims the invitation, on SQLite and PostgreSQL alike; the other is refused.
    /// </summary>
    public async Task SubmitAsync(FeedbackInvitation invitation, IReadOnlyDictionary<FeedbackQuestion, int?> scores, string? comment, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        invitation.EnsureAnswerable(now);
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == invitation.CaseId).Select(x => new { x.AdministrationId, x.ClosedAt }).FirstAsync(ct);
        var answer = FeedbackAnswer.Submit(c.AdministrationId, HalfYear.Of(c.ClosedAt ?? invitation.SentAt), scores, comment);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<FeedbackInvitation>()
            .Where(i => i.Id == invitation.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        if (claimed != 1)
        {
            var stored = await db.Set<FeedbackInvitation>().AsNoTracking().FirstAsync(i => i.Id == invitation.Id, ct);
            stored.EnsureAnswerable(now);
            throw new DomainException("Spørgeskemaet er allerede besvaret. Det kan kun besvares én gang.");
        }
        db.Add(answer);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
