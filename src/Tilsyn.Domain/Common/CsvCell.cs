namespace Tilsyn.Common;

/// <summary>
/// The text of a cell in a CSV file the product writes, made safe to open in a spreadsheet
/// (CSV/formula injection, OWASP): a text that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return would be taken as a formula by Excel or LibreOffice, so it gets a
/// leading <c>'</c>, which the spreadsheet shows as text. Every CSV export writes its text cells
/// through <see cref="Text"/>. Numbers are written as numbers, not through here: -3 in a numeric
/// column stays -3 (a number is never a formula, and a quote would make it text).
/// </summary>
public static class CsvCell
{
    /// <summary>The text with <c>'</c> in front if a spreadsheet could read it as a formula.</summary>
    public static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
