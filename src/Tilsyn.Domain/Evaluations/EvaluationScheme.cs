namespace Tilsyn.Evaluations;

/// <summary>The kinds of question in a FOKUS evaluation scheme (<i>evalueringsskema</i>).</summary>
public enum QuestionKind
{
    FreeText = 1,
    YesNo = 2,
    /// <summary>A number on a stated scale, e.g. 1–5.</summary>
    Scale = 3,
    /// <summary>A table of initiatives (<i>initiativer</i>): name, purpose, target group, start, how the effect is followed up.</summary>
    Initiatives = 4,
}

/// <summary>One question in a section; for <see cref="QuestionKind.Scale"/> the scale's ends.</summary>
public sealed record Question(string Key, string Text, QuestionKind Kind, int ScaleMin = 1, int ScaleMax = 5);

/// <summary>A section of the scheme (A–G in Copenhagen's practice) with its questions.</summary>
public sealed record Section(string Letter, string Title, IReadOnlyList<Question> Questions);

/// <summary>
/// A FOKUS evaluation scheme: sections with questions. Immutable: a new round starts from a copy of
/// the previous round's scheme (<see cref="CopyForNewRound"/>) and may then be edited, so earlier
/// rounds always keep the questions they were answered on.
/// </summary>
public sealed class EvaluationScheme
{
    public EvaluationScheme(IEnumerable<Section> sections)
    {
        Sections = sections.ToList();
        if (Sections.Count == 0) throw new DomainException("Et evalueringsskema skal have mindst ét afsnit.");
        var letters = Sections.Select(s => s.Letter).ToList();
        if (letters.Distinct(StringComparer.OrdinalIgnoreCase).Count() != letters.Count)
            throw new DomainException("Hvert afsnit skal have sit eget bogstav.");
        var keys = Sections.SelectMany(s => s.Questions).Select(q => q.Key).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
            throw new DomainException("Hvert spørgsmål skal have sin egen nøgle.");
        foreach (var q in Sections.SelectMany(s => s.Questions))
        {
            if (string.IsNullOrWhiteSpace(q.Text)) throw new DomainException($"Spørgsmål {q.Key} mangler tekst.");
            if (q.Kind == QuestionKind.Scale && q.ScaleMin >= q.ScaleMax)
                throw new DomainException($"Spørgsmål {q.Key}: skalaens laveste værdi skal være mindre end den højeste.");
        }
    }

    public IReadOnlyList<Section> Sections { get; }

    public Question? Find(string key) => Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Key == key);

    /// <summary>The previous scheme, unchanged, as the starting point for the next round.</summary>
    public EvaluationScheme CopyForNewRound() => new(Sections.Select(s => s with { Questions = s.Questions.ToList() }));

    /// <summary>A copy with one section replaced or added (the scheme editor's operation).</summary>
    public EvaluationScheme WithSection(Section section) =>
        new(Sections.Where(s => !s.Letter.Equals(section.Letter, StringComparison.OrdinalIgnoreCase)).Append(section).OrderBy(s => s.Letter, StringComparer.Ordinal));
}
