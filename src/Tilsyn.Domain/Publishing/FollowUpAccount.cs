using Tilsyn.Recommendations;

namespace Tilsyn.Publishing;

/// <summary>
/// An administration's account to its committee (<i>redegørelse</i>) of how it followed up the
/// year's report: a draft it edits, then submits once; submitting adds the account to each of the
/// report's open recommendations in the register. A submitted account is frozen (<see cref="EnsureDraft"/>).
/// </summary>
public sealed class FollowUpAccount
{
    public static readonly TextField CommitteeField = new("Udvalg", 200);
    public static readonly TextField IntroductionField = new("Indledning", 10_000);
    public static readonly TextField DoneField = new("Gjort", 2000);
    public static readonly TextField PlannedField = new("Planlagt", 2000);

    private List<AccountItem> items = [];

    private FollowUpAccount() { }

    /// <summary>A new draft for the administration's committee (its name taken from the organisation, editable).</summary>
    public FollowUpAccount(int year, int administrationId, string? committee)
    {
        Year = year;
        AdministrationId = administrationId;
        Committee = CommitteeField.Optional(committee) ?? "";
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int AdministrationId { get; private set; }
    public string Committee { get; private set; } = "";
    public string Introduction { get; private set; } = "";
    public IReadOnlyList<AccountItem> Items => items;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>The freeze rule of an account: once submitted it is the committee's and is not changed.</summary>
    public void EnsureDraft()
    {
        if (IsSubmitted) throw new DomainException("Redegørelsen er indsendt og kan ikke ændres.");
    }

    /// <summary>Saves the draft: committee, introduction and, per recommendation, what is done and planned.</summary>
    public void Edit(string? committee, string? introduction, IEnumerable<AccountItem> answers, DateTimeOffset at, string by)
    {
        EnsureDraft();
        var c = CommitteeField.Optional(committee) ?? "";
        var i = IntroductionField.Optional(introduction) ?? "";
        var list = answers.Select(a => new AccountItem(a.RecommendationId, DoneField.Optional(a.Done) ?? "", PlannedField.Optional(a.Planned) ?? "")).ToList();
        if (list.GroupBy(a => a.RecommendationId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"Anbefaling {twice.Key} er besvaret to gange.");
        (Committee, Introduction, items, UpdatedAt, UpdatedBy) = (c, i, list, at, by);
    }

    /// <summary>
    /// Submits the account for <paramref name="recommendations"/> (the report's recommendations to this
    /// administration): every open one needs an answer, and each gets the account as a progress report.
    /// </summary>
    public void Submit(IReadOnlyList<Recommendation> recommendations, DateTimeOffset at, string by)
    {
        EnsureDraft();
        if (Committee.Length == 0) throw new DomainException("Udvalg: skriv hvilket udvalg redegørelsen går til.");
        var reference = AnnualReport.Reference(Year);
        if (recommendations.FirstOrDefault(r => r.AdministrationId != AdministrationId || r.SourceReference != reference) is { } foreign)
            throw new DomainException($"Anbefaling \"{foreign.Text}\" hører ikke til {reference} for denne forvaltning.");
        var open = recommendations.Where(r => r.Status != RecommendationStatus.Closed).ToList();
        if (open.FirstOrDefault(r => ItemFor(r) is null or { Done.Length: 0, Planned.Length: 0 }) is { } missing)
            throw new DomainException($"Anbefaling \"{missing.Text}\": skriv hvad forvaltningen har gjort eller planlægger.");
        foreach (var r in open)
        {
            var item = ItemFor(r)!;
            r.ReportProgress($"Redegørelse til {Committee} om {reference}. Gjort: {Or(item.Done)} Planlagt: {Or(item.Planned)}", null, at, by);
        }
        SubmittedAt = at;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    public AccountItem? ItemFor(Recommendation r) => items.FirstOrDefault(i => i.RecommendationId == r.Id);

    /// <summary>A dash for an empty answer, as the account shows it.</summary>
    public static string Or(string? s) => string.IsNullOrWhiteSpace(s) ? "–" : s;
}
