using Tilsyn.Calendar;
using Tilsyn.Letters;

namespace Tilsyn.Complaints;

/// <summary>
/// A case at the advisor's office (<i>sag</i>): a citizen's complaint or inquiry, or an
/// own-initiative investigation. Its status only moves through the guarded methods below, each of
/// which checks <see cref="CaseWorkflow"/> and writes a line in the history.
/// </summary>
public sealed partial class ComplaintCase
{
    private readonly List<CaseCategory> categories = [];
    private readonly List<CaseEvent> events = [];
    private readonly List<CaseDocument> documents = [];
    private readonly List<StatementRequest> statementRequests = [];

    private ComplaintCase() { }

    /// <summary>Registers a new case (<i>journalisering</i>) with its allocated number.</summary>
    public ComplaintCase(int year, int sequence, CaseType type, Channel channel, Citizen? citizen, string subject, string description,
        DateTimeOffset receivedAt, DateOnly firstAnswerDue, Actor by, int? administrationId = null)
    {
        AdministrationId = administrationId;
        Year = year;
        Sequence = sequence;
        Number = CaseNumber.Format(year, sequence);
        Type = type;
        Channel = channel;
        if (type != CaseType.OwnInitiative && citizen is null)
            throw new DomainException("En klage eller henvendelse skal have en borger som part.");
        Citizen = citizen;
        Subject = CaseTextFields.Subject.Required(subject);
        Description = CaseTextFields.Description.Required(description);
        ReceivedAt = receivedAt;
        FirstAnswerDue = firstAnswerDue;
        Status = CaseStatus.Received;
        events.Add(new CaseEvent(receivedAt, by, $"Sagen er modtaget ({CaseTexts.Name(channel)}) og journaliseret som {Number}.", null, CaseStatus.Received));
    }

    public int Id { get; private set; }

