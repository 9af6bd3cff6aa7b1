namespace Tilsyn.Evaluations;

/// <summary>A score on the advisor's scale (<see cref="Assessment"/>) with a comment.</summary>
public sealed record Score(int Value, string Comment);

/// <summary>
/// The advisor's assessment (<i>vurdering</i>) of one administration's answer: each initiative
/// (is it suited to create improvement, is its effect followed up?), each section, and overall.
/// </summary>
public sealed class EvaluationAssessment
{
    public Dictionary<string, Score> Initiatives { get; init; } = [];
    public Dictionary<string, Score> Sections { get; init; } = [];
    public Score? Overall { get; set; }

    /// <summary>Key of an initiative: question key and its row number, e.g. <c>B1#0</c>.</summary>
    public static string InitiativeKey(string questionKey, int index) => $"{questionKey}#{index}";

    public void AssessInitiative(EvaluationAnswer answer, string questionKey, int index, int value, string? comment)
    {
        if (index < 0 || index >= answer.Initiatives(questionKey).Count) throw new DomainException("Initiativet findes ikke i besvarelsen.");
        Initiatives[InitiativeKey(questionKey, index)] = new Score(Assessment.Validate(value), (comment ?? "").Trim());
    }

    public void AssessSection(EvaluationScheme scheme, string letter, int value, string? comment)
    {
        if (scheme.Sections.All(s => s.Letter != letter)) throw new DomainException($"Afsnit {letter} findes ikke i skemaet.");
        Sections[letter] = new Score(Assessment.Validate(value), (comment ?? "").Trim());
    }

    public void AssessOverall(int value, string? comment) => Overall = new Score(Assessment.Validate(value), (comment ?? "").Trim());

    /// <summary>An independent copy (scores are immutable), so a change can be refused without touching the stored one.</summary>
    public EvaluationAssessment Copy() => new() { Initiatives = new(Initiatives), Sections = new(Sections), Overall = Overall };

    /// <summary>Section by section, how this round compares with an earlier one (sections missing in either are not comparable).</summary>
    public static IReadOnlyDictionary<string, Trend> Compare(EvaluationAssessment? previous, EvaluationAssessment current, IEnumerable<string> letters) =>
        letters.ToDictionary(l => l, l => Assessment.Compare(previous?.Sections.GetValueOrDefault(l)?.Value, current.Sections.GetValueOrDefault(l)?.Value));
}
