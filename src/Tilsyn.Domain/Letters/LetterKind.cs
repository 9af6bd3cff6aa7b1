namespace Tilsyn.Letters;

/// <summary>The letters Tilsyn writes from templates (<i>brevskabeloner</i>).</summary>
public enum LetterKind
{
    /// <summary><i>Kvittering</i> to the citizen when a case is received.</summary>
    Receipt = 1,
    /// <summary><i>Anmodning om udtalelse</i> to the administration.</summary>
    StatementRequest = 2,
    /// <summary>The advisor's conclusion to the citizen.</summary>
    Conclusion = 3,
    /// <summary><i>Afslag på sletning</i>: the reasoned refusal of an erasure request (GDPR art. 17(3)(b), the duty to take notes and journalise).</summary>
    ErasureRefusal = 4,
}

public static class LetterKinds
{
    /// <summary>The kind's Danish name, as the template page shows it.</summary>
    public static string Name(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "Kvittering til borgeren",
        LetterKind.StatementRequest => "Anmodning om udtalelse til forvaltningen",
        LetterKind.Conclusion => "Konklusion til borgeren",
        LetterKind.ErasureRefusal => "Afslag på anmodning om sletning",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Whether a letter of this kind answers the citizen (<i>første svar</i>) and so meets the
    /// first-answer deadline. A property of the kind, never of the (editable) title: the receipt
    /// only confirms that the case arrived, and the statement request goes to the administration.
    /// </summary>
    public static bool AnswersCitizen(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => false,
        LetterKind.StatementRequest => false,
        LetterKind.Conclusion => true,
        LetterKind.ErasureRefusal => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
