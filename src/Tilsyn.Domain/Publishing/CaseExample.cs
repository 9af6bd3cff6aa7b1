using Tilsyn.Anonymisation;
using Tilsyn.Complaints;
using Tilsyn.Organisation;

namespace Tilsyn.Publishing;

/// <summary>
/// An anonymised case summary (<i>sagseksempel</i>): an example for a report and an entry in the
/// learning library. Its text is changed only through its <see cref="AnonymisationReview"/>; it is
/// published (with a report or to the library) only once every personal-data finding is resolved
/// or confirmed by a person, and a published example is frozen (<see cref="EnsureNotPublished"/>).
/// </summary>
public sealed class CaseExample
{
    public static readonly TextField TitleField = new("Titel", 200);
    public static readonly TextField SummaryField = new("Resumé", 20_000);

    /// <summary>The anonymisation review (text, findings and their states) as stored.</summary>
    private AnonymisationSnapshot review = null!;

    private CaseExample() { }

    /// <summary>A new summary with its review started; <paramref name="title"/> is refused if empty or too long.</summary>
    public CaseExample(string? title, AnonymisationReview review, int year, DateTimeOffset at, string by,
        int? caseId = null, int? auditId = null, int? administrationId = null, string? legalRule = null, string? kleGroup = null, string? outcome = null)
    {
        Title = TitleField.Required(title);
        Store(review);
        (Year, CreatedAt, CreatedBy, CaseId, AuditId, AdministrationId, LegalRule, KleGroup, Outcome) =
            (year, at, by, caseId, auditId, administrationId, legalRule, kleGroup, outcome);
    }

    /// <summary>
    /// A summary of a concluded case, scanned with the citizen's name and the case number as known
    /// personal data. <paramref name="year"/> is the (Copenhagen) year the case was concluded.
    /// <paramref name="organisationNames"/> (the administrations', committees' and units' names) are public:
    /// they are never taken for a person's name.
    /// </summary>
    public static CaseExample FromCase(ComplaintCase c, int year, DateTimeOffset at, string by, IEnumerable<string>? organisationNames = null)
    {
        if (!CaseTypes.IsSupervision(c.Type))
            throw new DomainException($"En {CaseTexts.Name(c.Type).ToLowerInvariant()} er ikke en tilsynssag og kan ikke bruges som eksempel.");
        if (c.Outcome is not { } outcome) throw new DomainException("Kun afsluttede sager kan bruges som eksempel.");
        if (c.PersonalDataDeletedAt is not null) throw new DomainException("Sagens oplysninger er slettet; den kan ikke bruges som eksempel.");
        var text = c.Summary ?? c.ConclusionText ?? "";
        var breached = c.Categories.Where(x => x.Breached).Select(x => ComplaintCategories.Info(x.Category)).FirstOrDefault(i => i.IsFormal)
            ?? c.Categories.Select(x => ComplaintCategories.Info(x.Category)).FirstOrDefault();
        var parties = c.Citizen is { } citizen ? new[] { citizen.Name } : [];
        var kleGroup = c.KleCode is not null && KleCode.TryParse(c.KleCode, out var k) ? (k.Value.Group ?? k.Value.MainGroup).Value : null;
        return new CaseExample($"{breached?.Name ?? "Sag"}: {CaseTexts.Name(outcome)}", AnonymisationReview.Start(text, new ScanContext(parties, c.Number, organisationNames)), year, at, by,
            caseId: c.Id, administrationId: c.AdministrationId, legalRule: breached?.LegalRule, kleGroup: kleGroup, outcome: CaseTexts.Name(outcome));
    }

    public int Id { get; private set; }
    public int? CaseId { get; private set; }
    public int? AuditId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>True when every finding of the review is replaced or confirmed.</summary>
    public bool Resolved { get; private set; }

    /// <summary>The year's report it is chosen for, if any.</summary>
    public int? ReportYear { get; private set; }
    public bool InLibrary { get; private set; }

