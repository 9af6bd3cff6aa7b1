namespace Tilsyn.Complaints;

/// <summary>Who did something: a user (id and name at the time) or the citizen / the system.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor Citizen = new(null, "Borger");
    public static readonly Actor System = new(null, "Tilsyn");
}

/// <summary>The citizen behind a case (<i>borger, part</i>). Personal data: shown only to those whose scope covers the case.</summary>
public sealed class Citizen
{
    private Citizen() { }

    public Citizen(string name, string? email, string? phone, string? address, string? protectedCpr, string? maskedCpr, string? cprLookup = null)
    {
        CprLookup = protectedCpr is null ? null : cprLookup;
        Name = CaseTextFields.CitizenName.Required(name);
        Email = CaseTextFields.CitizenEmail.Optional(email);
        Phone = CaseTextFields.CitizenPhone.Optional(phone);
        Address = CaseTextFields.CitizenAddress.Optional(address);
        ProtectedCpr = protectedCpr;
        MaskedCpr = maskedCpr;
    }

    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? Address { get; private set; }

    /// <summary>The CPR number encrypted by the host (never stored in clear).</summary>
    public string? ProtectedCpr { get; private set; }

    /// <summary><c>ddMMyy-xxxx</c>: the only form of the CPR number shown on screens.</summary>
    public string? MaskedCpr { get; private set; }

    /// <summary>
    /// A keyed hash (HMAC, computed by the host with a key outside the database) of the CPR number, so a
    /// data-subject request can find the person's cases by exact CPR without decrypting every case; null without CPR.
    /// </summary>
    public string? CprLookup { get; private set; }

    /// <summary>
    /// The citizen is exempt from Digital Post (<i>fritaget for Digital Post</i>, lov om Digital Post fra
    /// offentlige afsendere § 5): letters go by e-mail, or on paper. Set by staff on the case (<see cref="ComplaintCase.SetDigitalPostExemption"/>).
    /// </summary>
    public bool ExemptFromDigitalPost { get; internal set; }

    /// <summary>Sets the CPR lookup hash (at registration, or the backfill of cases registered before it existed).</summary>
    public void SetCprLookup(string lookup)
    {
        if (ProtectedCpr is null) throw new DomainException("Borgeren har intet CPR-nummer på sagen.");
        CprLookup = lookup;
    }

    /// <summary>
    /// Rectification (<i>berigtigelse</i>, GDPR art. 16): new name and contact details, each checked as at
    /// registration. Returns what changed (the old values are personal data: the caller keeps them only in
    /// the request case's document).
    /// </summary>
    internal IReadOnlyList<CitizenCorrection> Correct(string name, string? email, string? phone, string? address)
    {
        var newName = CaseTextFields.CitizenName.Required(name);
        var newEmail = CaseTextFields.CitizenEmail.Optional(email);
        var newPhone = CaseTextFields.CitizenPhone.Optional(phone);
        var newAddress = CaseTextFields.CitizenAddress.Optional(address);
        var changes = new List<CitizenCorrection>();
        void Note(TextField field, string? old, string? now)
        {
            if (!string.Equals(old ?? "", now ?? "", StringComparison.Ordinal)) changes.Add(new(field.Label, old, now));
        }
        Note(CaseTextFields.CitizenName, Name, newName);
        Note(CaseTextFields.CitizenAddress, Address, newAddress);
        Note(CaseTextFields.CitizenEmail, Email, newEmail);
        Note(CaseTextFields.CitizenPhone, Phone, newPhone);
        (Name, Email, Phone, Address) = (newName, newEmail, newPhone, newAddress);
        return changes;
    }
}

/// <summary>A category on a case; <see cref="Breached"/> marks a rule the advisor found broken in the conclusion.</summary>
public sealed class CaseCategory
{
    private CaseCategory() { }
    internal CaseCategory(ComplaintCategory category) => Category = category;

    public ComplaintCategory Category { get; private set; }
    public bool Breached { get; internal set; }
}

/// <summary>One line of the case history (<i>sagshistorik</i>): who did what, when.</summary>
public sealed class CaseEvent
{
    private CaseEvent() { }

