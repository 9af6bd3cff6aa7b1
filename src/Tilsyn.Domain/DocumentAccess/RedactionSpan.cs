namespace Tilsyn.DocumentAccess;

/// <summary>
/// A passage of a text to remove before release (<i>overstregning</i>): the characters from
/// <see cref="Start"/> up to, not including, <see cref="End"/> (UTF-16 indexes into the text).
/// </summary>
public readonly record struct RedactionSpan(int Start, int End)
{
    public int Length => End - Start;
}
