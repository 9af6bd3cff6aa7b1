using Tilsyn.Complaints;

namespace Tilsyn.DocumentAccess;

/// <summary>
/// The caseworker's work on a request for access to documents (<i>aktindsigt</i>, OFL): which of
/// the advisor's cases it concerns, which of their documents are chosen, which passages are removed
/// (<see cref="Redactions"/>) and which documents are withheld, each under a named rule, and the
/// decision. Belongs to one case of type <see cref="CaseType.DocumentAccessRequest"/>. Once decided
/// it is frozen: the decision letter and the released documents have gone out.
/// </summary>
public sealed class DocumentAccessRequest
{
    /// <summary>The most cases one request may name here (a larger request is split or refused as too broad).</summary>
    public const int MaxCases = 20;

    private List<string> cases = [];
    private List<ReleaseItem> items = [];
    private List<ExemptionGround> refusalGrounds = [];

    private DocumentAccessRequest() { }

    public DocumentAccessRequest(ComplaintCase requestCase)
    {
        if (requestCase.Type != CaseType.DocumentAccessRequest)
            throw new DomainException($"Sagen er en {CaseTexts.Name(requestCase.Type).ToLowerInvariant()}, ikke en anmodning om aktindsigt.");
        CaseId = requestCase.Id;
        RequestCaseNumber = requestCase.Number;
    }

    public int Id { get; private set; }

    /// <summary>The <i>aktindsigt</i> case this work belongs to.</summary>
    public int CaseId { get; private set; }
    public string RequestCaseNumber { get; private set; } = "";

    /// <summary>Raised on every save (optimistic concurrency, as on the case).</summary>
    public int Version { get; private set; }

    public AccessDecision? Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>The number, on the request case, of the journalised PDF of the released documents; null before the decision or when nothing was released.</summary>
    public int? ReleaseDocumentSequence { get; private set; }

    /// <summary>The case numbers the request concerns, in the order named.</summary>
    public IReadOnlyList<string> Cases => cases;
    public IReadOnlyList<ReleaseItem> Items => items;

    /// <summary>Rules cited for a refusal beyond those on withheld documents (e.g. a whole case under OFL § 21).</summary>
    public IReadOnlyList<ExemptionGround> RefusalGrounds => refusalGrounds;

    public bool IsDecided => Decision is not null;

    /// <summary>Every rule the decision rests on: those on withheld or redacted documents and those given for a refusal.</summary>
    public IReadOnlyList<ExemptionGround> Grounds =>
        items.Where(i => i.Withheld || i.IsRedacted).Select(i => i.Ground!.Value).Concat(refusalGrounds).Distinct().Order().ToList();

    public ReleaseItem? Item(string caseNumber, int sequence) => items.FirstOrDefault(i => i.CaseNumber == caseNumber && i.Sequence == sequence);

    /// <summary>Names a case the request concerns; the caller has checked that it exists.</summary>
    public void Concern(string caseNumber)
    {
        EnsureUndecided();
        var number = (caseNumber ?? "").Trim();
        if (!CaseNumber.TryParse(number, out _, out _))
            throw new DomainException("Skriv sagsnummeret som ÅÅÅÅ-NNNNNNN, fx 2026-0000012.");
        if (number == RequestCaseNumber)
            throw new DomainException("Anmodningen kan ikke angå sin egen aktindsigtssag.");
        if (cases.Contains(number)) throw new DomainException($"Sag {number} er allerede med.");
        if (cases.Count >= MaxCases) throw new DomainException($"En anmodning kan her højst angå {MaxCases} sager.");
        cases.Add(number);
    }

    /// <summary>Takes a case out again, with the documents chosen from it.</summary>
    public void Unconcern(string caseNumber)
    {
        EnsureUndecided();
        if (!cases.Remove(caseNumber)) throw new DomainException($"Sag {caseNumber} er ikke med i anmodningen.");
        items.RemoveAll(i => i.CaseNumber == caseNumber);
    }

    /// <summary>Chooses a document of a named case for release. A file Tilsyn cannot put into the PDF can only be withheld.</summary>
    public void Choose(string caseNumber, int sequence, DocumentForm form)
    {
        EnsureUndecided();
        EnsureConcerns(caseNumber);
        if (Item(caseNumber, sequence) is not null) throw new DomainException($"Dokument {sequence} i sag {caseNumber} er allerede valgt.");
        if (form == DocumentForm.OtherFile)
            throw new DomainException("Filen kan ikke samles i PDF'en med de udleverede dokumenter (kun tekst, PDF, JPEG og PNG). Udlever den særskilt, eller undtag den med en hjemmel.");
        items.Add(new ReleaseItem(caseNumber, sequence, form));
    }

    /// <summary>Withholds a whole document (<i>undtaget</i>) under a rule; it is then listed, not released.</summary>
    public void Withhold(string caseNumber, int sequence, DocumentForm form, ExemptionGround ground)
    {
        EnsureUndecided();
        EnsureConcerns(caseNumber);
        EnsureKnown(ground);
        var item = Item(caseNumber, sequence);
        var withheld = (item ?? new ReleaseItem(caseNumber, sequence, form)) with { Withheld = true, Ground = ground, TitleSpans = [], TextSpans = [] };
        Replace(item, withheld);
    }

    /// <summary>Takes a document out of the request (neither released nor listed).</summary>
    public void Unchoose(string caseNumber, int sequence)
    {
        EnsureUndecided();
        var item = Item(caseNumber, sequence) ?? throw new DomainException($"Dokument {sequence} i sag {caseNumber} er ikke valgt.");
        items.Remove(item);
    }

