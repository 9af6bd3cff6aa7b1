namespace Tilsyn.Web.Mail;

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
