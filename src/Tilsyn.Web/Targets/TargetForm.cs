using System.Globalization;
using Tilsyn.Calendar;
using Tilsyn.Targets;

namespace Tilsyn.Web.Targets;

/// <summary>
/// What the target form posts, as text, and its translation into the domain's <see cref="ComplaintTarget"/>.
/// Every refusal names the field (<i>Feltet 'Basisår' …</i>).
/// </summary>
public sealed class TargetForm
{
    public TargetAreaKind AreaKind { get; set; } = TargetAreaKind.Kle;
    public string? Kle { get; set; }
    public string? CaseType { get; set; }
    public int? UnitId { get; set; }
    public TargetRule Rule { get; set; } = TargetRule.Ceiling;
    public TargetMeasure Measure { get; set; } = TargetMeasure.PerThousandCases;
    public string? Ceiling { get; set; }
    public string? BaselineYear { get; set; }
    public string? Percent { get; set; }
    public string? Reason { get; set; }
    public string? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? FirstYear { get; set; }
    public string? LastYear { get; set; }
    public bool ResultContract { get; set; }
    /// <summary>Count service complaints too (the default counts formal complaints only).</summary>
    public bool AllComplaints { get; set; }

    public static TargetForm From(AdministrationTarget t) => new()
    {
        AreaKind = t.AreaKind,
        Kle = t.KleCode,
        CaseType = t.CaseType,
        UnitId = t.OrgUnitId,
        Rule = t.Rule,
        Measure = t.Measure ?? TargetMeasure.PerThousandCases,
        Ceiling = t.CeilingValue?.ToString("0.##", DanishTime.Culture),
        BaselineYear = t.BaselineYear?.ToString(CultureInfo.InvariantCulture),
        Percent = t.ReductionPercent?.ToString("0.##", DanishTime.Culture),
        Reason = t.Reason,
        DecidedOn = t.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DecidedBy = t.DecidedBy,
        FirstYear = t.FirstYear.ToString(CultureInfo.InvariantCulture),
        LastYear = t.LastYear.ToString(CultureInfo.InvariantCulture),
        ResultContract = t.ResultContract,
        AllComplaints = !t.FormalOnly,
    };

    /// <summary>The target for <paramref name="administrationId"/>; <paramref name="unitName"/> resolves a unit of that administration (null: not one of its units).</summary>
    public (ComplaintTarget Target, int FirstYear, int LastYear) ToDomain(int administrationId, Func<int, string?> unitName, DateOnly today)
    {
        var area = AreaKind switch
        {
            TargetAreaKind.Kle => TargetArea.Kle(Required(Kle, "KLE-gruppe eller -emne")),
            TargetAreaKind.CaseType => TargetArea.ForCaseType(CaseType ?? ""),
            TargetAreaKind.OrgUnit => UnitId is { } u && unitName(u) is { } name ? TargetArea.ForUnit(u, name) : throw new DomainException("Feltet 'Enhed': vælg en enhed i forvaltningen."),
            TargetAreaKind.Administration => TargetArea.WholeAdministration,
            _ => throw new DomainException("Feltet 'Sagsområde': vælg hvad måltallet gælder."),
        };
        var decidedOn = DateOnly.TryParseExact((DecidedOn ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact((DecidedOn ?? "").Trim(), "d-M-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)
            ? d : throw new DomainException("Feltet 'Besluttet den' skal være en dato (fx 2016-04-26).");
        var firstYear = Year(FirstYear, "Første år");
        var lastYear = string.IsNullOrWhiteSpace(LastYear) ? firstYear : Year(LastYear, "Sidste år");
        var target = Rule switch
        {
            TargetRule.Ceiling => ComplaintTarget.Ceiling(administrationId, area, CheckMeasure(), Number(Ceiling, "Måltal"), decidedOn, DecidedBy ?? "", today, !AllComplaints),
            TargetRule.Reduction => ComplaintTarget.Reduction(administrationId, area, CheckMeasure(), Year(BaselineYear, "Basisår"), Number(Percent, "Reduktion i %"), decidedOn, DecidedBy ?? "", today, !AllComplaints),
            TargetRule.NoTarget => ComplaintTarget.NoTarget(administrationId, area, Reason ?? "", decidedOn, DecidedBy ?? "", today),
            _ => throw new DomainException("Feltet 'Beslutning': vælg et måltal, en reduktion eller intet måltal."),
        };
        return (target, firstYear, lastYear);
    }

    private TargetMeasure CheckMeasure() => Enum.IsDefined(Measure) ? Measure : throw new DomainException("Feltet 'Måles som': vælg pr. 1.000 sager eller antal klager.");

    private static string Required(string? value, string label) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"Feltet '{label}' skal udfyldes.") : value.Trim();

    private static int Year(string? value, string label) =>
        int.TryParse((value ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 9998
            ? y : throw new DomainException($"Feltet '{label}' skal være et årstal (fx 2016).");

    private static double Number(string? value, string label)
    {
        var text = (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace('.', ',');
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, DanishTime.Culture, out var n) && double.IsFinite(n)
            ? n : throw new DomainException($"Feltet '{label}' skal være et tal (fx 20 eller 4,5).");
    }
}
