using Tilsyn.Organisation;

namespace Tilsyn.Extracts;

/// <summary>
/// What the validator looks up: administrations by code or name, units by name within each, and KLE
/// groups. Answers are remembered per exact text (thread-safe), since an extract repeats a few hundred
/// names millions of times.
/// </summary>
public sealed class OrganisationLookup
{
    private readonly Dictionary<string, int> administrations;
    private readonly Dictionary<(int, string), int> units;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int?> adminMemo = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int, string), int?> unitMemo = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (bool Ok, string? Group)> kleMemo = new(StringComparer.Ordinal);

    public OrganisationLookup(IEnumerable<(int Id, string Code, string Name)> administrations, IEnumerable<(int Id, int AdministrationId, string Name)> units)
    {
        this.administrations = new(StringComparer.OrdinalIgnoreCase);
        foreach (var a in administrations)
        {
            this.administrations[a.Code] = a.Id;
            this.administrations[a.Name] = a.Id;
        }
        this.units = [];
        foreach (var u in units) this.units[(u.AdministrationId, Key(u.Name))] = u.Id;
    }

    /// <summary>No more answers than three times this are remembered: a file of all-different names must not fill memory.</summary>
    private const int MaxRemembered = 100_000;

    // TryGetValue first: a lambda that captures 'this' would be a new delegate on every row.
    public int? Administration(string text) =>
        adminMemo.TryGetValue(text, out var hit) ? hit
        : Remember(adminMemo, text, administrations.TryGetValue(text.Trim(), out var id) ? id : null);

    public int? Unit(int administrationId, string name) =>
        unitMemo.TryGetValue((administrationId, name), out var hit) ? hit
        : Remember(unitMemo, (administrationId, name), units.TryGetValue((administrationId, Key(name)), out var id) ? id : null);

    /// <summary>The KLE group (two levels, or the main group) of a code; Ok false when it is not a KLE code.</summary>
    public (bool Ok, string? Group) KleGroup(string code) =>
        kleMemo.TryGetValue(code, out var hit) ? hit
        : Remember(kleMemo, code, KleCode.TryParse(code, out var kle) ? (true, (kle.Value.Group ?? kle.Value.MainGroup).Value) : (false, null));

    private int remembered; // across the three memos; ConcurrentDictionary.Count would take every lock

    /// <summary>How many answers are remembered (at most three times 100,000, however many different names a file has).</summary>
    public int Remembered => Volatile.Read(ref remembered);

    private TValue Remember<TKey, TValue>(System.Collections.Concurrent.ConcurrentDictionary<TKey, TValue> memo, TKey key, TValue value) where TKey : notnull
    {
        if (Volatile.Read(ref remembered) >= 3 * MaxRemembered || KeyLength(key) > ExtractFolder.MaxRememberedLength) return value;
        Interlocked.Increment(ref remembered);
        return memo.GetOrAdd(key, value);
    }
    private static string Key(string s) => s.Trim().ToLowerInvariant();
    private static int KeyLength<TKey>(TKey key) => key switch { string s => s.Length, ValueTuple<int, string> t => t.Item2.Length, _ => 0 };
}

/// <summary>A date field as read: absent, a date, or text that is not a date (kept for the error message).</summary>
public readonly record struct DateField(DateOnly? Value, string? BadText)
{
    public static readonly DateField Absent = new(null, null);
    public bool Present => Value is not null || BadText is not null;

    public static DateField FromText(string? text)
    {
        var v = text?.Trim() ?? "";
        if (v.Length == 0) return Absent;
        return ExtractDates.TryParse(v, out var d) ? new(d, null) : new(null, v);
    }
}

/// <summary>Where the validator reads a row's fields from: text per column, dates already parsed or parsed on demand.</summary>
public interface IExtractFields
{
    string? Text(ExtractColumn column);
    DateField Date(ExtractColumn column);
    /// <summary>Whether the case id is filled in (the cube does not need the id itself).</summary>
    bool HasCaseId { get; }
}

/// <summary>Fields as strings (tests, small files): dates are parsed when asked for.</summary>
public readonly struct TextFields(Func<ExtractColumn, string?> read) : IExtractFields
{
    public string? Text(ExtractColumn column) => read(column);
    public DateField Date(ExtractColumn column) => DateField.FromText(read(column));
    public bool HasCaseId => !string.IsNullOrWhiteSpace(read(ExtractColumn.CaseId));
}

/// <summary>
/// Checks one row of an extract and turns it into an <see cref="ExtractRow"/>, or says exactly what is
/// wrong with it by column. Every error of the row is reported, not only the first.
/// </summary>
public static class ExtractRowValidator
{
    /// <summary>The longest case type kept (the KPI cells and the deadline register hold no more).</summary>
    public const int MaxCaseTypeLength = 100;

