using System.Globalization;

namespace Tilsyn.Common;

/// <summary>
/// How an error message quotes what a cell of an uploaded file held: in full up to
/// <see cref="MaxQuoted"/> characters, else the start, "…" and the cell's length. A file may hold a
/// cell of megabytes; echoed whole it would fill the error list, the quarantine table and the page.
/// Every message that repeats a cell's text goes through here.
/// </summary>
public static class CellText
{
    /// <summary>At most this many characters of a cell are repeated in a message.</summary>
    public const int MaxQuoted = 200;

    /// <summary><c>'text'</c>, or <c>'first 200 characters…' (2 097 152 tegn)</c> for a longer cell.</summary>
    public static string Quote(string cell)
    {
        if (cell.Length <= MaxQuoted) return $"'{cell}'";
        var cut = MaxQuoted;
        if (char.IsHighSurrogate(cell[cut - 1])) cut--; // never half a character
        return $"'{cell.AsSpan(0, cut)}…' ({Count(cell.Length)} tegn)";
    }

    /// <summary>A count with spaces between thousands (2 097 152), as the Danish Language Council allows and the dot of a version number does not confuse.</summary>
    private static string Count(int n) =>
        n.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = " ", NumberGroupSizes = [3] });
}
