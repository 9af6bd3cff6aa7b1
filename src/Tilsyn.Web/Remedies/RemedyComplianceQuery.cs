using Tilsyn.Calendar;
using Tilsyn.Remedies;

namespace Tilsyn.Web.Remedies;

/// <summary>One administration's compliance with remedies, with its code and name for a table.</summary>
public sealed record ComplianceRow(string Code, string Name, ComplianceFigures Figures);

/// <summary>
/// Compliance with remedies per administration (<see cref="RemedyCompliance"/>) for the statistics page and the annual
/// report: the remedies of the advisor's own cases (not an administration's own register) whose due date lies in the period.
/// Aggregates only: no case number or text leaves here.
/// </summary>
public static class RemedyComplianceQuery
{
    /// <summary>
    /// The default period when none is chosen: the current calendar year, as the annual report counts it (remedies due later
    /// this year show as "not yet due").
    /// </summary>
    public static ReportingPeriod DefaultPeriod(DateOnly today) => ReportingPeriod.ForYear(today.Year);

    public static async Task<List<ComplianceRow>> PerAdministrationAsync(TilsynDbContext db, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        var advisorCases = db.Cases.Where(c => c.OwnerAdministrationId == null).Select(c => c.Id);
        var remedies = await db.Set<Remedy>().AsNoTracking()
            .Where(r => r.DueDate >= period.From && r.DueDate <= period.To && advisorCases.Contains(EF.Property<int>(r, "CaseId")))
            .ToListAsync(ct);
        var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        return RemedyCompliance.PerAdministration(remedies, period, today)
            .Select(f => new ComplianceRow(admins.GetValueOrDefault(f.AdministrationId).Code ?? "?", admins.GetValueOrDefault(f.AdministrationId).Name ?? "", f))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A share as a Danish percentage ("67 %"), or "–" when nothing was assessed.</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0", DanishTime.Culture) + " %" : "–";
}

/// <summary>What the statistics page's compliance table (<c>_RemedyCompliance.cshtml</c>) shows: one administration or all, for a period (default: the current calendar year).</summary>
public sealed record RemedyComplianceFilter(int? AdministrationId, ReportingPeriod? Period);
