namespace Tilsyn.Web.Mail;

/// <summary>
/// A mail waiting to be sent or sent (<i>udgående post</i>). Mails are written to this outbox in the
/// same transaction as the change that causes them, and sent by <see cref="MailDispatcher"/>: a
/// failing mail server delays a mail, it never loses it or undoes the case change.
/// </summary>
public sealed class OutgoingMail : IOutboxRow
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

    /// <summary>The last failure, without personal data (addresses are blanked out).</summary>
    public string? LastError { get; set; }

    /// <summary>Not before this moment (the back-off of <see cref="Tilsyn.Mail.MailDeliveryPolicy"/>).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The first attempt; retries stop 24 hours after it.</summary>
    public DateTimeOffset? FirstAttemptAt { get; set; }

    /// <summary>Set while one dispatcher is sending the mail (claimed in one UPDATE); no other dispatcher touches it meanwhile.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The dispatcher instance holding (or last holding) the lease.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Given up (after 24 hours of retries, or an interrupted send); shown to the head of office on /Mail/Fejlede.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>
    /// The citizen's status link token, encrypted with ASP.NET Data Protection
    /// (<see cref="Tilsyn.Web.Complaints.StatusLinks"/>), for a mail whose body holds the
    /// <c>{{statuslink}}</c> placeholder: merged in only while sending, erased once sent.
    /// </summary>
    public string? ProtectedStatusToken { get; set; }

    /// <summary>
    /// The survey link's token, encrypted (<see cref="Tilsyn.Web.Feedback.FeedbackLinks"/>), for a mail whose
    /// body holds the <c>{{tilfredshedslink}}</c> placeholder: merged in only while sending, erased once sent.
    /// </summary>
    public string? ProtectedFeedbackToken { get; set; }
}
