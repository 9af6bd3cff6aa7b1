using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MimeKit;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Mail;

/// <summary>
/// A mail waiting to be sent or sent (<i>udgående post</i>). Mails are written to this outbox in the
/// same transaction as the change that causes them, and sent by <see cref="MailDispatcher"/>: a
/// failing mail server delays a mail, it never loses it or undoes the case change.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string To { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string? AttachmentName { get; init; }
    public string? AttachmentContentType { get; init; }
    public byte[]? Attachment { get; init; }
    public string? CaseNumber { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> e)
    {
        e.ToTable("outgoing_mail");
        e.HasKey(x => x.Id);
        e.Property(x => x.To).HasMaxLength(254);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.AttachmentName).HasMaxLength(200);
        e.Property(x => x.AttachmentContentType).HasMaxLength(100);
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => x.SentAt);
    }
}

public sealed class MailOptions
{
    /// <summary>SMTP host; when empty, mails stay in the outbox (visible to the head of office) and are not sent.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";
    public string From { get; set; } = "borgerraadgiveren@kommune.example";
    public string FromName { get; set; } = "Borgerrådgiveren";
    public int PollSeconds { get; set; } = 5;
}

/// <summary>Queues mails in the outbox (the caller saves them with its own change).</summary>
public sealed class MailOutbox(TilsynDbContext db, TimeProvider clock)
{
    public void Enqueue(string to, string subject, string body, string? caseNumber = null, string? attachmentName = null, byte[]? attachment = null, string? contentType = null) =>
        db.Set<OutgoingMail>().Add(new OutgoingMail
        {
            CreatedAt = clock.GetUtcNow(), To = to.Trim(), Subject = subject, Body = body, CaseNumber = caseNumber,
            AttachmentName = attachmentName, Attachment = attachment, AttachmentContentType = contentType,
        });
}

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
