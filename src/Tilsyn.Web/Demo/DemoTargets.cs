using Tilsyn.Calendar;
using Tilsyn.Targets;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The administrations' own targets for the demo (issue 15): BUF's reasoned "no target" (seed 004),
/// BIF's result-contract target to reduce formal complaints (seed 003), SOF's targets for two KLE
/// groups, SUF's for one of its areas, TMF's for a case type, and a draft at KFF not yet submitted.
/// </summary>
public static class DemoTargets
{
    /// <summary>BUF's reasons (seed 004, <i>Fastsættelse af måltal for nedbringelse af antal klager</i>), in its own words.</summary>
    public const string BufReason =
        "Forvaltningen vurderer ikke, at det er relevant på forhånd at identificere bestemte sagsområder mhp. bedre ledelsesinformation og måltal, "
        + "idet der via ledelsesstrengen er større udbytte af læringen, når den er konkret og praksisnær. Klagemuligheden er desuden en retssikkerhedsgaranti "
        + "for borgerne, som ikke bør begrænses af måltal, da antallet af klager på et område ofte varierer med ændringer i serviceniveauet, omstruktureringer og ny lovgivning. "
        + "Forvaltningen reagerer på systemfejl i ledelsesstrengen, bl.a. på baggrund af dataudtræk fra journaliseringen, og vurderer herefter, om måltal kan medvirke til at nedbringe fejl i sagsbehandlingen.";

    public static async Task SeedAsync(TilsynDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<AdministrationTarget>().AnyAsync(ct)) return;
        var ids = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var year = today.Year;
        var lastYear = new DateOnly(year - 1, 12, 1);

        void Add(string code, ComplaintTarget target, int first, int last, bool contract, string by, bool submit)
        {
            var t = AdministrationTarget.Record(target, first, last, contract, now.AddDays(-40), by);
            if (submit) t.Submit(now.AddDays(-35), by);
            db.Add(t);
        }

        if (ids.TryGetValue("BUF", out var buf))
            Add("BUF", ComplaintTarget.NoTarget(buf, TargetArea.WholeAdministration, BufReason, new DateOnly(year - 1, 11, 15), "Børne- og Ungdomsudvalget", today),
                year - 1, year + 1, false, "Lene Mortensen", true);
        if (ids.TryGetValue("BIF", out var bif))
            Add("BIF", ComplaintTarget.Reduction(bif, TargetArea.WholeAdministration, TargetMeasure.Count, year - 1, 20, lastYear, "Beskæftigelses- og Integrationsudvalget", today),
                year, year, true, "Thomas Vang", true);
        if (ids.TryGetValue("SOF", out var sof))
        {
            Add("SOF", ComplaintTarget.Ceiling(sof, TargetArea.Kle("27.36"), TargetMeasure.PerThousandCases, 5, lastYear, "Socialudvalget", today), year, year + 1, false, "Karim Hassan", true);
            Add("SOF", ComplaintTarget.Ceiling(sof, TargetArea.Kle("27.60"), TargetMeasure.Count, 12, lastYear, "Socialudvalget", today), year, year + 1, false, "Karim Hassan", true);
        }
        if (ids.TryGetValue("SUF", out var suf) && await db.OrgUnits.AsNoTracking().Where(u => u.AdministrationId == suf && u.Kind == Tilsyn.Organisation.OrgUnitKind.Area)
                .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct) is { } area)
            Add("SUF", ComplaintTarget.Reduction(suf, TargetArea.ForUnit(area.Id, area.Name), TargetMeasure.PerThousandCases, year - 1, 10, lastYear, "Sundheds- og Omsorgsudvalget", today),
                year, year, false, "Henrik Berg", true);
        if (ids.TryGetValue("TMF", out var tmf))
            Add("TMF", ComplaintTarget.Ceiling(tmf, TargetArea.ForCaseType("Parkering"), TargetMeasure.PerThousandCases, 2, lastYear, "Teknik- og Miljøudvalget", today), year, year, false, "Ida Skov", true);
        if (ids.TryGetValue("KFF", out var kff))
            Add("KFF", ComplaintTarget.Ceiling(kff, TargetArea.Kle("23.05"), TargetMeasure.Count, 15, today.AddDays(-3), "Kultur- og Fritidsudvalget", today), year, year, false, "Mona Jensen", false);
        await db.SaveChangesAsync(ct);
    }
}
