namespace Tilsyn.Complaints.Intake;

/// <summary>
/// Checks free text typed by citizens and staff. Pages encode all output anyway; markup is still
/// refused at the door so that no stored text can carry script into a letter, an export or another
/// system, and the user is told plainly why.
/// </summary>
public static class FreeText
{
    private static readonly System.Globalization.CultureInfo Danish = System.Globalization.CultureInfo.GetCultureInfo("da-DK");

    public static string? Check(string fieldLabel, string? value, int maxLength, bool required)
    {
        var v = Normalise(value);
        if (v.Length == 0)
            return required ? $"Feltet '{fieldLabel}' skal udfyldes." : null;
        if (v.Length > maxLength)
            return string.Format(Danish, "Feltet '{0}' må højst være {1:N0} tegn (det er {2:N0}).", fieldLabel, maxLength, v.Length);
        if (HasMarkup(v))
            return $"Feltet '{fieldLabel}' må ikke indeholde HTML eller script (fx <script>). Skriv teksten uden vinkelparenteser.";
        if (v.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
            return $"Feltet '{fieldLabel}' indeholder ugyldige kontroltegn.";
        return null;
    }

    /// <summary>Trims and turns CRLF and CR into LF.</summary>
    public static string Normalise(string? value) => (value ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>A tag, comment or declaration starts with '&lt;' followed by a letter, '/', '!' or '?'; "3 &lt; 5" and "&lt;3" are fine.</summary>
    private static bool HasMarkup(string v)
    {
        for (var i = 0; i < v.Length - 1; i++)
            if (v[i] == '<' && (char.IsLetter(v[i + 1]) || v[i + 1] is '/' or '!' or '?'))
                return true;
        return v.Contains("javascript:", StringComparison.OrdinalIgnoreCase);
    }
}
