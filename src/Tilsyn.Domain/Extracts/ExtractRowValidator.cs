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

    public int? Administration(string text) =>
        adminMemo.GetOrAdd(text, t => administrations.TryGetValue(t.Trim(), out var id) ? id : null);

    public int? Unit(int administrationId, string name) =>
        unitMemo.GetOrAdd((administrationId, name), k => units.TryGetValue((k.Item1, Key(k.Item2)), out var id) ? id : null);

    /// <summary>The KLE group (two levels, or the main group) of a code; Ok false when it is not a KLE code.</summary>
    public (bool Ok, string? Group) KleGroup(string code) =>
        kleMemo.GetOrAdd(code, c => KleCode.TryParse(c, out var kle) ? (true, (kle.Value.Group ?? kle.Value.MainGroup).Value) : (false, null));
    private static string Key(string s) => s.Trim().ToLowerInvariant();
}

/// <summary>
/// Checks one row of an extract and turns it into an <see cref="ExtractRow"/>, or says exactly what is
/// wrong with it by column. Every error of the row is reported, not only the first.
/// </summary>
public static class ExtractRowValidator
{
    public static ExtractRow? Validate(long line, Func<ExtractColumn, string?> field, OrganisationLookup org, DateOnly periodFrom, DateOnly periodTo, List<RowError> errors)
    {
        var before = errors.Count;
        string Required(ExtractColumn col)
        {
            var v = field(col)?.Trim() ?? "";
            if (v.Length == 0) errors.Add(new(line, col.ToString(), RowErrorKind.MissingValue, "værdi mangler."));
            return v;
        }
        DateOnly? Date(ExtractColumn col, bool required)
        {
            var v = field(col)?.Trim() ?? "";
            if (v.Length == 0)
            {
                if (required) errors.Add(new(line, col.ToString(), RowErrorKind.MissingValue, "dato mangler."));
                return null;
            }
            if (ExtractDates.TryParse(v, out var d)) return d;
            errors.Add(new(line, col.ToString(), RowErrorKind.BadDate, $"'{v}' er ikke en dato (dd-MM-åååå eller åååå-MM-dd)."));
            return null;
        }

        var caseId = Required(ExtractColumn.CaseId);
        var adminText = Required(ExtractColumn.Administration);
        var unitText = Required(ExtractColumn.Unit);
        var caseType = Required(ExtractColumn.CaseType);
        var opened = Date(ExtractColumn.Opened, true);
        var decided = Date(ExtractColumn.Decided, false);
        var closed = Date(ExtractColumn.Closed, false);

        int? adminId = null, unitId = null;
        if (adminText.Length > 0)
        {
            adminId = org.Administration(adminText);
            if (adminId is null) errors.Add(new(line, nameof(ExtractColumn.Administration), RowErrorKind.UnknownAdministration, $"ukendt forvaltning '{adminText}'."));
        }
        if (adminId is { } a && unitText.Length > 0)
        {
            unitId = org.Unit(a, unitText);
            if (unitId is null) errors.Add(new(line, nameof(ExtractColumn.Unit), RowErrorKind.UnknownUnit, $"ukendt enhed '{unitText}' i {adminText}."));
        }
        string? kleGroup = null;
        var kleText = field(ExtractColumn.Kle)?.Trim() ?? "";
        if (kleText.Length > 0)
        {
            var (ok, group) = org.KleGroup(kleText);
            if (ok) kleGroup = group;
            else errors.Add(new(line, nameof(ExtractColumn.Kle), RowErrorKind.BadKle, $"'{kleText}' er ikke en KLE-kode."));
        }
        if (opened is { } o)
        {
            if (decided is { } d && d < o) errors.Add(new(line, nameof(ExtractColumn.Decided), RowErrorKind.DecisionBeforeOpening, $"afgørelsen ({d:dd-MM-yyyy}) ligger før sagen blev oprettet ({o:dd-MM-yyyy})."));
            if (closed is { } c && c < o) errors.Add(new(line, nameof(ExtractColumn.Closed), RowErrorKind.ClosedBeforeOpening, $"lukkedatoen ({c:dd-MM-yyyy}) ligger før sagen blev oprettet ({o:dd-MM-yyyy})."));
            if (o < periodFrom || o > periodTo) errors.Add(new(line, nameof(ExtractColumn.Opened), RowErrorKind.OutsidePeriod, $"oprettet {o:dd-MM-yyyy} ligger uden for udtrækkets periode {periodFrom:dd-MM-yyyy}–{periodTo:dd-MM-yyyy}."));
        }
        if (errors.Count > before) return null;
        return new ExtractRow(caseId, adminId!.Value, unitId!.Value, kleGroup, caseType, opened!.Value, decided, closed);
    }
}