    internal CaseEvent(DateTimeOffset at, Actor by, string text, CaseStatus? from = null, CaseStatus? to = null)
    {
        At = at;
        ActorId = by.UserId;
        ActorName = by.Name;
        Text = text;
        FromStatus = from;
        ToStatus = to;
    }

    public long Id { get; private set; }
    public int CaseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public CaseStatus? FromStatus { get; private set; }
    public CaseStatus? ToStatus { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The text a history line keeps once the case's personal data is deleted: only its status change.</summary>
    internal void Erase()
    {
        Text = ToStatus is { } to ? $"Status: {CaseWorkflow.Name(to)}." : "Hændelse (teksten er slettet med sagens personoplysninger).";
        ActorId = null;
        ActorName = "";
    }
}

public enum DocumentKind
{
    /// <summary>What the citizen wrote (the complaint itself).</summary>
    Incoming = 1,
    /// <summary>A letter the advisor sent.</summary>
    Outgoing = 2,
    /// <summary>A file attached by the citizen or a caseworker.</summary>
    Attachment = 3,
    /// <summary><i>Notat</i> (notatpligt, OFL § 13): never edited afterwards; corrected by a new note.</summary>
    Note = 4,
    /// <summary>The administration's statement (<i>udtalelse</i>).</summary>
    Statement = 5,
}

/// <summary>
/// A journalised document (<i>dokument</i>) with its number within the case. Documents are
/// immutable once registered: there is no method that changes them, only new documents.
/// </summary>
public sealed class CaseDocument
{
    private CaseDocument() { }

    internal CaseDocument(int sequence, DocumentKind kind, string title, DateTimeOffset at, Actor by,
        string? text, string? fileName, string? contentType, byte[]? content, int? statementRequestId = null)
    {
        Sequence = sequence;
        Kind = kind;
        Title = CaseTextFields.DocumentTitle.Required(title);
        CreatedAt = at;
        CreatedById = by.UserId;
        CreatedByName = by.Name;
        Text = text;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        StatementRequestId = statementRequestId;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }

