using Tilsyn.Publishing;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>What every part of a report shares: the report (its year and texts) and the administrations' codes.</summary>
public sealed record ReportContext(AnnualReport Report, IReadOnlyDictionary<int, string> Codes)
{
    public int Year => Report.Year;

    /// <summary>An administration's code; "Ikke fordelt" for a case with no administration.</summary>
    public string Code(int? id) => id is { } i ? Codes.GetValueOrDefault(i, "?") : "Ikke fordelt";
}
