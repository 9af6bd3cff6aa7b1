namespace Tilsyn.Web.Mail;

/// <summary>Queues mails in the outbox (the caller saves them with its own change).</summary>
public sealed class MailOutbox(TilsynDbContext db, TimeProvider clock)
{
    /// <param name="protectedStatusToken">
    /// For a mail to the citizen whose body holds <see cref="Tilsyn.Web.Complaints.StatusLinks.Placeholder"/>: the
    /// token, protected by <see cref="Tilsyn.Web.Complaints.StatusLinks.Protect"/>; the dispatcher merges the link in
    /// only when sending, so the stored body never holds it.
    /// </param>
    public void Enqueue(string to, string subject, string body, string? caseNumber = null, string? attachmentName = null, byte[]? attachment = null,
        string? contentType = null, string? protectedStatusToken = null, string? protectedFeedbackToken = null)
    {
        var now = clock.GetUtcNow();
        db.Set<OutgoingMail>().Add(new OutgoingMail
        {
            CreatedAt = now, NextAttemptAt = now, To = to.Trim(), Subject = subject, Body = body, CaseNumber = caseNumber,
            AttachmentName = attachmentName, Attachment = attachment, AttachmentContentType = contentType, ProtectedStatusToken = protectedStatusToken,
            ProtectedFeedbackToken = protectedFeedbackToken,
        });
    }
}
