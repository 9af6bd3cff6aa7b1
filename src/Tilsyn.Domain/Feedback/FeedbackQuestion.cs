namespace Tilsyn.Feedback;

/// <summary>The five questions of the citizens' satisfaction survey (<i>tilfredshedsundersøgelse</i>), asked once a case is closed.</summary>
public enum FeedbackQuestion
{
    EasyToComplain = 1,
    ClearHandling = 2,
    QuickEnough = 3,
    TreatedWell = 4,
    Overall = 5,
}

public static class FeedbackQuestions
{
    /// <summary>The questions in the order the survey asks them.</summary>
    public static readonly IReadOnlyList<FeedbackQuestion> All =
        [FeedbackQuestion.EasyToComplain, FeedbackQuestion.ClearHandling, FeedbackQuestion.QuickEnough, FeedbackQuestion.TreatedWell, FeedbackQuestion.Overall];

    /// <summary>The lowest and highest score (1 = meget utilfreds / slet ikke, 5 = meget tilfreds / i høj grad).</summary>
    public const int MinScore = 1, MaxScore = 5;

    /// <summary>The question as the citizen reads it.</summary>
    public static string Text(this FeedbackQuestion q) => q switch
    {
        FeedbackQuestion.EasyToComplain => "Var det let at klage?",
        FeedbackQuestion.ClearHandling => "Var behandlingen af din sag klar og forståelig?",
        FeedbackQuestion.QuickEnough => "Gik det hurtigt nok?",
        FeedbackQuestion.TreatedWell => "Blev du behandlet ordentligt?",
        FeedbackQuestion.Overall => "Hvor tilfreds er du samlet set?",
        _ => q.ToString(),
    };

    /// <summary>A short name for table headings.</summary>
    public static string ShortName(this FeedbackQuestion q) => q switch
    {
        FeedbackQuestion.EasyToComplain => "Let at klage",
        FeedbackQuestion.ClearHandling => "Klar behandling",
        FeedbackQuestion.QuickEnough => "Hurtigt nok",
        FeedbackQuestion.TreatedWell => "Behandlet ordentligt",
        FeedbackQuestion.Overall => "Samlet tilfredshed",
        _ => q.ToString(),
    };

    /// <summary>The label of a score on the form.</summary>
    public static string ScoreLabel(int score) => score switch
    {
        1 => "1 – Slet ikke / meget utilfreds",
        2 => "2",
        3 => "3",
        4 => "4",
        5 => "5 – I høj grad / meget tilfreds",
        _ => score.ToString(DanishCulture),
    };

    private static readonly System.Globalization.CultureInfo DanishCulture = System.Globalization.CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The free text: optional, at most 2,000 characters, never cut (<see cref="TextField"/>).</summary>
    public static readonly TextField Comment = new("Kommentar", 2000);
}
