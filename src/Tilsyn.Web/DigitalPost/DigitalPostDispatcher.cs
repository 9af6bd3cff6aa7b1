using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Tilsyn.DigitalPost;
using Tilsyn.Mail;

namespace Tilsyn.Web.DigitalPost;

/// <summary>
/// Delivers the Digital Post outbox through the configured <see cref="IDigitalPostTransport"/>. Back-off and
/// giving up are the mail outbox's (<see cref="MailDeliveryPolicy"/>): 1, 2, 4 … minutes, at most an hour,
/// for 24 hours; then the message is failed and shown on <c>/Mail/Fejlede</c>.
/// </summary>
/// <remarks>
/// <para><b>Never twice.</b> A message is claimed in one <c>UPDATE … WHERE lease_until IS NULL</c> (committed
/// on its own) that only one dispatcher can win, then delivered, then marked sent. Unlike an e-mail, a MeMo
/// message carries its own idempotency key: the <c>messageUUID</c> fixed when the letter was queued, and the
/// creation time fixed with it, so every attempt writes the same bytes. The folder transport writes
/// <c>{uuid}.xml</c> once (atomically, skipping a file already there); the HTTP receiver treats a UUID it
/// has as delivered. So a lease that runs out (the dispatcher died mid-delivery) simply makes the message
/// due again: delivering it again cannot make a second letter.</para>
/// <para>The CPR number is decrypted only in memory, to build the message; it is never logged, and the
/// row's copy (with the PDF) is erased once the message is delivered.</para>
/// </remarks>
public sealed class DigitalPostDispatcher(IServiceScopeFactory scopes, IOptions<DigitalPostOptions> options, TimeProvider clock,
    IDataProtectionProvider protection, ILogger<DigitalPostDispatcher> log, IDigitalPostTransport transport) : BackgroundService
{
    /// <summary>This dispatcher's name on the leases it holds.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || o.PollSeconds <= 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Digital Post dispatch failed"); }
            try { await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>One round: releases runs-out leases, then delivers what is due (at most 50). Returns how many were delivered.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var now = clock.GetUtcNow();
        // A dispatcher that died mid-delivery: deliver again (idempotent by the message UUID; see the remarks).
        await db.OutgoingDigitalPost.Where(m => m.SentAt == null && m.LeaseUntil != null && m.LeaseUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.NextAttemptAt, now), ct);
        var due = await db.OutgoingDigitalPost.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.LeaseUntil == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
        var cpr = protection.CreateProtector(Complaints.CaseRegistration.CprPurpose);
        var o = options.Value;
        var sent = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(db, id, ct)) continue; // another dispatcher has it
            var message = await db.OutgoingDigitalPost.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                var xml = MeMoBuilder.ToUtf8(ToMeMo(message, o, cpr.Unprotect(message.ProtectedCpr!)));
                await transport.DeliverAsync(message.MessageUuid, xml, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await ReleaseAsync(db, id);
                throw;
            }
            catch (Exception ex)
            {
                await FailAsync(db, message, ex);
                continue;
            }
            await MarkSentAsync(db, id);
            sent++;
        }
        return sent;
    }

    /// <summary>The MeMo message for a queued letter: the same bytes on every attempt.</summary>
    public static MeMoLetter ToMeMo(OutgoingDigitalPost m, DigitalPostOptions o, string cprDigits) => new(
        m.MessageUuid, m.CreatedAt, m.Label, m.LegalNotification, o.Sender, cprDigits, m.RecipientName, m.CaseNumber, o.CaseSystem,
        new MeMoFile(m.FileName, "application/pdf", m.Content ?? []),
        m.AdditionalContent is { } extra ? [new MeMoFile(m.AdditionalFileName ?? "bilag.pdf", "application/pdf", extra)] : null);

    private async Task<bool> ClaimAsync(TilsynDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = MailDeliveryPolicy.LeaseUntil(now);
        return await db.OutgoingDigitalPost
            .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && m.LeaseUntil == null && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntil, leaseUntil)
                .SetProperty(m => m.LeaseOwner, Owner)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.FirstAttemptAt, m => m.FirstAttemptAt ?? now), ct) == 1;
    }

    /// <summary>Not cancellable: the message has left; recording that matters more than a quick shutdown.</summary>
    private Task MarkSentAsync(TilsynDbContext db, long id)
    {
        var now = clock.GetUtcNow();
        return db.OutgoingDigitalPost.Where(m => m.Id == id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ProtectedCpr, (string?)null)
                .SetProperty(m => m.RecipientName, (string?)null)
                .SetProperty(m => m.Content, (byte[]?)null)
                .SetProperty(m => m.AdditionalContent, (byte[]?)null), CancellationToken.None);
    }

    private Task ReleaseAsync(TilsynDbContext db, long id) =>
        db.OutgoingDigitalPost.Where(m => m.Id == id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);

    private async Task FailAsync(TilsynDbContext db, OutgoingDigitalPost message, Exception ex)
    {
        var now = clock.GetUtcNow();
        var attempts = message.Attempts; // the claim counted this attempt
        var next = MailDeliveryPolicy.NextAttempt(attempts, message.FirstAttemptAt ?? now, now);
        var error = ErrorText(ex);
        // The message id and case number only: never the CPR number, the name or the letter.
        log.LogWarning("Digital Post message {Uuid} for case {Case} (attempt {Attempt}) failed: {Error}; {Next}",
            message.MessageUuid, message.CaseNumber, attempts, error, next is null ? "given up" : $"next attempt {next:O}");
        await db.OutgoingDigitalPost.Where(m => m.Id == message.Id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next ?? now)
                .SetProperty(m => m.FailedAt, next is null ? now : null), CancellationToken.None);
    }

    /// <summary>The error as shown and logged: its type and message, at most 500 characters, with any ten-digit run (a CPR number) blanked.</summary>
    internal static string ErrorText(Exception ex)
    {
        var text = System.Text.RegularExpressions.Regex.Replace($"{ex.GetType().Name}: {ex.Message}", @"\d{6}-?\d{4}", "[cpr]");
        return text.Length > 500 ? text[..500] : text;
    }
}
