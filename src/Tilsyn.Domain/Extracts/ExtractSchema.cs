using System.Globalization;

namespace Tilsyn.Extracts;

/// <summary>
/// The columns of a case-system extract (<i>dataudtræk</i>): one row per case. Different systems
/// name them differently; a <see cref="ColumnMap"/> says which header holds which column.
/// </summary>
public enum ExtractColumn
{
    SourceSystem, CaseId, Administration, Unit, Kle, CaseType, Opened, Decided, Closed, Status,
}

/// <summary>Which header in the file holds each column. Built-in aliases cover the common Danish and English names.</summary>
public sealed class ColumnMap
{
    private static readonly Dictionary<ExtractColumn, string[]> Aliases = new()
    {
        [ExtractColumn.SourceSystem] = ["source_system", "kildesystem", "system"],
        [ExtractColumn.CaseId] = ["case_id", "sagsid", "sags_id", "sagsnummer", "sagsnr"],
        [ExtractColumn.Administration] = ["administration", "forvaltning"],
        [ExtractColumn.Unit] = ["unit", "enhed", "organisatorisk_enhed"],
        [ExtractColumn.Kle] = ["kle", "kle_subject", "kle_nr", "emne", "kle-nummer"],
        [ExtractColumn.CaseType] = ["case_type", "sagstype", "sagsart"],
        [ExtractColumn.Opened] = ["opened", "opened_date", "oprettet", "modtaget", "startdato"],
        [ExtractColumn.Decided] = ["decided", "decision_date", "afgjort", "afgørelsesdato", "afgoerelsesdato"],
        [ExtractColumn.Closed] = ["closed", "closed_date", "lukket", "afsluttet"],
        [ExtractColumn.Status] = ["status", "sagsstatus"],
    };

    public static readonly ExtractColumn[] Required =
        [ExtractColumn.CaseId, ExtractColumn.Administration, ExtractColumn.Unit, ExtractColumn.CaseType, ExtractColumn.Opened];

    private readonly Dictionary<ExtractColumn, string> overrides;

    /// <param name="overrides">Per source: the header name for a column, e.g. Opened = "Dato for oprettelse".</param>
    public ColumnMap(IReadOnlyDictionary<ExtractColumn, string>? overrides = null) =>
        this.overrides = overrides?.ToDictionary(kv => kv.Key, kv => kv.Value.Trim()) ?? [];

    /// <summary>
    /// Parses overrides written one per line as <c>Opened=Dato for oprettelse</c> (the form on the
    /// import page). Errors name the line.
    /// </summary>
    public static (ColumnMap? Map, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var result = new Dictionary<ExtractColumn, string>();
        var errors = new List<string>();
        var lines = (text ?? "").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0 || !Enum.TryParse<ExtractColumn>(line[..eq].Trim(), true, out var col) || line[(eq + 1)..].Trim().Length == 0)
            {
                errors.Add($"Kolonneopsætning linje {i + 1}: {CellText.Quote(line)} skal skrives som Kolonne=Overskrift, fx Opened=Oprettet dato. Kolonner: {string.Join(", ", Enum.GetNames<ExtractColumn>())}.");
                continue;
            }
            result[col] = line[(eq + 1)..].Trim();
        }
        return errors.Count > 0 ? (null, errors) : (new ColumnMap(result), []);
    }

    /// <summary>Finds each column's index in the header row; missing required columns are errors naming the column and the names tried.</summary>
    public (Dictionary<ExtractColumn, int> Index, IReadOnlyList<string> Errors) Resolve(IReadOnlyList<string> header)
    {
        var normalised = header.Select(h => h.Trim().Trim('\uFEFF').ToLowerInvariant()).ToList();
        var index = new Dictionary<ExtractColumn, int>();
        var errors = new List<string>();
        foreach (var col in Enum.GetValues<ExtractColumn>())
        {
            var names = overrides.TryGetValue(col, out var o) ? [o.ToLowerInvariant()] : Aliases[col];
            var at = normalised.FindIndex(h => names.Contains(h));
            if (at >= 0) index[col] = at;
            else if (Required.Contains(col))
                errors.Add($"Linje 1: kolonnen {col} mangler (ledte efter: {string.Join(", ", names)}).");
        }
        return (index, errors);
    }
}

/// <summary>The kinds of bad rows, counted separately in the import report.</summary>
public enum RowErrorKind
{
    MissingValue, BadDate, DecisionBeforeOpening, ClosedBeforeOpening, UnknownAdministration, UnknownUnit, BadKle, OutsidePeriod, TooLong,
}

public sealed record RowError(long Line, string Column, RowErrorKind Kind, string Message)
{
    public override string ToString() => $"Linje {Line}, kolonne {Column}: {Message}";
}

/// <summary>One valid extract row, as the cube needs it (the case id is checked, not kept).</summary>
public readonly record struct ExtractRow(
    int AdministrationId, int UnitId, string? KleGroup, string CaseType, DateOnly Opened, DateOnly? Decided, DateOnly? Closed);

/// <summary>Reads dates as the case systems write them: Danish <c>dd-MM-yyyy</c> (also with . or /) and ISO <c>yyyy-MM-dd</c>.</summary>
public static class ExtractDates
{
    private static readonly string[] Formats = ["dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        var t = text.Trim();
        // Fast path for the two fixed layouts, which are nearly every row of a real extract.
        if (t.Length == 10 && TryFixed(t, out date)) return true;
        // An ISO timestamp keeps its date part.
        if (t.Length > 10 && t[4] == '-' && (t[10] == 'T' || t[10] == ' ')) t = t[..10];
        return DateOnly.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary><c>yyyy-MM-dd</c> or <c>dd-MM-yyyy</c> (also with '.' or '/'), digits checked one by one.</summary>
    private static bool TryFixed(ReadOnlySpan<char> t, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (t[4] == '-' && t[7] == '-')
        {
            if (!Digits(t, 0, 4, out year) || !Digits(t, 5, 2, out month) || !Digits(t, 8, 2, out day)) return false;
        }
        else if (t[2] == t[5] && t[2] is '-' or '.' or '/')
        {
            if (!Digits(t, 0, 2, out day) || !Digits(t, 3, 2, out month) || !Digits(t, 6, 4, out year)) return false;
        }
        else return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> t, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = t[i];
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