    /// <summary>
    /// The version of the case, its documents, history and statement requests as stored: raised by one on every save that changes any of it. A form
    /// carries the version it showed, and a save based on an older version is refused (optimistic
    /// concurrency), so nobody overwrites a change they have not seen.
    /// </summary>
    public int Version { get; private set; }
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public CaseType Type { get; private set; }
    public Channel Channel { get; private set; }
    public CaseStatus Status { get; private set; }
    public Citizen? Citizen { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When the citizen must have had a first answer from the advisor (a service goal in working days).</summary>
    public DateOnly FirstAnswerDue { get; private set; }
    public DateTimeOffset? FirstAnsweredAt { get; private set; }

    /// <summary>The administration the case concerns; null while unknown ("ved ikke").</summary>
    public int? AdministrationId { get; private set; }
    public int? UnitId { get; private set; }
    public string? KleCode { get; private set; }

    /// <summary>The advisor's caseworker responsible (<i>sagsbehandler</i>).</summary>
    public string? CaseworkerId { get; private set; }

    /// <summary>SHA-256 of the citizen's private status link token; the token itself is never stored. Null when revoked.</summary>
    public string? StatusTokenHash { get; private set; }

    /// <summary>When the current status link was issued (at registration, or when staff last sent a new one).</summary>
    public DateTimeOffset? StatusLinkIssuedAt { get; private set; }

    /// <summary>When staff revoked the status link; null while the case has a link (or never had one).</summary>
    public DateTimeOffset? StatusLinkRevokedAt { get; private set; }

    public Outcome? Outcome { get; private set; }
    public string? ConclusionText { get; private set; }
    public string? RecommendationText { get; private set; }

    /// <summary>Short anonymised summary for the learning library and the annual report.</summary>
    public string? Summary { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? ForwardedTo { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// The administration the advisor has involved in the case (<i>delt med forvaltningen</i>): by a
    /// statement request, a targeted effort or the explicit share step. Its contacts see the case
    /// only while it is still the case's administration (<see cref="CaseAccess"/>); null = not shared.
    /// </summary>
    public int? SharedWithAdministrationId { get; private set; }
    public DateTimeOffset? SharedAt { get; private set; }

    /// <summary>Whether the advisor has shared the citizen's address, e-mail and phone with the administration.</summary>
    public bool ContactDetailsShared { get; private set; }

    /// <summary>Whether the case's current administration has been involved (see <see cref="SharedWithAdministrationId"/>).</summary>
    public bool IsSharedWithAdministration => AdministrationId is { } a && SharedWithAdministrationId == a;

    /// <summary>
    /// When the case's personal data was deleted (<see cref="ErasePersonalData"/>, GDPR art. 5(1)(e) and 17);
    /// null while the case holds it. A deleted case is a pseudonymous stub and takes no new documents.
    /// </summary>
    public DateTimeOffset? PersonalDataDeletedAt { get; private set; }

    public IReadOnlyList<CaseCategory> Categories => categories;
    public IReadOnlyList<CaseEvent> Events => events;
    public IReadOnlyList<CaseDocument> Documents => documents;
    public IReadOnlyList<StatementRequest> StatementRequests => statementRequests;

    public bool IsOpen => CaseWorkflow.IsOpen(Status);

    /// <summary>Gives the case a status link (its token's hash); an earlier link stops working.</summary>
    public void SetStatusToken(string tokenHash, DateTimeOffset? issuedAt = null)
    {
        StatusTokenHash = tokenHash;
        StatusLinkIssuedAt = issuedAt ?? ReceivedAt;
        StatusLinkRevokedAt = null;
    }

    /// <summary>
    /// Staff send the citizen a new status link (a lost or shared link): the old link stops working at
    /// once. Only for a citizen with an e-mail address (the link travels only by mail) and while the
    /// link could still be used (<see cref="StatusLinkValid"/>).
    /// </summary>
    public void ReissueStatusLink(string tokenHash, DateTimeOffset at, Actor by)
    {
        if (string.IsNullOrWhiteSpace(Citizen?.Email))
            throw new DomainException("Borgeren har ingen e-mailadresse på sagen, så et nyt link kan ikke sendes.");
        if (!StatusLinkValid(at))
            throw new DomainException("Sagen blev lukket for mere end et halvt år siden; borgerens statusside er ikke længere åben.");
        SetStatusToken(tokenHash, at);
        events.Add(new CaseEvent(at, by, "Nyt link til borgerens statusside sendt til borgerens e-mail; det tidligere link virker ikke længere."));
    }

    /// <summary>Staff close the citizen's status link (e.g. it was shared by mistake); a new one can be sent later.</summary>
    public void RevokeStatusLink(DateTimeOffset at, Actor by)
    {
        if (StatusTokenHash is null)
            throw new DomainException("Sagen har intet gyldigt link til borgerens statusside.");
        StatusTokenHash = null;
        StatusLinkRevokedAt = at;
        events.Add(new CaseEvent(at, by, "Linket til borgerens statusside er tilbagekaldt."));
    }

    /// <summary>Classifies the case. The unit must belong to the administration (checked by the caller, which knows the tree).</summary>
    public void Classify(CaseType type, int? administrationId, int? unitId, string? kleCode, IEnumerable<ComplaintCategory> newCategories, DateTimeOffset at, Actor by)
    {
        EnsureNotErased();
        if (unitId is not null && administrationId is null)
            throw new DomainException("Vælg forvaltningen, før du vælger enheden.");
        if (OwnerAdministrationId is { } owner && administrationId != owner)
            throw new DomainException("En sag i forvaltningens eget klageregister bliver i den forvaltning.");
        if (type == CaseType.OwnInitiative && Type != CaseType.OwnInitiative)
            throw new DomainException("En borgers sag kan ikke gøres til en sag af egen drift; opret en ny sag.");
        var wanted = newCategories.Distinct().ToList();
        if (type == CaseType.Complaint && wanted.Count == 0)
            throw new DomainException("En klage skal have mindst én klagekategori.");
        Type = type;
        AdministrationId = administrationId;
        UnitId = unitId;
        KleCode = string.IsNullOrWhiteSpace(kleCode) ? null : kleCode.Trim();
        categories.RemoveAll(c => !wanted.Contains(c.Category));
        foreach (var c in wanted.Where(w => categories.All(x => x.Category != w)))
            categories.Add(new CaseCategory(c));
        var names = wanted.Count == 0 ? "ingen kategorier" : string.Join(", ", wanted.Select(ComplaintCategories.Name));
        events.Add(new CaseEvent(at, by, $"Klassificeret: {CaseTexts.Name(type)}; {names}."));
    }

    public void AssignCaseworker(string? userId, string? name, DateTimeOffset at, Actor by)
    {
        CaseworkerId = userId;
        events.Add(new CaseEvent(at, by, userId is null ? "Sagsbehandler fjernet." : $"Sagsbehandler: {name}."));
    }

    public void StartReview(DateTimeOffset at, Actor by, string? reason = null)
    {
        EnsureNotErased();
        var reopening = Status == CaseStatus.Closed;
        if (reopening && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Angiv hvorfor en lukket sag genoptages.");
        Move(CaseStatus.UnderReview, at, by, reopening ? $"Sagen er genoptaget: {CaseTextFields.ReopenReason.Required(reason)}" : "Sagen er under behandling.");
        if (reopening) ClosedAt = null;
    }

    /// <summary>The advisor talks directly with the unit (<i>målrettet indsats</i>).</summary>
    public void StartTargetedEffort(DateTimeOffset at, Actor by, string note)
    {
        EnsureAdvisorRegister("En målrettet indsats");
        RequireAdministration();
        Move(CaseStatus.TargetedEffort, at, by, $"Målrettet indsats: {CaseTextFields.TargetedEffortNote.Required(note)}");
        Involve(at);
    }

    /// <summary>Asks the case's administration for a statement, due <paramref name="due"/> (default: 10 working days, set by the caller's policy).</summary>
    public StatementRequest RequestStatement(string question, DateOnly due, DateTimeOffset at, Actor by)
    {
        EnsureAdvisorRegister("En anmodning om udtalelse");
        RequireAdministration();
        if (due <= DanishTime.LocalDate(at))
            throw new DomainException("Fristen for udtalelsen skal ligge efter i dag.");
        CaseWorkflow.EnsureAllowed(Status, CaseStatus.StatementRequested);
        var request = new StatementRequest(AdministrationId!.Value, question, at, by, due);
        statementRequests.Add(request);
        Move(CaseStatus.StatementRequested, at, by, $"Udtalelse anmodet med frist {due:dd-MM-yyyy}.");
        Involve(at);
        return request;
    }

    /// <summary>
    /// The advisor's explicit step "Del med forvaltningen": the case's administration may now see the
    /// case (without the citizen's CPR number, ever), and the citizen's contact details when
    /// <paramref name="contactDetails"/> says so. Sharing is not withdrawn: what the administration
    /// has seen it has seen, and a statement in progress needs the case.
    /// </summary>
    public void ShareWithAdministration(bool contactDetails, DateTimeOffset at, Actor by)
    {
        EnsureAdvisorRegister("Deling med forvaltningen");
        RequireAdministration();
        if (IsSharedWithAdministration && (ContactDetailsShared || !contactDetails))
            throw new DomainException(ContactDetailsShared
                ? "Sagen og borgerens kontaktoplysninger er allerede delt med forvaltningen."
                : "Sagen er allerede delt med forvaltningen.");
        var first = !IsSharedWithAdministration;
        Involve(at);
        if (contactDetails) ContactDetailsShared = true;
        events.Add(new CaseEvent(at, by, first
            ? contactDetails ? "Sagen er delt med forvaltningen med borgerens kontaktoplysninger." : "Sagen er delt med forvaltningen uden borgerens kontaktoplysninger."
            : "Borgerens kontaktoplysninger er delt med forvaltningen."));
    }

    /// <summary>
    /// Shares one document with the administration (<i>dokumentet deles med forvaltningen</i>).
    /// Internal notes (OFL § 13) are the advisor's own and are never shared; the case must be shared first.
    /// </summary>
    public void ShareDocument(int sequence, DateTimeOffset at, Actor by)
    {
        EnsureAdvisorRegister("Deling med forvaltningen");
        var doc = documents.FirstOrDefault(d => d.Sequence == sequence)
            ?? throw new DomainException($"Dokument {CaseNumber.FormatDocument(Number, sequence)} findes ikke på sagen.");
        if (doc.Kind == DocumentKind.Note)
            throw new DomainException("Et internt notat deles ikke med forvaltningen.");
        if (!IsSharedWithAdministration)
            throw new DomainException("Del sagen med forvaltningen, før du deler dokumenter.");
        if (doc.SharedWithAdministration)
            throw new DomainException($"Dokument {CaseNumber.FormatDocument(Number, sequence)} er allerede delt med forvaltningen.");
        doc.Share();
        events.Add(new CaseEvent(at, by, $"Dokument {CaseNumber.FormatDocument(Number, sequence)} er delt med forvaltningen."));
    }

    public void ExtendStatementDeadline(StatementRequest request, DateOnly newDue, string reason, DateTimeOffset at, Actor by)
    {
        EnsureOwn(request);
        var old = request.DueDate;
        request.Extend(newDue, reason);
        events.Add(new CaseEvent(at, by, $"Frist for udtalelse forlænget fra {old:dd-MM-yyyy} til {newDue:dd-MM-yyyy}: {request.ExtensionReason}"));
    }

    /// <summary>The administration answers: the statement is journalised on the case and the status moves on.</summary>
    public CaseDocument ReceiveStatement(StatementRequest request, string text, DateTimeOffset at, Actor by)
    {
        EnsureOwn(request);
        if (Status != CaseStatus.StatementRequested)
            throw new DomainException($"Sagen afventer ikke en udtalelse (status: {CaseWorkflow.Name(Status)}).");
        request.MarkAnswered(at, by);
        var doc = AddDocument(DocumentKind.Statement, "Udtalelse fra forvaltningen", at, by, CaseTextFields.Statement.Required(text), null, null, null, request.Id);
        Move(CaseStatus.StatementReceived, at, by, "Udtalelse modtaget fra forvaltningen.");
        return doc;
    }

    /// <summary>
    /// Concludes the case. Criticism names at least one broken rule; a recommendation says what is
    /// recommended; every conclusion has the short summary the library and the annual report use.
    /// </summary>
    public void Conclude(Outcome outcome, IEnumerable<ComplaintCategory> breached, string conclusion, string? recommendation, string summary, DateTimeOffset at, Actor by)
    {
        if (outcome == Complaints.Outcome.Rejected)
            throw new DomainException("Brug 'Afvis sagen' for at afvise en sag.");
        var broken = breached.Distinct().ToList();
        if (outcome == Complaints.Outcome.Criticism && broken.Count == 0)
            throw new DomainException("Kritik skal angive mindst én regel, der er tilsidesat.");
        if (outcome is Complaints.Outcome.NoCriticism or Complaints.Outcome.Withdrawn && broken.Count > 0)
            throw new DomainException($"Udfaldet '{CaseTexts.Name(outcome)}' kan ikke angive tilsidesatte regler.");
        if (outcome == Complaints.Outcome.Recommendation && string.IsNullOrWhiteSpace(recommendation))
            throw new DomainException("En henstilling skal beskrive, hvad forvaltningen opfordres til.");
        CaseWorkflow.EnsureAllowed(Status, CaseStatus.Concluded);
        ConclusionText = CaseTextFields.Conclusion.Required(conclusion);
        Summary = CaseTextFields.Summary.Required(summary);
        RecommendationText = CaseTextFields.Recommendation.Optional(recommendation);
        foreach (var c in categories) c.Breached = false;
        foreach (var b in broken)
        {
            var existing = categories.FirstOrDefault(c => c.Category == b);
            if (existing is null) categories.Add(existing = new CaseCategory(b));
            existing.Breached = true;
        }
        Outcome = outcome;
        ConcludedAt = at;
        var rules = broken.Count == 0 ? "" : " Tilsidesat: " + string.Join(", ", broken.Select(b => ComplaintCategories.Info(b).LegalRule ?? ComplaintCategories.Name(b))) + ".";
        Move(CaseStatus.Concluded, at, by, $"Afsluttet: {CaseTexts.Name(outcome)}.{rules}");
    }

    /// <summary>Rejects the case, e.g. as outside the advisor's competence (<i>uden for kompetence</i>); the reason is required.</summary>
    public void Reject(string reason, DateTimeOffset at, Actor by)
    {
        CaseWorkflow.EnsureAllowed(Status, CaseStatus.Rejected);
        RejectionReason = CaseTextFields.RejectionReason.Required(reason);
        Outcome = Complaints.Outcome.Rejected;
        ConcludedAt = at;
        Move(CaseStatus.Rejected, at, by, $"Afvist: {RejectionReason}");
    }

    /// <summary>Forwards the case to the right authority (<i>videresendelse</i>, FVL § 7, stk. 2).</summary>
    public void Forward(string recipient, DateTimeOffset at, Actor by)
    {
        CaseWorkflow.EnsureAllowed(Status, CaseStatus.Forwarded);
        ForwardedTo = CaseTextFields.ForwardedTo.Required(recipient);
        ConcludedAt = at;
        Move(CaseStatus.Forwarded, at, by, $"Videresendt til {ForwardedTo}.");
    }

    public void Close(DateTimeOffset at, Actor by)
    {
        Move(CaseStatus.Closed, at, by, "Sagen er lukket.");
        ClosedAt = at;
    }

    /// <summary>Registers the advisor's first answer to the citizen (meets <see cref="FirstAnswerDue"/>).</summary>
    public void RecordFirstAnswer(DateTimeOffset at, Actor by)
    {
        if (FirstAnsweredAt is not null) return;
        FirstAnsweredAt = at;
        events.Add(new CaseEvent(at, by, "Første svar til borgeren er givet."));
    }

    /// <summary>
    /// Journalises a document on the case with the next document number. An outgoing letter meets
    /// the first-answer deadline only when <paramref name="answersCitizen"/> says it answers the
    /// citizen (see <see cref="AddLetter"/>);
    /// its title never decides that.
    /// </summary>
    public CaseDocument AddDocument(DocumentKind kind, string title, DateTimeOffset at, Actor by, string? text,
        string? fileName, string? contentType, byte[]? content, int? statementRequestId = null, bool answersCitizen = false)
    {
        EnsureNotErased();
        if (text is null && content is null)
            throw new DomainException("Et dokument skal have tekst eller en fil.");
        if (answersCitizen && kind != DocumentKind.Outgoing)
            throw new DomainException("Kun et udgående brev kan være et svar til borgeren.");
        if (answersCitizen && Citizen is null)
            throw new DomainException("Sagen har ingen borger at svare.");
        var doc = new CaseDocument(documents.Count == 0 ? 1 : documents.Max(d => d.Sequence) + 1, kind, title, at, by, text, fileName, contentType, content, statementRequestId);
        documents.Add(doc);
        if (kind != DocumentKind.Statement)
            events.Add(new CaseEvent(at, by, $"Dokument {CaseNumber.FormatDocument(Number, doc.Sequence)} journaliseret: {doc.Title}."));
        if (answersCitizen && FirstAnsweredAt is null)
            RecordFirstAnswer(at, by);
        return doc;
    }

    /// <summary>Journalises a letter written from a template; whether it answers the citizen is a property of its kind.</summary>
    public CaseDocument AddLetter(LetterKind kind, string title, DateTimeOffset at, Actor by, string? text,
        string? fileName = null, string? contentType = null, byte[]? content = null) =>
        AddDocument(DocumentKind.Outgoing, title, at, by, text, fileName, contentType, content, answersCitizen: kind.AnswersCitizen());

    /// <summary>A note (<i>notat</i>, OFL § 13). Notes are never edited; a correction is a new note that says what it corrects.</summary>
    public CaseDocument AddNote(string text, DateTimeOffset at, Actor by, int? corrects = null)
    {
        var body = CaseTextFields.Note.Required(text);
        if (corrects is { } seq && documents.All(d => d.Sequence != seq || d.Kind != DocumentKind.Note))
            throw new DomainException($"Dokument {CaseNumber.FormatDocument(Number, seq)} er ikke et notat på sagen.");
        var title = corrects is { } s ? $"Rettelse til notat {CaseNumber.FormatDocument(Number, s)}" : "Notat";
        return AddDocument(DocumentKind.Note, title, at, by, body, null, null, null);
    }

    /// <summary>The open deadlines of the case (<see cref="CaseDeadlines"/>).</summary>
    public IReadOnlyList<OpenDeadline> OpenDeadlines() => CaseDeadlines.Open(this);

    /// <summary>The citizen's status link works while the case is open and for half a year after it is closed.</summary>
    public bool StatusLinkValid(DateTimeOffset now) => ClosedAt is not { } closed || now <= closed.AddDays(183);

    /// <summary>A history line for a step kept beside the case (a legal hold, <see cref="Retention.LegalHold"/>); not for the case's own steps.</summary>
    internal void Record(DateTimeOffset at, Actor by, string text) => events.Add(new CaseEvent(at, by, text));

    /// <summary>The text that stands for the case's subject once its personal data is deleted.</summary>
    public const string ErasedSubject = "Personoplysninger slettet";

    /// <summary>
    /// Deletes the case's personal data (<i>sletning</i>, GDPR art. 5(1)(e) and 17) and leaves a pseudonymous
    /// stub. <b>The stub keeps</b>: number, year and sequence, type, channel, status, administration, unit,
    /// KLE code, categories and the rules found breached, outcome, every date (received, first answer and
    /// its deadline, concluded, closed, shared, the statement requests' dates and deadlines, each history
    /// line's time and status change) and each document's number, kind and date, so every statistic,
    /// report figure and audit result comes out the same. <b>It blanks</b>: the citizen (name, contact
    /// details, CPR), subject, description, conclusion, recommendation, summary, rejection reason,
    /// forwarding recipient, the caseworker, the status link, every document's title, text and file, every
    /// history text and name, and the statement requests' texts and names. A history line without
    /// personal data records the deletion and <paramref name="reason"/> (which must hold none either).
    /// </summary>
    /// <exception cref="DomainException">The personal data is already deleted, or the reason is missing.</exception>
    public void ErasePersonalData(DateTimeOffset at, string reason)
    {
        EnsureNotErased();
        var why = CaseTextFields.ErasureReason.Required(reason);
        Citizen = null;
        Subject = ErasedSubject;
        Description = "";
        ConclusionText = null;
        RecommendationText = null;
        Summary = null;
        RejectionReason = null;
        ForwardedTo = null;
        CaseworkerId = null;
        if (FirstAnswerExtensionReason is not null) FirstAnswerExtensionReason = "";
        if (StatusTokenHash is not null) StatusLinkRevokedAt = at;
        StatusTokenHash = null;
        ContactDetailsShared = false;
        foreach (var d in documents) d.Erase();
        foreach (var e in events) e.Erase();
        foreach (var r in statementRequests) r.Erase();
        foreach (var r in remedies) r.Erase();
        events.Add(new CaseEvent(at, Actor.System, $"Sagens personoplysninger er slettet ({why}). Tilbage er sagsnummer, type, forvaltning, enhed, KLE, kategorier, datoer og udfald."));
        PersonalDataDeletedAt = at;
    }

    private void EnsureNotErased()
    {
        if (PersonalDataDeletedAt is not null)
            throw new DomainException($"Sag {Number}s personoplysninger er slettet; sagen kan ikke ændres.");
    }

    /// <summary>The advisor involves the case's administration: from now on its contacts see the case.</summary>
    private void Involve(DateTimeOffset at)
    {
        if (IsSharedWithAdministration) return;
        SharedWithAdministrationId = AdministrationId;
        SharedAt = at;
        ContactDetailsShared = false;
    }

    /// <summary>Steps of the advisor's supervision (a statement request, a targeted effort, sharing with the administration) never happen on an administration's own case.</summary>
    private void EnsureAdvisorRegister(string what)
    {
        if (OwnerAdministrationId is not null)
            throw new DomainException($"{what} hører til Borgerrådgiverens sager, ikke til en sag i forvaltningens eget klageregister.");
    }

    private void RequireAdministration()
    {
        if (AdministrationId is null)
            throw new DomainException("Klassificér sagen med en forvaltning først.");
    }

    private void EnsureOwn(StatementRequest request)
    {
        if (!statementRequests.Contains(request))
            throw new DomainException("Anmodningen hører ikke til sagen.");
    }

    private void Move(CaseStatus to, DateTimeOffset at, Actor by, string text)
    {
        CaseWorkflow.EnsureAllowed(Status, to);
        var from = Status;
        Status = to;
        events.Add(new CaseEvent(at, by, text, from, to));
    }
}
