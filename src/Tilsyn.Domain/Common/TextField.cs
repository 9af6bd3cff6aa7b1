namespace Tilsyn.Common;

/// <summary>
/// The one rule for a text field: its Danish label and its longest length. A value is trimmed and
/// its line breaks made one character each (CRLF and lone CR become LF, as a browser's
/// <c>maxlength</c> counts them); a missing required value or a too-long value is refused with a
/// <see cref="DomainException"/> that names the field and the limit. A text is never cut.
/// </summary>
public sealed record TextField(string Label, int MaxLength)
{
    /// <summary>Trims and turns CRLF and lone CR into LF.</summary>
    public static string Normalise(string? value) => (value ?? "").Trim().Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Null when the value is acceptable, otherwise the Danish message naming the field.</summary>
    public string? Problem(string? value, bool required)
    {
        var text = Normalise(value);
        if (text.Length == 0) return required ? $"Feltet '{Label}' skal udfyldes." : null;
        return text.Length > MaxLength ? $"Feltet '{Label}' må højst være {MaxLength} tegn langt; teksten er {text.Length} tegn." : null;
    }

    /// <summary>The normalised value; refuses an empty or too-long one.</summary>
    public string Required(string? value)
    {
        if (Problem(value, true) is { } problem) throw new DomainException(problem);
        return Normalise(value);
    }

    /// <summary>The normalised value, or null when empty; refuses a too-long one.</summary>
    public string? Optional(string? value)
    {
        if (Problem(value, false) is { } problem) throw new DomainException(problem);
        var text = Normalise(value);
        return text.Length == 0 ? null : text;
    }
}
