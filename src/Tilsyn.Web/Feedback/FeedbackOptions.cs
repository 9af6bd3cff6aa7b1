namespace Tilsyn.Web.Feedback;

/// <summary>The settings of the citizens' satisfaction survey (section <c>Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Whether closing a case sends the survey link (default true). Links already sent keep working.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The fewest answers an administration × half-year group must have to be shown (default 5);
    /// a smaller group is shown as "færre end 5 svar". Never below 1.
    /// </summary>
    public int MinimumAnswers { get; set; } = Tilsyn.Feedback.FeedbackResults.DefaultMinimum;

    public int Minimum => Math.Max(1, MinimumAnswers);
}
