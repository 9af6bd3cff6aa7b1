using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Tilsyn.Web.Mail;

/// <summary>Sends the outbox through SMTP (MailKit), oldest first, retrying failed mails up to 10 times.</summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> log) : BackgroundService
{
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

    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var pending = await db.Set<OutgoingMail>().Where(m => m.SentAt == null && m.Attempts < 10).OrderBy(m => m.Id).Take(50).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var o = options.Value;
        using var smtp = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(o.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(o.Host!, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        var sent = 0;
        foreach (var mail in pending)
        {
            mail.Attempts++;
            try
            {
                await smtp.SendAsync(ToMime(mail, o), ct);
                mail.SentAt = clock.GetUtcNow();
                mail.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                mail.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                log.LogWarning("Mail {Id} to {To} failed: {Error}", mail.Id, mail.To, ex.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        await smtp.DisconnectAsync(true, ct);
        return sent;
    }

    internal static MimeMessage ToMime(OutgoingMail mail, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Body };
        if (mail.Attachment is { } bytes)
            body.Attachments.Add(mail.AttachmentName ?? "bilag", bytes, ContentType.Parse(mail.AttachmentContentType ?? "application/octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
