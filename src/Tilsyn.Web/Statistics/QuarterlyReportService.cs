using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Organisation;
using Tilsyn.Recommendations;
using Tilsyn.Statistics;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Statistics;

/// <summary>
/// Loads what the quarterly committee report needs (both registers' complaint facts, the case volumes
/// of the extracts, the open recommendations) and lets the domain compute it
/// (<see cref="ComplaintFigures.CommitteeReport"/>). Who may see which administration is
/// <see cref="ComplaintReportAccess"/>; another administration's report is "not found" (and the attempt logged).
/// </summary>
public sealed class QuarterlyReportService(TilsynDbContext db, ComplaintFactQuery facts, AccessLog accessLog, TimeProvider clock)
{
    public static ComplaintReportAccess Access(ClaimsPrincipal user) => ComplaintReportAccess.For(user.RoleNames(), user.AdministrationIdOf());

    /// <summary>
    /// The administration named by <paramref name="idOrCode"/> (its id, or its code such as <c>BUF</c>) if the user may see its
    /// report; null when there is none or the user may not (the refusal of an existing one is logged). Without a name, a user
    /// limited to one administration gets its own.
    /// </summary>
    public async Task<Administration?> FindAsync(string? idOrCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = Access(user);
        var key = (idOrCode ?? "").Trim();
        Administration? found;
        if (key.Length == 0)
            found = access.OnlyAdministration is { } own ? await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == own, ct) : null;
        else if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            found = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        else
        {
            var code = key.ToUpperInvariant();
            found = code.Length > 20 ? null : await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        }
        if (found is null) return null;
        if (access.MaySee(found.Id)) return found;
        if (user.Identity?.IsAuthenticated == true) await accessLog.RefusedAsync($"klagerapporten for forvaltning {found.Id}", ct: ct);
        return null;
    }

    /// <summary>The administrations the user may choose between, by code.</summary>
    public async Task<List<Administration>> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var access = Access(user);
        var all = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        return all.Where(a => access.MaySee(a.Id)).ToList();
    }

    /// <summary>The default period: the last quarter that has ended (Copenhagen's today).</summary>
    public ReportingPeriod DefaultPeriod() => ReportingPeriod.QuartersEndingWith(ReportingPeriod.Containing(PeriodKind.Quarter, clock.Today()), 2)[0];

    public DateOnly Today => clock.Today();

    public async Task<QuarterlyReport> BuildAsync(Administration administration, ReportingPeriod period, ClaimsPrincipal user, CancellationToken ct)
    {
        var trend = period.LastQuarters(ComplaintFigures.TrendQuarters);
        var yearEarlier = period.YearEarlier();
        var from = new[] { trend[0].From, yearEarlier.From, period.From }.Min();
        var to = new[] { trend[^1].To, period.To }.Max();
        var read = await facts.ReceivedAsync(administration.Id, from, to, ct);
        var volumes = await facts.VolumesAsync(administration.Id, ct);
        var figures = ComplaintFigures.CommitteeReport(administration.Id, period, read, volumes);
        List<UnitComplaintsRow>? units = null;
        if (StatisticsQueries.Access(user).MaySeeUnitsOf(administration.Id))
        {
            var names = await db.OrgUnits.AsNoTracking().Where(u => u.AdministrationId == administration.Id).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            units = [.. ComplaintFigures.ByUnit(administration.Id, period, read).Select(x => new UnitComplaintsRow(
                x.UnitId is { } id ? names.GetValueOrDefault(id, "(anden forvaltnings enhed)") : "(enhed ikke angivet)", x.Count))];
        }
        return new QuarterlyReport(administration.Id, administration.Code, administration.Name, administration.Committee, period, figures,
            await OpenRecommendationsAsync(administration.Id, user, ct), units, await TargetsAsync(administration.Id, period, ct), clock.Today());
    }

    /// <summary>The administration's own submitted targets with their status for the period (issue 15 point 3); a "no target" shows its reason.</summary>
    private async Task<IReadOnlyList<QuarterlyTargetRow>> TargetsAsync(int administrationId, ReportingPeriod period, CancellationToken ct)
    {
        var rows = await new Tilsyn.Web.Targets.OwnTargetStatusQuery(db, clock).ForAsync(administrationId, period, ct, submittedOnly: true);
        return [.. rows.Select(r => r.Target.Rule == Tilsyn.Targets.TargetRule.NoTarget
            ? new QuarterlyTargetRow(r.Area, "Intet måltal", "Begrundelse: " + r.Target.Reason, r.Status.OutcomeName)
            : new QuarterlyTargetRow(r.Area, r.Description, r.Status.Explanation, r.Status.OutcomeName + (r.Status.Provisional ? " (foreløbig)" : "")))];
    }

    /// <summary>The figures of each quarter of <paramref name="year"/> (the API).</summary>
    public async Task<IReadOnlyList<PeriodFigures>> QuartersAsync(int administrationId, int year, CancellationToken ct)
    {
        var quarters = Enumerable.Range(1, 4).Select(q => ReportingPeriod.ForQuarter(year, q)).ToList();
        var read = await facts.ReceivedAsync(administrationId, quarters[0].From, quarters[^1].To, ct);
        return ComplaintFigures.ForPeriods(administrationId, quarters, read, await facts.VolumesAsync(administrationId, ct));
    }

    private async Task<List<OpenRecommendationRow>> OpenRecommendationsAsync(int administrationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = await db.Recommendations.AsNoTracking().Where(r => r.AdministrationId == administrationId && r.Status != RecommendationStatus.Closed)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id).ToListAsync(ct);
        var today = clock.Today();
        var access = Access(user);
        // Case numbers only to whom may see the case (need-to-know); Leadership gets the kind of source, no number and no link.
        var shown = access.MaySeeCaseReferences ? await Tilsyn.Web.Recommendations.RecommendationReferences.ShownAsync(db, user, open, ct) : [];
        return open.Select(r => new OpenRecommendationRow(access.MaySeeCaseReferences ? r.Id : null, Recommendation.Name(r.Source),
            shown.TryGetValue(r.Id, out var reference) ? reference : "", r.Text, r.DueDate, Recommendation.Name(r.Status), r.IsOverdue(today))).ToList();
    }
}
