namespace Tilsyn.Audits;

/// <summary>The auditor's answer to one checklist question for one case.</summary>
public enum AuditAnswer
{
    Met = 1,
    NotMet = 2,
    /// <summary>The rule did not apply to the case (e.g. no request for access); excluded from the shares.</summary>
    NotRelevant = 3,
}

/// <summary>Danish labels for <see cref="AuditAnswer"/> and the strict parser used when reading them back from XLSX.</summary>
public static class AuditAnswers
{
    public const string MetLabel = "Opfyldt";
    public const string NotMetLabel = "Ikke opfyldt";
    public const string NotRelevantLabel = "Ikke relevant";

    public static string Label(AuditAnswer answer) => answer switch
    {
        AuditAnswer.Met => MetLabel,
        AuditAnswer.NotMet => NotMetLabel,
        AuditAnswer.NotRelevant => NotRelevantLabel,
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    /// <summary>
    /// Reads a label back: exactly one of the three labels, ignoring case and surrounding white space.
    /// Anything else (empty, abbreviations, "ja", numbers, two spaces inside) gives false, so a typo in
    /// a spreadsheet is reported rather than guessed at.
    /// </summary>
    public static bool TryParse(string? text, out AuditAnswer answer)
    {
        answer = default;
        if (text is null) return false;
        var t = text.Trim();
        if (t.Equals(MetLabel, StringComparison.OrdinalIgnoreCase)) answer = AuditAnswer.Met;
        else if (t.Equals(NotMetLabel, StringComparison.OrdinalIgnoreCase)) answer = AuditAnswer.NotMet;
        else if (t.Equals(NotRelevantLabel, StringComparison.OrdinalIgnoreCase)) answer = AuditAnswer.NotRelevant;
        else return false;
        return true;
    }
}
