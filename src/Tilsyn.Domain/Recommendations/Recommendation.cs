using System.Linq.Expressions;
using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Recommendations;

/// <summary>Where a recommendation (<i>henstilling, anbefaling</i>) came from.</summary>
public enum RecommendationSource
{
    ComplaintCase = 1,
    Fokus = 2,
    CaseAudit = 3,
    AnnualReport = 4,
    /// <summary>The external auditor's notes (<i>revisionens direktionsnotater</i>).</summary>
    AuditorNote = 5,
}

public enum RecommendationStatus
{
    Open = 1,
    /// <summary>The administration has reported progress; the advisor has not closed it.</summary>
    InProgress = 2,
    /// <summary>Closed by the advisor as followed.</summary>
    Closed = 3,
}

/// <summary>A status update from the administration (or a note from the advisor), with optional evidence.</summary>
public sealed record RecommendationUpdate(DateTimeOffset At, string By, string Text, string? EvidenceFileName);

/// <summary>
/// A recommendation to an administration tracked until the advisor closes it: the administration
/// reports what it has done (with evidence); only the advisor's staff close it, with a reason.
/// </summary>
public sealed class Recommendation
{
    public static readonly TextField SourceReferenceField = new("Kilde", 200);
    public static readonly TextField TextField = new("Henstilling", 5000);
    public static readonly TextField ProgressField = new("Opfølgning", 5000);
    public static readonly TextField ClosingNoteField = new("Begrundelse for lukning", 2000);

    private readonly List<RecommendationUpdate> updates = [];

    private Recommendation() { }

    public Recommendation(RecommendationSource source, string sourceReference, int administrationId, int? unitId, string text, DateOnly due, DateTimeOffset at, string by,
        ComplaintCategory? category = null)
    {
        if (category is { } c && !Enum.IsDefined(c)) throw new DomainException("Ukendt klagekategori.");
        if (category is not null && unitId is null) throw new DomainException("Vælg enheden, henstillingen retter sig mod, før klagekategorien.");
        Source = source;
        SourceReference = SourceReferenceField.Required(sourceReference);
        AdministrationId = administrationId;
        UnitId = unitId;
        Category = category;
        Text = TextField.Required(text);
        if (due <= Tilsyn.Calendar.DanishTime.LocalDate(at)) throw new DomainException("Fristen for opfølgning skal ligge i fremtiden.");
        DueDate = due;
        CreatedAt = at;
        CreatedBy = by;
        Status = RecommendationStatus.Open;
    }

    public int Id { get; private set; }

    /// <summary>
    /// The version of the recommendation and its update history as stored: raised by one on every save that changes any of it. A form
    /// carries the version it showed, and a save based on an older version is refused (optimistic
    /// concurrency), so nobody overwrites a change they have not seen.
    /// </summary>
    public int Version { get; private set; }
    public RecommendationSource Source { get; private set; }
    public string SourceReference { get; private set; } = "";
    public int AdministrationId { get; private set; }
    /// <summary>The unit the recommendation is aimed at (<i>enhed</i>); null when it concerns the whole administration. The unit must belong to the administration (checked by the caller, which knows the tree).</summary>
    public int? UnitId { get; private set; }

    /// <summary>The complaint category it is meant to reduce (<i>klagekategori</i>), e.g. missing hearing; null when not aimed at one.</summary>
    public ComplaintCategory? Category { get; private set; }
    public string Text { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public RecommendationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosingNote { get; private set; }
    public IReadOnlyList<RecommendationUpdate> Updates => updates;

    /// <summary>The Danish date it was closed; the "did it help?" comparison is made around it.</summary>
    public DateOnly? ClosedOn => ClosedAt is { } at ? DanishTime.LocalDate(at) : null;

    /// <summary>Whether "did it help?" (<c>BeforeAfter.ForUnit</c>) can be asked: closed, and aimed at a unit and a complaint category.</summary>
    public bool HasMeasurableEffect => Status == RecommendationStatus.Closed && UnitId is not null && Category is not null;

    /// <summary>
    /// The advisor's staff aim the recommendation at a unit and a complaint category (or take the aim away), so the register
    /// can measure its effect; allowed while it is open and after it is closed (the aim does not change what was recommended).
    /// A category needs a unit: the effect is measured on a unit's complaints.
    /// </summary>
    public void AimAt(int? unitId, ComplaintCategory? category, DateTimeOffset at, string by)
    {
        if (category is { } c && !Enum.IsDefined(c)) throw new DomainException("Ukendt klagekategori.");
        if (category is not null && unitId is null) throw new DomainException("Vælg enheden, henstillingen retter sig mod, før klagekategorien.");
        if (unitId == UnitId && category == Category) throw new DomainException("Henstillingen retter sig allerede mod denne enhed og kategori.");
        UnitId = unitId;
        Category = category;
        updates.Add(new RecommendationUpdate(at, by, category is { } k ? $"Rettet mod en enhed og klagekategorien {ComplaintCategories.Name(k)}." : unitId is null ? "Ikke længere rettet mod en enhed." : "Rettet mod en enhed.", null));
    }

    public bool IsOverdue(DateOnly today) => Status != RecommendationStatus.Closed && today > DueDate;

    /// <summary><see cref="IsOverdue"/> as an expression a database can run.</summary>
    public static Expression<Func<Recommendation, bool>> OverdueOn(DateOnly today) => r => r.Status != RecommendationStatus.Closed && r.DueDate < today;

    /// <summary>The administration reports what it has done; evidence is the name of a journalised file, if any.</summary>
    public void ReportProgress(string text, string? evidenceFileName, DateTimeOffset at, string by)
    {
        if (Status == RecommendationStatus.Closed) throw new DomainException("Henstillingen er lukket.");
        updates.Add(new RecommendationUpdate(at, by, ProgressField.Required(text), evidenceFileName));
        Status = RecommendationStatus.InProgress;
    }

    public void Close(string note, DateTimeOffset at, string by)
    {
        if (Status == RecommendationStatus.Closed) throw new DomainException("Henstillingen er allerede lukket.");
        ClosingNote = ClosingNoteField.Required(note);
        ClosedAt = at;
        Status = RecommendationStatus.Closed;
        updates.Add(new RecommendationUpdate(at, by, $"Lukket: {ClosingNote}", null));
    }

    /// <summary>What a reference to one of the advisor's cases is shown as to a user who may not see that case.</summary>
    public const string HiddenCaseReference = "en af Borgerrådgiverens sager (ikke delt med forvaltningen)";

    /// <summary>
    /// The source reference as shown to a user: a complaint case's number only to whom may see the
    /// case (need-to-know: a recommendation aimed at an administration does not reveal the number of
    /// a case the advisor has not shared with it); other sources as written.
    /// </summary>
    public static string ShownReference(RecommendationSource source, string reference, bool caseVisibleToUser) =>
        source == RecommendationSource.ComplaintCase && !caseVisibleToUser ? HiddenCaseReference : reference;

    public static string Name(RecommendationSource s) => s switch
    {
        RecommendationSource.ComplaintCase => "Klagesag",
        RecommendationSource.Fokus => "FOKUS",
        RecommendationSource.CaseAudit => "Sagsaudit",
        RecommendationSource.AnnualReport => "Beretning",
        RecommendationSource.AuditorNote => "Revisionens direktionsnotat",
        _ => s.ToString(),
    };

    public static string Name(RecommendationStatus s) => s switch
    {
        RecommendationStatus.Open => "Åben",
        RecommendationStatus.InProgress => "Under opfølgning",
        RecommendationStatus.Closed => "Lukket",
        _ => s.ToString(),
    };
}
