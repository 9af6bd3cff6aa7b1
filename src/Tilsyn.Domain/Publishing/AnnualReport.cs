namespace Tilsyn.Publishing;

/// <summary>
/// The advisor's annual report (<i>Beretning</i>) for a year: the advisor's own texts (Markdown) while
/// it is a draft; once published, the PDF, DOCX and page are stored and served exactly as published.
/// A published report is frozen: <see cref="EnsureDraft"/> is the one rule, and every change to the
/// report, its recommendations or the choice of its case examples goes through it.
/// </summary>
public sealed class AnnualReport
{
    public static readonly TextField ForewordField = new("Forord", 50_000);
    public static readonly TextField ThemesField = new("Temaer", 50_000);
    public static readonly TextField RecommendationsTextField = new("Anbefalinger", 50_000);

    private AnnualReport() { }

    /// <summary>Starts the draft of a year's report.</summary>
    public AnnualReport(int year, DateTimeOffset at, string by)
    {
        if (year is < 2000 or > 2100) throw new DomainException("År: vælg et år mellem 2000 og 2100.");
        Year = year;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    /// <summary>How the register refers to a year's report: its recommendations carry this as their source reference.</summary>
    public static string Reference(int year) => $"Beretning {year}";

    public int Id { get; private set; }

    /// <summary>
    /// The version of the report's texts and its publication as stored: raised by one on every save that changes any of it. A form
    /// carries the version it showed, and a save based on an older version is refused (optimistic
    /// concurrency), so nobody overwrites a change they have not seen.
    /// </summary>
    public int Version { get; private set; }
    public int Year { get; private set; }

    /// <summary>The advisor's foreword (<i>forord</i>), Markdown.</summary>
    public string Foreword { get; private set; } = "";

    /// <summary>The year's themes (<i>temaer</i>), Markdown.</summary>
    public string Themes { get; private set; } = "";

    /// <summary>The text before the table of recommendations (<i>anbefalinger</i>), Markdown.</summary>
    public string RecommendationsText { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public string? PublishedHtml { get; private set; }
    public byte[]? PublishedPdf { get; private set; }
    public byte[]? PublishedDocx { get; private set; }
    public bool IsPublished => PublishedAt is not null;

    /// <summary>Who sees the report: a published one everybody logged in; a draft only the advisor's staff.</summary>
    public bool MaySee(bool isAdvisorStaff) => MaySee(PublishedAt, isAdvisorStaff);

    /// <summary>The same rule as <see cref="MaySee(bool)"/> for a report known only by its publication time (lists).</summary>
    public static bool MaySee(DateTimeOffset? publishedAt, bool isAdvisorStaff) => publishedAt is not null || isAdvisorStaff;

    /// <summary>The freeze rule: a published report (its texts, recommendations and examples) is never changed.</summary>
    /// <exception cref="DomainException">The report is published.</exception>
    public void EnsureDraft()
    {
        if (IsPublished) throw new DomainException($"Beretning {Year} er offentliggjort og kan ikke ændres.");
    }

    /// <summary>Stores the advisor's own texts; an empty text is allowed (the report shows "(Ingen tekst.)").</summary>
    public void EditTexts(string? foreword, string? themes, string? recommendations, DateTimeOffset at, string by)
    {
        EnsureDraft();
        var f = ForewordField.Optional(foreword) ?? "";
        var t = ThemesField.Optional(themes) ?? "";
        var r = RecommendationsTextField.Optional(recommendations) ?? "";
        (Foreword, Themes, RecommendationsText, UpdatedAt, UpdatedBy) = (f, t, r, at, by);
    }

    /// <summary>A recommendation to one administration; it enters the register when the report is published.</summary>
    public ReportRecommendation AddRecommendation(int administrationId, string? text, DateOnly? due, DateOnly today)
    {
        EnsureDraft();
        return new ReportRecommendation(Year, administrationId, text, due, today);
    }

    /// <summary>Checks that a recommendation of this draft may be removed (the caller deletes it).</summary>
    public void RemoveRecommendation(ReportRecommendation recommendation)
    {
        EnsureDraft();
        if (recommendation.Year != Year) throw new DomainException($"Anbefalingen hører ikke til beretning {Year}.");
        if (recommendation.RecommendationId is not null) throw new DomainException("Anbefalingen er allerede i registret og kan ikke fjernes.");
    }

    /// <summary>
    /// Checks that the report can be published with the case examples chosen for it: it is a draft,
    /// and every example's personal-data findings are resolved.
    /// </summary>
    public void EnsurePublishable(IEnumerable<CaseExample> chosen)
    {
        EnsureDraft();
        if (chosen.FirstOrDefault(e => e.ReportYear != Year) is { } other)
            throw new DomainException($"Sagseksemplet \"{other.Title}\" er ikke valgt til beretning {Year}.");
        if (chosen.FirstOrDefault(e => !e.Resolved) is { } unresolved)
            throw new DomainException($"Beretningen kan ikke offentliggøres: sagseksemplet \"{unresolved.Title}\" har uafklarede personoplysninger.");
    }

    /// <summary>
    /// Publishes: the chosen examples are published with it, the outputs (rendered before, from the
    /// draft as it is now) are stored, and the report is frozen.
    /// The report's recommendations are put in the register by the caller (<see cref="ReportRecommendation.ToRegister"/>).
    /// </summary>
    /// <exception cref="DomainException">Published already, an example is unresolved, or the texts or examples changed after the outputs were rendered.</exception>
    public void Publish(IReadOnlyList<CaseExample> chosen, ReportOutputs outputs, DateTimeOffset at, string by)
    {
        EnsurePublishable(chosen);
        if (outputs.DraftUpdatedAt != UpdatedAt || !outputs.ExampleIds.Order().SequenceEqual(chosen.Select(e => e.Id).Order()))
            throw new DomainException("Beretningen er ændret, mens den blev offentliggjort. Prøv igen.");
        foreach (var example in chosen) example.PublishWith(this, at);
        PublishedHtml = outputs.Html;
        PublishedPdf = outputs.Pdf;
        PublishedDocx = outputs.Docx;
        PublishedAt = at;
        PublishedBy = by;
    }
}