    /// <summary>The anonymised text, set only when published.</summary>
    public string? PublishedText { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public int? AdministrationId { get; private set; }
    public string? LegalRule { get; private set; }
    public string? KleGroup { get; private set; }
    public int Year { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>The published title and text, stemmed (Danish), for the library's full-text search.</summary>
    public string SearchText { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public bool IsPublished => PublishedAt is not null;

    /// <summary>The review as stored, to show its findings.</summary>
    /// <exception cref="DomainException">The stored findings do not fit the stored text.</exception>
    public AnonymisationReview Review() => AnonymisationReview.Restore(review);

    /// <summary>The text a report or the library shows: as published, or (in a draft) with the replacements decided so far.</summary>
    public string AnonymisedText => PublishedText ?? Review().Result;

    /// <summary>The freeze rule of an example: once published its title, text and review stay as published.</summary>
    public void EnsureNotPublished()
    {
        if (IsPublished) throw new DomainException("Eksemplet er offentliggjort og kan ikke ændres.");
    }

    /// <summary>Applies a decision to the review (replace, confirm, replace all).</summary>
    /// <exception cref="DomainException">The example is published, or the finding no longer exists.</exception>
    public void ChangeReview(Action<AnonymisationReview> change)
    {
        EnsureNotPublished();
        var r = Review();
        try
        {
            change(r);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A finding index from a page that was open while the text was edited elsewhere.
            throw new DomainException("Fundet findes ikke længere; siden er opdateret.");
        }
        Store(r);
    }

    /// <summary>A new title and text; the text is scanned again, keeping the decisions about the same findings.</summary>
    public void Edit(string? title, string? text)
    {
        EnsureNotPublished();
        var t = TitleField.Required(title);
        var summary = SummaryField.Optional(text) ?? "";
        ChangeReview(r => r.Edit(summary));
        Title = t;
    }

    /// <summary>
    /// Chooses the example for the report of <paramref name="year"/> (null takes it out). <paramref name="report"/>
    /// is that year's report if it has been started: a published report is frozen.
    /// </summary>
    public void ChooseFor(int? year, AnnualReport? report)
    {
        if (report is not null && report.Year != year) throw new DomainException($"Beretningen er for {report.Year}, ikke {year}.");
        report?.EnsureDraft();
        ReportYear = year;
    }

    /// <summary>Publishes to the learning library; <paramref name="searchIndex"/> turns title, text, rule and outcome into the stored search text.</summary>
    /// <exception cref="DomainException">A finding is unresolved.</exception>
    public void PublishToLibrary(DateTimeOffset at, Func<string?[], string> searchIndex)
    {
        MarkPublished(at);
        InLibrary = true;
        SearchText = searchIndex([Title, PublishedText, LegalRule, Outcome]);
    }

    /// <summary>Published with its report (<see cref="AnnualReport.Publish"/>); an example already published keeps its text and time.</summary>
    internal void PublishWith(AnnualReport report, DateTimeOffset at)
    {
        if (ReportYear != report.Year) throw new DomainException($"Sagseksemplet \"{Title}\" er ikke valgt til beretning {report.Year}.");
        MarkPublished(at);
    }

    /// <summary>
    /// The case the example was made from has had its personal data deleted: a published example keeps
    /// exactly its published title and text (reports and the library do not change), but its review, which
    /// holds the case's original text and the parties' names, is replaced by the published text with no
    /// findings. A draft is never kept: the caller deletes it (it is the case's unreviewed text).
    /// </summary>
    /// <exception cref="DomainException">The example is not published.</exception>
    public void ForgetSource()
    {
        if (PublishedText is not { } text) throw new DomainException("Et upubliceret eksempel slettes sammen med sagens personoplysninger.");
        review = new AnonymisationSnapshot(text, [], null, [], []);
        Resolved = true;
    }

    private void MarkPublished(DateTimeOffset at)
    {
        var r = Review();
        r.EnsurePublishable();
        PublishedText ??= r.Result;
        PublishedAt ??= at;
    }

    private void Store(AnonymisationReview r)
    {
        review = r.Snapshot();
        Resolved = r.IsResolved;
    }
}
