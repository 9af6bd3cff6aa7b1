using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MimeKit;
using Tilsyn.Mail;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Mail;

/// <summary>
/// Sends the outbox (<i>udgående post</i>) through SMTP (MailKit). Back-off and giving up are
/// <see cref="MailDeliveryPolicy"/>'s: 1, 2, 4 … minutes (at most an hour) for 24 hours, then the mail
/// is failed and shown on <c>/Mail/Fejlede</c> and counted as degraded on <c>/health</c>.
/// </summary>
/// <remarks>
/// <para><b>At most once.</b> Each mail is claimed just before it is sent, in one
/// <c>UPDATE … WHERE lease_until IS NULL</c> that sets a lease and the dispatcher's id and is committed
/// on its own; then it is sent, then marked sent. Any number of dispatchers (app instances) may share a
/// database: the UPDATE lets exactly one of them have a mail. A failure the dispatcher sees (connect,
/// TLS, the server refusing) clears the lease and schedules a retry. A lease that runs out without either
/// means the dispatcher died while sending, when it cannot be known whether the server took the mail;
/// such a mail is not sent again on its own but marked failed with that explanation, and the head of
/// office decides ("prøv igen"). A letter to a citizen sent twice is a visible error; a mail that stops
/// is visible too, and rare (only a crash inside one SMTP exchange), so we choose at most once.</para>
/// <para>Every mail carries a Message-Id fixed by its outbox row, so a mail sent again by hand is
/// recognisable as the same mail.</para>
/// </remarks>
public sealed partial class MailDispatcher(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> log) : BackgroundService
{
    /// <summary>This dispatcher's name on the leases it holds.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Written on a mail whose send was interrupted (see the remarks).</summary>
    public const string InterruptedError = "Afsendelsen blev afbrudt (fx en genstart), før mailserveren bekræftede mailen. Den kan være sendt; kontrollér det, før du prøver igen.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            log.LogInformation("Mail:Host is not set; mails stay in the outbox.");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Mail dispatch failed"); }
            try { await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>One round: gives up interrupted sends, then sends what is due (at most 50). Returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var links = scope.ServiceProvider.GetRequiredService<StatusLinks>();
        var now = clock.GetUtcNow();
        await GiveUpInterruptedAsync(db, now, ct);
        var due = await db.OutgoingMail.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.LeaseUntil == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var o = options.Value;
        using var smtp = new SmtpClient { Timeout = (int)MailDeliveryPolicy.SendTimeout.TotalMilliseconds };
        var sent = 0;
        Exception? cannotConnect = null; // one failed connection fails the round, not 50 connection timeouts
        foreach (var id in due)
        {
            if (!await ClaimAsync(db, id, ct)) continue; // another dispatcher has it
            var mail = await db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            var sending = false;
            try
            {
                if (cannotConnect is not null) throw cannotConnect;
                if (!smtp.IsConnected)
                {
                    try
                    {
                        await smtp.ConnectAsync(o.Host!, o.Port, o.SocketOptions() ?? MailKit.Security.SecureSocketOptions.StartTls, ct);
                        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        cannotConnect = ex;
                        throw;
                    }
                }
                var message = ToMime(mail, o, await StatusLinkFor(db, links, mail, ct), scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Feedback.FeedbackLinks>().For(mail));
                sending = true;
                await smtp.SendAsync(message, ct);
            }
            catch (OperationCanceledException) when (!sending)
            {
                await ReleaseAsync(db, id); // stopped before anything was sent: the mail is simply due again
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await FailAsync(db, mail, ex, ct);
                continue;
            }
            await MarkSentAsync(db, id, ct);
            sent++;
        }
        if (smtp.IsConnected)
        {
            try { await smtp.DisconnectAsync(true, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogDebug(ex, "SMTP disconnect failed"); }
        }
        return sent;
    }

    /// <summary>Claims a due mail for this dispatcher: one UPDATE, committed on its own, that only one dispatcher can win.</summary>
    private async Task<bool> ClaimAsync(TilsynDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = MailDeliveryPolicy.LeaseUntil(now);
        var claimed = await db.OutgoingMail
            .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && m.LeaseUntil == null && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntil, leaseUntil)
                .SetProperty(m => m.LeaseOwner, Owner)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.FirstAttemptAt, m => m.FirstAttemptAt ?? now), ct);
        return claimed == 1;
    }

    private async Task MarkSentAsync(TilsynDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Not cancellable: the mail has left; recording that matters more than a quick shutdown.
        await db.OutgoingMail.Where(m => m.Id == id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.FailedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ProtectedStatusToken, (string?)null)
                .SetProperty(m => m.ProtectedFeedbackToken, (string?)null), CancellationToken.None);
    }

    private Task ReleaseAsync(TilsynDbContext db, long id) =>
        db.OutgoingMail.Where(m => m.Id == id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);

    private async Task FailAsync(TilsynDbContext db, OutgoingMail mail, Exception ex, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var next = MailDeliveryPolicy.NextAttempt(mail.Attempts, mail.FirstAttemptAt ?? now, now);
        var error = ErrorText(ex);
        // Neither the recipient nor the message text: the log is read by operations, not by the advisor.
        log.LogWarning("Mail {Id} (attempt {Attempt}) failed: {Error}; {Next}", mail.Id, mail.Attempts, error, next is null ? "given up" : $"next attempt {next:O}");
        await db.OutgoingMail.Where(m => m.Id == mail.Id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next ?? now)
                .SetProperty(m => m.FailedAt, next is null ? now : null), CancellationToken.None);
    }

    /// <summary>A lease that ran out: its dispatcher stopped while sending (at most once: see the remarks).</summary>
    private static Task<int> GiveUpInterruptedAsync(TilsynDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.OutgoingMail.Where(m => m.SentAt == null && m.LeaseUntil != null && m.LeaseUntil <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.LastError, InterruptedError), ct);

    /// <summary>
    /// The link to merge into a mail's <see cref="StatusLinks.Placeholder"/>: only while the token it
    /// carries is still the case's link; a link replaced or revoked meanwhile is not sent.
    /// </summary>
    private static async Task<string> StatusLinkFor(TilsynDbContext db, StatusLinks links, OutgoingMail mail, CancellationToken ct)
    {
        if (!mail.Body.Contains(StatusLinks.Placeholder, StringComparison.Ordinal)) return "";
        if (mail.ProtectedStatusToken is null || mail.CaseNumber is null || links.Unprotect(mail.ProtectedStatusToken) is not { } token)
            return StatusLinks.NoLongerValid;
        var current = await db.Cases.Where(c => c.Number == mail.CaseNumber).Select(c => c.StatusTokenHash).FirstOrDefaultAsync(ct);
        return current == StatusToken.Hash(token) ? links.Url(token) : StatusLinks.NoLongerValid;
    }

    /// <summary>The error as shown to the head of office and logged: no e-mail addresses, at most 500 characters.</summary>
    internal static string ErrorText(Exception ex)
    {
        var text = Address().Replace($"{ex.GetType().Name}: {ex.Message}", "[adresse]");
        return text.Length > 500 ? text[..500] : text;
    }

    [GeneratedRegex(@"[^\s<>""'(),;:@]+@[^\s<>""'(),;:@]+")]
    private static partial Regex Address();

    internal static MimeMessage ToMime(OutgoingMail mail, MailOptions o, string statusLink = "", string feedbackLink = "")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // Fixed by the outbox row: a mail sent again is recognisably the same mail.
        message.MessageId = $"tilsyn-{mail.Id}-{mail.CreatedAt.UtcTicks}@{MailDomain(o.From)}";
        var text = statusLink.Length > 0 ? mail.Body.Replace(StatusLinks.Placeholder, statusLink, StringComparison.Ordinal) : mail.Body;
        if (feedbackLink.Length > 0) text = text.Replace(Tilsyn.Web.Feedback.FeedbackLinks.Placeholder, feedbackLink, StringComparison.Ordinal);
        var body = new BodyBuilder { TextBody = text };
        if (mail.Attachment is { } bytes)
            body.Attachments.Add(mail.AttachmentName ?? "bilag", bytes, ContentType.Parse(mail.AttachmentContentType ?? "application/octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string MailDomain(string from) => from.LastIndexOf('@') is var at and >= 0 ? from[(at + 1)..].Trim() : "tilsyn.local";
}