    public static ExtractRow? Validate(long line, Func<ExtractColumn, string?> field, OrganisationLookup org, DateOnly periodFrom, DateOnly periodTo, List<RowError> errors) =>
        Validate(line, new TextFields(field), org, periodFrom, periodTo, errors);

    public static ExtractRow? Validate<TFields>(long line, in TFields fields, OrganisationLookup org, DateOnly periodFrom, DateOnly periodTo, List<RowError> errors)
        where TFields : IExtractFields
    {
        var before = errors.Count;
        // Static local functions: no closure object per row.
        static string Required(ExtractColumn col, in TFields f, long line, List<RowError> errors)
        {
            var v = f.Text(col) ?? "";
            if (v.Length > 0 && (char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]))) v = v.Trim();
            if (v.Length == 0) errors.Add(new(line, col.ToString(), RowErrorKind.MissingValue, "værdi mangler."));
            return v;
        }
        static DateOnly? Date(ExtractColumn col, bool required, in TFields f, long line, List<RowError> errors)
        {
            var d = f.Date(col);
            if (d.Value is { } value) return value;
            if (d.BadText is { } bad)
                errors.Add(new(line, col.ToString(), RowErrorKind.BadDate, $"{CellText.Quote(bad)} er ikke en dato (dd-MM-åååå eller åååå-MM-dd)."));
            else if (required)
                errors.Add(new(line, col.ToString(), RowErrorKind.MissingValue, "dato mangler."));
            return null;
        }

        if (!fields.HasCaseId) errors.Add(new(line, nameof(ExtractColumn.CaseId), RowErrorKind.MissingValue, "værdi mangler."));
        var adminText = Required(ExtractColumn.Administration, fields, line, errors);
        var unitText = Required(ExtractColumn.Unit, fields, line, errors);
        var caseType = Required(ExtractColumn.CaseType, fields, line, errors);
        if (caseType.Length > MaxCaseTypeLength)
            errors.Add(new(line, nameof(ExtractColumn.CaseType), RowErrorKind.TooLong, $"sagstypen {CellText.Quote(caseType)} er længere end {MaxCaseTypeLength} tegn."));
        var opened = Date(ExtractColumn.Opened, true, fields, line, errors);
        var decided = Date(ExtractColumn.Decided, false, fields, line, errors);
        var closed = Date(ExtractColumn.Closed, false, fields, line, errors);

        int? adminId = null, unitId = null;
        if (adminText.Length > 0)
        {
            adminId = org.Administration(adminText);
            if (adminId is null) errors.Add(new(line, nameof(ExtractColumn.Administration), RowErrorKind.UnknownAdministration, $"ukendt forvaltning {CellText.Quote(adminText)}."));
        }
        if (adminId is { } a && unitText.Length > 0)
        {
            unitId = org.Unit(a, unitText);
            if (unitId is null) errors.Add(new(line, nameof(ExtractColumn.Unit), RowErrorKind.UnknownUnit, $"ukendt enhed {CellText.Quote(unitText)} i {adminText}."));
        }
        string? kleGroup = null;
        var kleText = fields.Text(ExtractColumn.Kle) ?? "";
        if (kleText.Length > 0 && (char.IsWhiteSpace(kleText[0]) || char.IsWhiteSpace(kleText[^1]))) kleText = kleText.Trim();
        if (kleText.Length > 0)
        {
            var (ok, group) = org.KleGroup(kleText);
            if (ok) kleGroup = group;
            else errors.Add(new(line, nameof(ExtractColumn.Kle), RowErrorKind.BadKle, $"{CellText.Quote(kleText)} er ikke en KLE-kode."));
        }
        if (opened is { } o)
        {
            if (decided is { } d && d < o) errors.Add(new(line, nameof(ExtractColumn.Decided), RowErrorKind.DecisionBeforeOpening, $"afgørelsen ({d:dd-MM-yyyy}) ligger før sagen blev oprettet ({o:dd-MM-yyyy})."));
            if (closed is { } c && c < o) errors.Add(new(line, nameof(ExtractColumn.Closed), RowErrorKind.ClosedBeforeOpening, $"lukkedatoen ({c:dd-MM-yyyy}) ligger før sagen blev oprettet ({o:dd-MM-yyyy})."));
            if (o < periodFrom || o > periodTo) errors.Add(new(line, nameof(ExtractColumn.Opened), RowErrorKind.OutsidePeriod, $"oprettet {o:dd-MM-yyyy} ligger uden for udtrækkets periode {periodFrom:dd-MM-yyyy}–{periodTo:dd-MM-yyyy}."));
        }
        if (errors.Count > before) return null;
        return new ExtractRow(adminId!.Value, unitId!.Value, kleGroup, caseType, opened!.Value, decided, closed);
    }
}