    /// <summary>The document's number within the case (the <c>DD</c> of <c>YYYY-NNNNNNN-DD</c>).</summary>
    public int Sequence { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedById { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public string? Text { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public byte[]? Content { get; private set; }
    public int? StatementRequestId { get; private set; }

    /// <summary>For a letter to the citizen: how it was delivered (<i>forsendelseskanal</i>); null for other documents.</summary>
    public Tilsyn.DigitalPost.LetterChannel? Channel { get; private set; }

    /// <summary>For a letter sent by Digital Post: the MeMo message UUID, fixed when it was queued.</summary>
    public Guid? DigitalPostMessageId { get; private set; }

    /// <summary>For a letter to be posted on paper: when someone marked it printed; null while it waits in the print list.</summary>
    public DateTimeOffset? PrintedAt { get; private set; }

    /// <summary>Who marked the letter printed.</summary>
    public string? PrintedByName { get; private set; }

    /// <summary>A letter flagged for printing that nobody has printed yet.</summary>
    public bool AwaitsPrinting => Channel == Tilsyn.DigitalPost.LetterChannel.Print && PrintedAt is null;

    internal void RecordDelivery(Tilsyn.DigitalPost.LetterChannel channel, Guid? messageId)
    {
        if (Kind != DocumentKind.Outgoing) throw new DomainException("Kun et udgående brev har en forsendelseskanal.");
        if (Channel is not null) throw new DomainException($"Brevet er allerede sendt ({Tilsyn.DigitalPost.LetterChannels.Name(Channel.Value)}).");
        if ((channel == Tilsyn.DigitalPost.LetterChannel.DigitalPost) != (messageId is not null))
            throw new DomainException("Et brev med Digital Post skal have et meddelelses-UUID, og kun det.");
        Channel = channel;
        DigitalPostMessageId = messageId;
    }

    internal void MarkPrinted(DateTimeOffset at, Actor by)
    {
        if (Channel != Tilsyn.DigitalPost.LetterChannel.Print) throw new DomainException("Brevet er ikke markeret til udskrift.");
        if (PrintedAt is not null) throw new DomainException($"Brevet er allerede markeret som udskrevet ({PrintedByName}).");
        PrintedAt = at;
        PrintedByName = by.Name;
    }

    /// <summary>The advisor shared this document with the administration (<see cref="ComplaintCase.ShareDocument"/>).</summary>
    public bool SharedWithAdministration { get; private set; }

    /// <summary>
    /// Whether the administration's contacts may see the document: what belongs to a statement request
    /// (its statement and attachments) is theirs; anything else only when shared; an internal note never.
    /// </summary>
    public bool VisibleToAdministration => Kind != DocumentKind.Note && (StatementRequestId is not null || SharedWithAdministration);

    internal void Share() => SharedWithAdministration = true;

    /// <summary>The title that stands for a document whose content is deleted.</summary>
    public const string ErasedTitle = "Dokument slettet";

    /// <summary>Deletes the document's title, text, file and author (the case's personal data is deleted); number, kind and date stay.</summary>
    internal void Erase()
    {
        Title = ErasedTitle;
        Text = null;
        FileName = null;
        ContentType = null;
        Content = null;
        CreatedById = null;
        CreatedByName = "";
        PrintedByName = null;
    }

    /// <summary>
    /// An outgoing letter addressed to the citizen. The delivery channel (<see cref="Channel"/>) is recorded
    /// only for letters to the citizen (Digital Post, e-mail or print), so it is also the record of whom a
    /// letter went to: a statement request to the administration, or any other outgoing letter not sent to
    /// the citizen, has none.
    /// </summary>
    public bool AddressedToCitizen => Kind == DocumentKind.Outgoing && Channel is not null;

    /// <summary>
    /// Whether the citizen sees it (status page, "Mine sager"): the letters addressed to them
    /// (<see cref="AddressedToCitizen"/>) and what they sent (their complaint, replies and own files);
    /// never notes, statements, letters to the administration or files staff attached.
    /// </summary>
    public bool VisibleToCitizen => Kind switch
    {
        DocumentKind.Outgoing => AddressedToCitizen,
        DocumentKind.Incoming => true,
        DocumentKind.Attachment => CreatedById is null,
        _ => false,
    };
}

/// <summary>
/// A request for a statement (<i>anmodning om udtalelse</i>) to an administration, with its
/// deadline in working days, extensions with reasons, and the answer.
/// </summary>
public sealed class StatementRequest
{
    private StatementRequest() { }

    internal StatementRequest(int administrationId, string question, DateTimeOffset at, Actor by, DateOnly due)
    {
        AdministrationId = administrationId;
        Question = CaseTextFields.StatementQuestion.Required(question);
        RequestedAt = at;
        RequestedByName = by.Name;
        DueDate = due;
        OriginalDueDate = due;
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public int AdministrationId { get; private set; }
    public string Question { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedByName { get; private set; } = "";
    public DateOnly OriginalDueDate { get; private set; }
    public DateOnly DueDate { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredByName { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    internal void Extend(DateOnly newDue, string reason)
    {
        if (IsAnswered) throw new DomainException("Fristen kan ikke forlænges: udtalelsen er allerede modtaget.");
        if (newDue <= DueDate) throw new DomainException("En forlænget frist skal ligge efter den nuværende frist.");
        ExtensionReason = CaseTextFields.ExtensionReason.Required(reason);
        DueDate = newDue;
    }

    /// <summary>Deletes the question, the reason for an extension and the names; the administration and every date stay.</summary>
    internal void Erase()
    {
        Question = "";
        ExtensionReason = null;
        RequestedByName = "";
        if (AnsweredByName is not null) AnsweredByName = "";
    }

    internal void MarkAnswered(DateTimeOffset at, Actor by)
    {
        if (IsAnswered) throw new DomainException("Udtalelsen er allerede afgivet.");
        AnsweredAt = at;
        AnsweredByName = by.Name;
    }
}
