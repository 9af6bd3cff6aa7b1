namespace Tilsyn.Audits;

/// <summary>
/// One case drawn for an audit (<i>udtrukket sag</i>) and the auditor's answers to the checklist.
/// The case's facts are fixed when it is drawn; answers change only through <see cref="CaseAudit.Record"/>.
/// </summary>
public sealed class SampledCase
{
    private Dictionary<string, AuditCell> answers = [];

    private SampledCase() { }

    public SampledCase(int auditId, string stratum, PopulationCase drawn, string unitName)
    {
        AuditId = auditId;
        CaseKey = drawn.Key;
        Stratum = stratum;
        AdministrationId = drawn.AdministrationId;
        UnitId = drawn.UnitId;
        UnitName = unitName;
        CaseType = drawn.CaseType;
        KleGroup = drawn.KleGroup;
        Opened = drawn.Opened;
        Decided = drawn.Decided;
    }

    public long Id { get; private set; }

    /// <summary>
    /// The version of the answers for this sampled case as stored: raised by one on every save that changes any of it. A form
    /// carries the version it showed, and a save based on an older version is refused (optimistic
    /// concurrency), so nobody overwrites a change they have not seen.
    /// </summary>
    public int Version { get; private set; }
    public int AuditId { get; private set; }
    /// <summary>The case id in the source system.</summary>
    public string CaseKey { get; private set; } = "";
    public string Stratum { get; private set; } = "";
    public int AdministrationId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public string CaseType { get; private set; } = "";
    public string? KleGroup { get; private set; }
    public DateOnly Opened { get; private set; }
    public DateOnly? Decided { get; private set; }
    /// <summary>Per checklist question key: the answer and its comment.</summary>
    public IReadOnlyDictionary<string, AuditCell> Answers => answers;
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }

    /// <summary>Replaces the answers; the audit has checked them (<see cref="CaseAudit.Record"/>).</summary>
    internal void Answer(Dictionary<string, AuditCell> answers, DateTimeOffset at, string by)
    {
        this.answers = answers;
        AnsweredAt = at;
        AnsweredBy = by;
    }
}
