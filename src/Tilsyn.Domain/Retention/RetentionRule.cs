using Tilsyn.Complaints;
using Tilsyn.Organisation;

namespace Tilsyn.Retention;

/// <summary>
/// A retention rule (<i>slettefrist</i>): for cases of a type and/or a KLE subject (a main group
/// <c>27</c>, a group <c>27.24</c> or a topic <c>27.24.00</c> and everything under it), how long after
/// closure the case is kept, and whether it is then discarded or preserved. The rule without type
/// and KLE is the default rule: it always exists and cannot be deleted. Which rule applies to a case
/// is <see cref="RetentionRuleSet.For"/>.
/// </summary>
public sealed class RetentionRule
{
    private RetentionRule() { }

    public RetentionRule(CaseType? caseType, string? klePrefix, string period, RetentionDisposition disposition, string? note = null)
    {
        Set(caseType, klePrefix, period, disposition, note);
    }

    /// <summary>The default rule (<i>standardregel</i>): 5 years after closure, then discarded.</summary>
    public static RetentionRule Default() => new(null, null, RetentionPeriod.FiveYears.Text, RetentionDisposition.Discard, "Standardregel");

    /// <summary>The id the default rule is seeded with.</summary>
    public const int DefaultId = 1;

    public static readonly TextField NoteField = new("Bemærkning", 500);

    public int Id { get; private set; }
    public CaseType? CaseType { get; private set; }

    /// <summary>A KLE code the case's KLE subject equals or lies under; null = any subject.</summary>
    public string? KlePrefix { get; private set; }

    /// <summary>The ISO 8601 duration as entered (<see cref="RetentionPeriod"/>).</summary>
    public string Period { get; private set; } = "";
    public RetentionDisposition Disposition { get; private set; }

    /// <summary>The archive's or the office's note on the rule (e.g. the source of the retention code).</summary>
    public string? Note { get; private set; }

    /// <summary>What the rule covers as one text ("*" for the default; "Complaint|27.24"); unique, so two rules never cover the same cases.</summary>
    public string ScopeKey { get; private set; } = "";

    public bool IsDefault => CaseType is null && KlePrefix is null;

    public RetentionPeriod ParsedPeriod => RetentionPeriod.Parse(Period);

    /// <summary>Changes the rule. The default rule keeps covering every case: only its period, disposition and note change.</summary>
    public void Change(CaseType? caseType, string? klePrefix, string period, RetentionDisposition disposition, string? note)
    {
        var kle = string.IsNullOrWhiteSpace(klePrefix) ? null : klePrefix.Trim();
        if (IsDefault && (caseType is not null || kle is not null))
            throw new DomainException("Standardreglen gælder alle sager; den kan ikke begrænses til en sagstype eller et KLE-emne. Opret en ny regel i stedet.");
        Set(caseType, klePrefix, period, disposition, note);
    }

    /// <summary>Refuses deleting the default rule: some rule must always apply.</summary>
    public void EnsureMayDelete()
    {
        if (IsDefault)
            throw new DomainException("Standardreglen kan ikke slettes; den gælder alle sager, som ingen anden regel dækker.");
    }

    /// <summary>Whether the rule covers a case of this type and KLE subject.</summary>
    public bool Covers(CaseType type, string? kleCode) =>
        (CaseType is null || CaseType == type) && (KlePrefix is null || KleUnder(kleCode, KlePrefix));

    /// <summary>How specific the rule is: type and KLE (longer prefix first) &gt; KLE &gt; type &gt; default.</summary>
    public int Specificity => (CaseType, KlePrefix) switch
    {
        (not null, not null) => 300 + KlePrefix.Length,
        (null, not null) => 200 + KlePrefix.Length,
        (not null, null) => 100,
        _ => 0,
    };

    /// <summary>Danish description of what the rule covers: "Klage · KLE 27.24", "Alle sager (standardregel)".</summary>
    public string Scope => IsDefault ? "Alle sager (standardregel)"
        : string.Join(" · ", new[] { CaseType is { } t ? CaseTexts.Name(t) : null, KlePrefix is { } k ? "KLE " + k : null }.Where(x => x is not null));

    /// <summary>The rule in one line, without personal data: "Klage · KLE 27 · P3650D · Bevar".</summary>
    public string Describe() => $"{Scope} · {Period} · {RetentionDispositions.Name(Disposition)}";

    public static string ScopeKeyOf(CaseType? caseType, string? klePrefix) =>
        caseType is null && klePrefix is null ? "*" : $"{caseType?.ToString() ?? "*"}|{klePrefix ?? "*"}";

    private void Set(CaseType? caseType, string? klePrefix, string period, RetentionDisposition disposition, string? note)
    {
        string? kle = null;
        if (!string.IsNullOrWhiteSpace(klePrefix))
            kle = KleCode.TryParse(klePrefix, out var code)
                ? code.Value.Value
                : throw new DomainException($"Feltet 'KLE-emne' skal være en KLE-kode som 27, 27.24 eller 27.24.00; {CellText.Quote(klePrefix.Trim())} er ikke en.");
        if (caseType is { } t && !Enum.IsDefined(t))
            throw new DomainException("Feltet 'Sagstype' har en ukendt sagstype.");
        if (!Enum.IsDefined(disposition))
            throw new DomainException("Feltet 'Håndtering' skal være 'Kassér' eller 'Bevar'.");
        var parsed = RetentionPeriod.Parse(period);
        CaseType = caseType;
        KlePrefix = kle;
        Period = parsed.Text;
        Disposition = disposition;
        Note = NoteField.Optional(note);
        ScopeKey = ScopeKeyOf(caseType, kle);
    }

    /// <summary>KLE codes nest by whole levels: 27 covers 27.24.00, 27.2 is not a code, 27.24 does not cover 27.25.</summary>
    private static bool KleUnder(string? code, string prefix) =>
        code is not null && (code == prefix || code.StartsWith(prefix + ".", StringComparison.Ordinal));
}
