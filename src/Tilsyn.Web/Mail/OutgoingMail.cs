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