    /// <summary>
    /// Removes passages from a chosen document's title and text under a rule (added to the passages
    /// already removed). A file has no text Tilsyn can redact: it is released whole or withheld.
    /// </summary>
    public void Redact(string caseNumber, int sequence, ExemptionGround ground,
        int titleLength, IEnumerable<RedactionSpan> titleSpans, int? textLength, IEnumerable<RedactionSpan> textSpans)
    {
        EnsureUndecided();
        EnsureKnown(ground);
        var item = Item(caseNumber, sequence) ?? throw new DomainException($"Vælg dokument {sequence} i sag {caseNumber}, før der markeres overstregninger.");
        if (item.Withheld) throw new DomainException("Dokumentet er undtaget i sin helhed; der er intet at overstrege.");
        var textList = textSpans.ToList();
        if (item.Form != DocumentForm.Text && textList.Count > 0)
            throw new DomainException("Dokumentet er en fil; en fil kan ikke overstreges i Tilsyn. Udlever den helt, eller undtag den med en hjemmel.");
        if (item.Ground is { } earlier && item.IsRedacted && earlier != ground)
            throw new DomainException($"Dokumentets overstregninger har allerede hjemmel i {earlier.Rule()}; fjern dem først for at bruge en anden hjemmel.");
        var title = Redactions.Of(titleLength, item.TitleSpans).With(titleSpans);
        var text = textLength is { } n ? Redactions.Of(n, item.TextSpans).With(textList) : Redactions.None(0);
        if (title.IsEmpty && text.IsEmpty) throw new DomainException("Angiv mindst én tekst eller ét tegninterval, der skal overstreges.");
        Replace(item, item with { Ground = ground, TitleSpans = [.. title.Spans], TextSpans = [.. text.Spans] });
    }

    /// <summary>Removes a document's redactions (and releases a withheld document in full).</summary>
    public void ClearRedactions(string caseNumber, int sequence)
    {
        EnsureUndecided();
        var item = Item(caseNumber, sequence) ?? throw new DomainException($"Dokument {sequence} i sag {caseNumber} er ikke valgt.");
        if (item.Withheld && item.Form == DocumentForm.OtherFile)
            throw new DomainException("Filen kan ikke samles i PDF'en; den kan kun undtages eller tages ud af anmodningen.");
        Replace(item, item with { Withheld = false, Ground = null, TitleSpans = [], TextSpans = [] });
    }

    /// <summary>
    /// The decision (<i>afgørelse</i>), which must agree with what was chosen: full access releases
    /// every chosen document without redactions; partial access releases some and withholds or redacts
    /// some; a refusal releases nothing and names its rule (FVL § 22, § 24: a refusal gives its legal basis).
    /// </summary>
    public void Decide(AccessDecision decision, IEnumerable<ExemptionGround> extraGrounds, DateTimeOffset at, string by)
    {
        EnsureUndecided();
        if (cases.Count == 0) throw new DomainException("Angiv først, hvilken sag anmodningen angår.");
        var extra = extraGrounds.Distinct().ToList();
        foreach (var g in extra) EnsureKnown(g);
        var released = items.Count(i => i.IsReleased);
        var limited = items.Any(i => i.Withheld || i.IsRedacted);
        switch (decision)
        {
            case AccessDecision.Granted:
                if (released == 0) throw new DomainException("Vælg de dokumenter, der gives aktindsigt i.");
                if (limited || extra.Count > 0)
                    throw new DomainException("Der er undtaget dokumenter eller overstregede passager; afgørelsen er da delvis aktindsigt.");
                break;
            case AccessDecision.PartlyGranted:
                if (released == 0) throw new DomainException("Intet dokument udleveres; afgørelsen er da et afslag.");
                if (!limited && extra.Count == 0) throw new DomainException("Intet er undtaget eller overstreget; afgørelsen er da fuld aktindsigt.");
                break;
            case AccessDecision.Refused:
                if (released > 0) throw new DomainException("Der er valgt dokumenter til udlevering; et afslag udleverer intet. Undtag dem, eller vælg delvis aktindsigt.");
                if (!limited && extra.Count == 0) throw new DomainException("Et afslag skal have en hjemmel: vælg den regel, afslaget bygger på.");
                break;
            default:
                throw new DomainException("Vælg en afgørelse.");
        }
        refusalGrounds = extra;
        Decision = decision;
        DecidedAt = at;
        DecidedBy = by;
    }

    /// <summary>Records where the released documents were journalised (after the decision).</summary>
    public void RecordRelease(int documentSequence)
    {
        if (!IsDecided) throw new DomainException("Dokumenterne udleveres først med afgørelsen.");
        if (ReleaseDocumentSequence is not null) throw new DomainException("Dokumenterne er allerede udleveret.");
        ReleaseDocumentSequence = documentSequence;
    }

    private void Replace(ReleaseItem? old, ReleaseItem now)
    {
        var i = old is null ? -1 : items.IndexOf(old);
        if (i < 0) items.Add(now);
        else items[i] = now;
    }

    private void EnsureConcerns(string caseNumber)
    {
        if (!cases.Contains(caseNumber)) throw new DomainException($"Sag {caseNumber} er ikke med i anmodningen; tilføj sagen først.");
    }

    private static void EnsureKnown(ExemptionGround g)
    {
        if (!Enum.IsDefined(g)) throw new DomainException("Vælg en hjemmel fra listen.");
    }

    private void EnsureUndecided()
    {
        if (IsDecided) throw new DomainException($"Der er truffet afgørelse ({Decision!.Value.Name().ToLowerInvariant()}); anmodningen kan ikke ændres.");
    }
}
