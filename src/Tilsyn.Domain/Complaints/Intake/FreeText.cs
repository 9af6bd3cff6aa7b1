namespace Tilsyn.Complaints.Intake;

/// <summary>
/// Rules for the free-text fields of the complaint form (<i>fritekstfelter</i>), e.g. the description
/// of what happened. Pages encode all output anyway; refusing markup on the way in is a second line
/// of defence, because complaints are also sent on by mail and into the administrations' case systems,
/// whose handling of HTML we do not control.
/// </summary>
public static class FreeText
{
    /// <summary>Trims, and turns CRLF and lone CR into LF, so every line break is one character (<see cref="TextField.Normalise"/>).</summary>
    public static string Normalise(string? value) => TextField.Normalise(value);

    /// <summary>
    /// Null when <paramref name="value"/> passes the field's one rule (<see cref="TextField.Problem"/>: required and limit)
    /// and is free of markup and control characters, otherwise a Danish message naming the field.
    /// The value is measured as <see cref="Normalise"/> leaves it, which is also how it should be stored.
    /// </summary>
    public static string? Check(TextField field, string? value, bool required)
    {
        if (field.Problem(value, required) is { } problem) return problem;
        var text = Normalise(value);
        if (HasMarkup(text))
            return $"Feltet '{field.Label}' må ikke indeholde HTML eller script (fx <script>). Skriv teksten uden vinkelparenteser.";
        if (HasControlCharacter(text))
            return $"Feltet '{field.Label}' indeholder usynlige styretegn. Skriv teksten igen, eller indsæt den som ren tekst.";
        return null;
    }

    /// <summary>
    /// A '&lt;' followed by a letter, '/', '!' or '?' starts a tag, end tag, comment or processing
    /// instruction in HTML (and more), so it is refused. Any other '&lt;' is ordinary text:
    /// "3 &lt; 5", "&lt;3" and "børn &lt; 6 år" must pass, since citizens write like that.
    /// </summary>
    private static bool HasMarkup(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (char.IsLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
                return true;
        }
        // Browsers ignore tabs and line breaks inside a URL, so "java\tscript:" works as a link too.
        var compact = text.Replace("\t", "").Replace("\n", "");
        return compact.Contains("javascript:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Control characters other than line breaks and tabs have no place in a letter and can break
    /// the systems the text is passed on to (a NUL, for one, is refused by PostgreSQL text columns).</summary>
    private static bool HasControlCharacter(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\t'));
}
