using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tilsyn.Complaints;

/// <summary>
/// The journal numbers (<i>journalnumre</i>) in the city's format: case <c>2017-0129396</c>
/// (year, seven-digit running number within the year) and document <c>2017-0129396-40</c>
/// (the document's number within the case, at least two digits).
/// </summary>
public static class CaseNumber
{
    public const int MaxSequence = 9_999_999;

    public static string Format(int year, int sequence)
    {
        if (year is < 2000 or > 2999) throw new ArgumentOutOfRangeException(nameof(year));
        if (sequence is < 1 or > MaxSequence) throw new ArgumentOutOfRangeException(nameof(sequence));
        return string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:D7}");
    }

    public static string FormatDocument(string caseNumber, int documentSequence)
    {
        if (documentSequence < 1) throw new ArgumentOutOfRangeException(nameof(documentSequence));
        return string.Create(CultureInfo.InvariantCulture, $"{caseNumber}-{documentSequence:D2}");
    }

    public static bool TryParse(string? text, out int year, out int sequence)
    {
        year = sequence = 0;
        var t = (text ?? "").Trim();
        return t.Length == 12 && t[4] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(t.AsSpan(5, 7), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && year >= 2000 && sequence >= 1;
    }

    public static bool TryParseDocument(string? text, [NotNullWhen(true)] out string? caseNumber, out int documentSequence)
    {
        caseNumber = null;
        documentSequence = 0;
        var t = (text ?? "").Trim();
        if (t.Length < 15 || t[12] != '-' || !TryParse(t[..12], out _, out _)) return false;
        if (!int.TryParse(t.AsSpan(13), NumberStyles.None, CultureInfo.InvariantCulture, out documentSequence) || documentSequence < 1) return false;
        caseNumber = t[..12];
        return true;
    }
}
