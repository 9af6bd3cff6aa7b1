namespace Tilsyn.Feedback;

/// <summary>The scores of one answer, as the results need them (no comment, no identity).</summary>
public sealed record FeedbackScores(int? AdministrationId, int HalfYearKey, int? EasyToComplain, int? ClearHandling, int? QuickEnough, int? TreatedWell, int? Overall)
{
    public int? Score(FeedbackQuestion q) => q switch
    {
        FeedbackQuestion.EasyToComplain => EasyToComplain,
        FeedbackQuestion.ClearHandling => ClearHandling,
        FeedbackQuestion.QuickEnough => QuickEnough,
        FeedbackQuestion.TreatedWell => TreatedWell,
        FeedbackQuestion.Overall => Overall,
        _ => null,
    };
}

/// <summary>The result of one question in a group: how many answered it, the mean of those, and how many gave each score 1–5.</summary>
public sealed record QuestionResult(FeedbackQuestion Question, int Answered, double? Mean, IReadOnlyList<int> Distribution)
{
    /// <summary>How many in the group said "ved ikke" or left it blank.</summary>
    public int Unanswered(int groupCount) => groupCount - Answered;
}

/// <summary>
/// One administration × half-year group. A group below the minimum is <see cref="Suppressed"/>:
/// it carries no count, no means and no distributions, so nothing about so few people can be shown.
/// </summary>
public sealed record FeedbackGroup(int? AdministrationId, HalfYear HalfYear, bool Suppressed, int? Count, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// The survey's results per administration and half-year. "Small numbers are never a person": a group
/// with fewer answers than the minimum (the setting <c>Feedback:MinimumAnswers</c>, default
/// <see cref="DefaultMinimum"/>) is shown only as "færre end 5 svar", never with its count or scores.
/// </summary>
public static class FeedbackResults
{
    public const int DefaultMinimum = 5;

    public static IReadOnlyList<FeedbackGroup> Groups(IEnumerable<FeedbackScores> answers, int minimum)
    {
        if (minimum < 1) throw new ArgumentOutOfRangeException(nameof(minimum));
        return answers
            .GroupBy(a => (a.AdministrationId, a.HalfYearKey))
            .OrderBy(g => g.Key.HalfYearKey).ThenBy(g => g.Key.AdministrationId ?? int.MaxValue)
            .Select(g => Group(g.Key.AdministrationId, HalfYear.FromKey(g.Key.HalfYearKey), g.ToList(), minimum))
            .ToList();
    }

    private static FeedbackGroup Group(int? administrationId, HalfYear half, IReadOnlyList<FeedbackScores> answers, int minimum)
    {
        if (answers.Count < minimum) return new FeedbackGroup(administrationId, half, true, null, []);
        var questions = FeedbackQuestions.All.Select(q =>
        {
            var scores = answers.Select(a => a.Score(q)).OfType<int>().ToList();
            var distribution = Enumerable.Range(FeedbackQuestions.MinScore, FeedbackQuestions.MaxScore).Select(s => scores.Count(x => x == s)).ToList();
            return new QuestionResult(q, scores.Count, scores.Count == 0 ? null : scores.Average(), distribution);
        }).ToList();
        return new FeedbackGroup(administrationId, half, false, answers.Count, questions);
    }

    /// <summary>Whether a group of this size may be shown.</summary>
    public static bool Shown(int count, int minimum) => count >= minimum;
}
