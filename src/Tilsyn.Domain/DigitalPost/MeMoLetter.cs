namespace Tilsyn.DigitalPost;

/// <summary>The authority that sends a Digital Post message (MeMo <c>Sender</c>).</summary>
/// <param name="Id">MeMo <c>senderID</c>: the authority's id, e.g. the municipality's CVR number.</param>
/// <param name="IdType">MeMo <c>idType</c>: <c>MyndighedsID</c>, <c>CPR</c>, <c>CVR</c> or <c>Andet</c>.</param>
/// <param name="Label">The name the citizen sees, e.g. "Borgerrådgiveren, Københavns Kommune".</param>
public sealed record MeMoSender(string Id, string IdType, string Label);

/// <summary>A document in a message (MeMo <c>File</c>): the letter PDF, or a further document.</summary>
public sealed record MeMoFile(string FileName, string EncodingFormat, byte[] Content, string Language = "da");

/// <summary>
/// A letter to a citizen as a Digital Post message (MeMo 1.1, <c>messageType</c> <c>DIGITALPOST</c>).
/// </summary>
/// <param name="MessageUuid">MeMo <c>messageUUID</c>: fixed when the letter is queued; the receiver's idempotency key.</param>
/// <param name="CreatedAt">MeMo <c>createdDateTime</c>: when the letter was queued (fixed with the UUID, so a message written again is the same message).</param>
/// <param name="Label">The title the citizen sees.</param>
/// <param name="LegalNotification">A decision with legal effect (<i>afgørelse</i>): MeMo <c>legalNotification</c>.</param>
/// <param name="RecipientCpr">The citizen's CPR number, ten digits.</param>
/// <param name="RecipientName">The citizen's name (MeMo <c>Recipient/label</c>), optional.</param>
/// <param name="CaseId">The case number (MeMo <c>ContentData/CaseID/caseID</c>).</param>
/// <param name="CaseSystem">The system the case number belongs to (MeMo <c>caseSystem</c>).</param>
/// <param name="MainDocument">The letter itself.</param>
/// <param name="AdditionalDocuments">Further documents (MeMo <c>AdditionalDocument</c>).</param>
public sealed record MeMoLetter(
    Guid MessageUuid,
    DateTimeOffset CreatedAt,
    string Label,
    bool LegalNotification,
    MeMoSender Sender,
    string RecipientCpr,
    string? RecipientName,
    string CaseId,
    string CaseSystem,
    MeMoFile MainDocument,
    IReadOnlyList<MeMoFile>? AdditionalDocuments = null);
