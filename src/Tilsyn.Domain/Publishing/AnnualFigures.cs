using Tilsyn.Complaints;

namespace Tilsyn.Publishing;

/// <summary>What the annual report needs to know of one of the advisor's cases.</summary>
public sealed record CaseFact(int Year, int? AdministrationId, CaseType Type, Outcome? Outcome, IReadOnlyList<(ComplaintCategory Category, bool Breached)> Categories,
    DateOnly FirstAnswerDue, DateOnly? FirstAnswered, DateOnly Received);

/// <summary>
/// The generated statistics of the annual report (<i>Beretning</i>): inquiries and complaints per
/// administration with a five-year trend, categories, outcomes, the formal-complaint types with their
/// legal rules, and the advisor's own processing time against its service goal (first answer by the
/// due date). A plain computation over case facts, so it is tested without a database.
/// </summary>
public sealed class AnnualFigures
{
    public int Year { get; }
    public IReadOnlyList<int> Years { get; }
    /// <summary>Per administration (null = not assigned) and year: inquiries and complaints received.</summary>
    public IReadOnlyDictionary<(int? Administration, int Year), (int Inquiries, int Complaints)> Trend { get; }
    /// <summary>This year's complaints per administration and category (a case with two categories counts in both).</summary>
    public IReadOnlyDictionary<(int? Administration, ComplaintCategory Category), int> Categories { get; }
    /// <summary>This year's concluded cases per administration and outcome.</summary>
    public IReadOnlyDictionary<(int? Administration, Outcome Outcome), int> Outcomes { get; }
    /// <summary>This year's formal complaints per type: how many, and in how many the rule was found breached.</summary>
    public IReadOnlyList<(CategoryInfo Category, int Cases, int Breached)> FormalTypes { get; }
    /// <summary>Cases whose first answer was due this year; how many were answered by the due date; median days to first answer.</summary>
    public (int Due, int OnTime, double? Share, double? MedianDays) ServiceGoal { get; }
    public IReadOnlyList<int?> Administrations { get; }

    private AnnualFigures(int year, IReadOnlyList<int> years, Dictionary<(int?, int), (int, int)> trend, Dictionary<(int?, ComplaintCategory), int> categories,
        Dictionary<(int?, Outcome), int> outcomes, List<(CategoryInfo, int, int)> formal, (int, int, double?, double?) service, List<int?> administrations)
    {
        (Year, Years, Trend, Categories, Outcomes, FormalTypes, ServiceGoal, Administrations) = (year, years, trend, categories, outcomes, formal, service, administrations);
    }

    public static AnnualFigures Compute(IEnumerable<CaseFact> facts, int year, int trendYears = 5)
    {
        if (trendYears < 1) throw new ArgumentOutOfRangeException(nameof(trendYears));
        var years = Enumerable.Range(year - trendYears + 1, trendYears).ToList();
        var trend = new Dictionary<(int?, int), (int, int)>();
        var categories = new Dictionary<(int?, ComplaintCategory), int>();
        var outcomes = new Dictionary<(int?, Outcome), int>();
        var formal = new Dictionary<ComplaintCategory, (int Cases, int Breached)>();
        var answerDays = new List<int>();
        int due = 0, onTime = 0;
        var admins = new HashSet<int?>();
        foreach (var f in facts)
        {
            if (f.Year >= years[0] && f.Year <= year)
            {
                var t = trend.GetValueOrDefault((f.AdministrationId, f.Year));
                trend[(f.AdministrationId, f.Year)] = f.Type == CaseType.Inquiry ? (t.Item1 + 1, t.Item2) : (t.Item1, t.Item2 + 1);
                admins.Add(f.AdministrationId);
            }
            if (f.FirstAnswerDue.Year == year)
            {
                due++;
                if (f.FirstAnswered is { } a)
                {
                    if (a <= f.FirstAnswerDue) onTime++;
                    answerDays.Add(a.DayNumber - f.Received.DayNumber);
                }
            }
            if (f.Year != year) continue;
            if (f.Outcome is { } o) outcomes[(f.AdministrationId, o)] = outcomes.GetValueOrDefault((f.AdministrationId, o)) + 1;
            if (f.Type == CaseType.Inquiry) continue;
            foreach (var (c, breached) in f.Categories)
            {
                categories[(f.AdministrationId, c)] = categories.GetValueOrDefault((f.AdministrationId, c)) + 1;
                if (ComplaintCategories.Info(c).IsFormal)
                {
                    var x = formal.GetValueOrDefault(c);
                    formal[c] = (x.Cases + 1, x.Breached + (breached ? 1 : 0));
                }
            }
        }
        answerDays.Sort();
        double? median = answerDays.Count == 0 ? null
            : answerDays.Count % 2 == 1 ? answerDays[answerDays.Count / 2] : (answerDays[answerDays.Count / 2 - 1] + answerDays[answerDays.Count / 2]) / 2.0;
        var formalList = ComplaintCategories.All.Where(c => c.IsFormal && formal.ContainsKey(c.Category))
            .Select(c => (c, formal[c.Category].Cases, formal[c.Category].Breached)).OrderByDescending(x => x.Cases).ToList();
        return new AnnualFigures(year, years, trend, categories, outcomes, formalList,
            (due, onTime, due == 0 ? null : (double)onTime / due, median), [.. admins.OrderBy(a => a ?? int.MaxValue)]);
    }
}
