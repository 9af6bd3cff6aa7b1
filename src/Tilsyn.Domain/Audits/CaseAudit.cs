namespace Tilsyn.Audits;

/// <summary>
/// A case audit (<i>sagsaudit</i>): a population, a design and a recorded seed; the drawn sample is
/// stored with it, so the audit never changes when more data is imported, and anyone can redraw it.
/// Answers are recorded only through <see cref="Record"/>, which checks who may answer and what.
/// </summary>
public sealed class CaseAudit
{
    /// <summary>The largest sample one audit draws.</summary>
    public const int MaxSampleSize = 2000;

    /// <summary>The audit's title (<i>titel</i>).</summary>
    public static readonly TextField TitleField = new("Titel", 200);

    /// <summary>The auditor's comment to one answer (<i>bemærkning</i>).</summary>
    public static readonly TextField CommentField = new("Bemærkning", 2000);

    private List<AuditStratum> strata = [];

    private CaseAudit() { }

    /// <summary>
    /// Records a drawn audit. <paramref name="ownership"/> comes from <see cref="CaseAuditAccess.OwnershipFor"/>;
    /// the plan is checked again here (<see cref="CheckPlan"/>), so no audit exists that breaks it.
    /// </summary>
    public CaseAudit(string title, AuditOwnership ownership, PopulationSource source, int? extractId, string? extractLabel, PopulationFilter filter,
        StratifyBy stratifyBy, SampleDesign design, long seed, long populationSize, IReadOnlyList<AuditStratum> strata, int sampleSize,
        DateTimeOffset createdAt, string createdBy)
    {
        CheckPlan(title, stratifyBy, design, sampleSize, filter.OpenedFrom, filter.OpenedTo);
        if (filter.AdministrationId != ownership.AdministrationId)
            throw new DomainException("Forvaltning: du kan kun auditere din egen forvaltnings sager.");
        if (source == PopulationSource.Extract && extractId is null) throw new DomainException("Dataudtræk: vælg et importeret dataudtræk.");
        Title = TitleField.Required(title);
        OwnerAdministrationId = ownership.Owner;
        Source = source;
        ExtractId = source == PopulationSource.Extract ? extractId : null;
        ExtractLabel = source == PopulationSource.Extract ? extractLabel : null;
        AdministrationId = filter.AdministrationId;
        UnitId = filter.UnitId;
        KleGroup = Blank(filter.KleGroup);
        CaseType = Blank(filter.CaseType);
        OpenedFrom = filter.OpenedFrom;
        OpenedTo = filter.OpenedTo;
        StratifyBy = stratifyBy;
        Design = design;
        Seed = seed;
        PopulationSize = populationSize;
        this.strata = [.. strata];
        SampleSize = sampleSize;
        ChecklistVersion = AuditChecklist.Current.Version;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Who runs it: null = the citizens' advisor; otherwise the administration's own quality unit.</summary>
    public int? OwnerAdministrationId { get; private set; }
    public PopulationSource Source { get; private set; }
    public int? ExtractId { get; private set; }
    public string? ExtractLabel { get; private set; }
    /// <summary>The administration whose cases are audited; null = the whole municipality.</summary>
    public int? AdministrationId { get; private set; }
    public int? UnitId { get; private set; }
    public string? KleGroup { get; private set; }
    public string? CaseType { get; private set; }
    public DateOnly? OpenedFrom { get; private set; }
    public DateOnly? OpenedTo { get; private set; }
    public StratifyBy StratifyBy { get; private set; }
    public SampleDesign Design { get; private set; }
    public int SampleSize { get; private set; }
    public long Seed { get; private set; }
    public int ChecklistVersion { get; private set; }
    public long PopulationSize { get; private set; }
    /// <summary>Per stratum: key, label, population size N_h and sample size n_h.</summary>
    public IReadOnlyList<AuditStratum> Strata => strata;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>The design the audit was drawn with (its two stored parts together).</summary>
    public AuditDesign? DrawnWith => AuditDesigns.Of(StratifyBy, Design);

    public PopulationFilter Filter => new(AdministrationId, UnitId, KleGroup, CaseType, OpenedFrom, OpenedTo);

    /// <summary>The checklist version the audit was carried out with.</summary>
    public AuditChecklist Checklist => AuditChecklist.ByVersion(ChecklistVersion) ?? AuditChecklist.Current;

    /// <summary>How the register refers to the audit (a finding's recommendation starts with it).</summary>
    public string Reference => $"Sagsaudit #{Id}";

    /// <summary>Two audits are of the same population when source and filter agree apart from the period (the next year's audit of the same area).</summary>
    public bool SamePopulationAs(CaseAudit other) =>
        Source == other.Source && AdministrationId == other.AdministrationId && UnitId == other.UnitId
        && string.Equals(KleGroup ?? "", other.KleGroup ?? "", StringComparison.Ordinal)
        && string.Equals(CaseType ?? "", other.CaseType ?? "", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Checks what the user asked for before the (expensive) draw: a title, a sample of 1 to
    /// <see cref="MaxSampleSize"/> cases, a design that fits the stratification, and a period that does not end before it starts.
    /// </summary>
    public static void CheckPlan(string? title, StratifyBy stratifyBy, SampleDesign design, int sampleSize, DateOnly? openedFrom, DateOnly? openedTo)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Titel: skriv en titel for auditten.");
        TitleField.Required(title);
        if (sampleSize is < 1 or > MaxSampleSize) throw new DomainException($"Stikprøvestørrelse: skal være mellem 1 og {MaxSampleSize}.");
        if (AuditDesigns.Of(stratifyBy, design) is null)
            throw new DomainException("Design: vælg simpel tilfældig udvælgelse uden opdeling, eller opdel efter enhed eller sagstype med proportional eller lige fordeling.");
        if (openedFrom is { } f && openedTo is { } t && t < f) throw new DomainException("Periode: slutdatoen ligger før startdatoen.");
    }

    /// <summary>The drawn population must hold cases, and at least as many as the sample asks for.</summary>
    /// <exception cref="DomainException">The population is empty or smaller than the sample.</exception>
    public static void CheckSample(int sampleSize, long populationSize)
    {
        if (populationSize == 0) throw new DomainException("Population: ingen sager matcher udvælgelsen.");
        if (sampleSize > populationSize)
            throw new DomainException($"Stikprøvestørrelse: populationen har kun {populationSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", ".")} sager.");
    }

    /// <summary>
    /// Records the answers for one sampled case of this audit: only by those who may answer it
    /// (<see cref="CaseAuditAccess.MayAnswer"/>), only for a case drawn in this audit, only the
    /// checklist's questions with one of its three answers. A blank comment is no comment.
    /// </summary>
    public void Record(SampledCase sampled, IReadOnlyDictionary<string, AuditCell> answers, CaseAuditAccess access, DateTimeOffset at, string by)
    {
        if (!access.MayAnswer(this)) throw new DomainException("Du kan ikke registrere svar i denne audit.");
        if (sampled.AuditId != Id) throw new DomainException($"Sagen {sampled.CaseKey} er ikke udtrukket i denne audit.");
        var checklist = Checklist;
        var cells = new Dictionary<string, AuditCell>(StringComparer.Ordinal);
        foreach (var (key, cell) in answers)
        {
            var question = checklist.Questions.FirstOrDefault(q => q.Key == key) ?? throw new DomainException($"Ukendt spørgsmål: {key}.");
            if (!Enum.IsDefined(cell.Answer)) throw new DomainException($"{question.Text}: ugyldigt svar.");
            cells[key] = cell with { Comment = CommentField.Optional(cell.Comment) };
        }
        sampled.Answer(cells, at, by);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
