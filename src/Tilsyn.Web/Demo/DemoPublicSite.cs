using Tilsyn.Evaluations;
using Tilsyn.Web.Evaluations;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The public site's FOKUS reports: the 2013 and 2015 rounds are on the website (as the advisor did, seed 000:
/// "offentliggjort på Borgerrådgiverens hjemmeside"); the 2017 round's report is published to the
/// administrations only, so the demo shows a round the public does not see (its URL answers 404).
/// </summary>
public static class DemoPublicSite
{
    public static async Task SeedAsync(EvaluationService evaluations, TilsynDbContext db, CancellationToken ct)
    {
        if (await db.Set<FokusPublication>().AnyAsync(ct)) return;
        var rounds = await db.Set<EvaluationRound>().AsNoTracking().Where(r => r.ReportPublishedAt != null && (r.Year == 2013 || r.Year == 2015))
            .Select(r => r.Year).ToListAsync(ct);
        foreach (var year in rounds.Order()) await evaluations.PublishPubliclyAsync(year, "Borgerrådgiveren", ct);
    }
}
