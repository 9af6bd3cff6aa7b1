namespace Tilsyn.Web.DigitalPost;

/// <summary>
/// A letter waiting to be delivered by Digital Post, or delivered (<i>udgående Digital Post</i>). Written in
/// the same transaction as the journalised letter, delivered by <see cref="DigitalPostDispatcher"/>. The
/// MeMo message is built from this row when it is delivered; its UUID and creation time are fixed here, so
/// every attempt writes the same message.
/// </summary>
public sealed class OutgoingDigitalPost : Tilsyn.Web.Mail.IOutboxRow
{
    public long Id { get; init; }

    /// <summary>MeMo <c>messageUUID</c>: the receiver's idempotency key (and the file name in the folder).</summary>
    public Guid MessageUuid { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CaseNumber { get; init; } = "";

    /// <summary>The journalised letter (<c>YYYY-NNNNNNN-DD</c>'s <c>DD</c>).</summary>
    public int DocumentSequence { get; init; }
    public string Label { get; init; } = "";
    public bool LegalNotification { get; init; }

    /// <summary>The citizen's CPR number, protected as on the case (never in clear); erased once delivered.</summary>
    public string? ProtectedCpr { get; set; }
    public string? RecipientName { get; set; }
    public string FileName { get; init; } = "";

    /// <summary>The letter PDF; erased once delivered (the case keeps it).</summary>
    public byte[]? Content { get; set; }

    /// <summary>Further documents (e.g. documents released under aktindsigt) as one PDF; erased once delivered.</summary>
    public string? AdditionalFileName { get; init; }
    public byte[]? AdditionalContent { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The last failure, without personal data.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? FirstAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }

    /// <summary>Given up after 24 hours of retries; shown on /Mail/Fejlede.</summary>
    public DateTimeOffset? FailedAt { get; set; }
}
