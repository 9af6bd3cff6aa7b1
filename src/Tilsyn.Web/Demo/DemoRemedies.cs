using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Recommendations;
using Tilsyn.Remedies;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The demo's remedies (issue 15): on the advisor's cases concluded with criticism or a recommendation, remedies asked for
/// at the conclusion, most carried out in time, some late, one refused, some still outstanding or not yet due; and one
/// recommendation aimed at a unit and a complaint category, closed nine months ago, so "Virkede det?" has a before and
/// an after. Everything is dated from the clock, like the demo's cases.
/// </summary>
public static class DemoRemedies
{
    private static readonly Actor Advisor = new(null, "Borgerrådgiveren");
    private static readonly Actor Contact = new(null, "Forvaltningens kontaktperson");

    public static async Task SeedAsync(TilsynDbContext db, TimeProvider clock, IReadOnlyList<ComplaintCase> cases, CancellationToken ct)
    {
        var today = clock.Today();
        var upheld = cases
            .Where(c => c.OwnerAdministrationId == null && c.MayAskForRemedies && c.ConcludedAt is not null)
            .OrderBy(c => c.ConcludedAt).ToList();
        RemedyKind[] kinds = [RemedyKind.Apology, RemedyKind.PracticeChange, RemedyKind.StaffGuidance, RemedyKind.Reconsideration, RemedyKind.Redress];
        var refused = false;
        for (var i = 0; i < upheld.Count; i++)
        {
            var c = upheld[i];
            var concludedAt = c.ConcludedAt!.Value;
            var concluded = DanishTime.LocalDate(concludedAt);
            var remedy = c.AskForRemedy(kinds[i % kinds.Length], null, concluded.AddDays(30), concludedAt, Advisor);
            var answered = concluded.AddDays(5);
            if (answered >= today) continue; // just concluded: not answered yet
            DateTimeOffset On(DateOnly day) => DanishTime.At(day, new TimeOnly(10, 0));
            switch (i % 6)
            {
                case 0 or 1 or 2: // carried out in time
                    c.RecordRemedyAnswer(remedy, RemedyAnswer.Accepted, answered, null, On(answered), Contact);
                    if (concluded.AddDays(20) < today) c.RecordRemedyCarriedOut(remedy, concluded.AddDays(20), On(concluded.AddDays(20)), Contact);
                    break;
                case 3: // carried out late
                    c.RecordRemedyAnswer(remedy, RemedyAnswer.Accepted, answered, null, On(answered), Contact);
                    if (concluded.AddDays(45) < today) c.RecordRemedyCarriedOut(remedy, concluded.AddDays(45), On(concluded.AddDays(45)), Contact);
                    break;
                case 4 when !refused: // one refused
                    c.RecordRemedyAnswer(remedy, RemedyAnswer.Refused, answered, null, On(answered), Contact);
                    refused = true;
                    break;
                case 4: // accepted in part, with a later agreed due date, not yet carried out
                    c.RecordRemedyAnswer(remedy, RemedyAnswer.PartlyAccepted, answered, concluded.AddDays(60), On(answered), Contact);
                    break;
                default: // never answered
                    break;
            }
        }

        // "Did it help?": a recommendation aimed at the unit and category with the most complaints, closed nine months ago.
        var aim = cases
            .Where(c => c.OwnerAdministrationId == null && c.Type == CaseType.Complaint && c.UnitId is not null && c.AdministrationId is not null)
            .SelectMany(c => c.Categories.Select(k => (Case: c, k.Category)))
            .GroupBy(x => (x.Case.AdministrationId!.Value, x.Case.UnitId!.Value, x.Category))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Item2).ThenBy(g => g.Key.Category)
            .FirstOrDefault();
        if (aim is not null)
        {
            var (administrationId, unitId, category) = aim.Key;
            var closed = today.AddMonths(-9);
            var created = DanishTime.At(closed.AddMonths(-4), new TimeOnly(9, 0));
            var source = aim.OrderBy(x => x.Case.ReceivedAt).Select(x => x.Case.Number).First();
            var r = new Recommendation(RecommendationSource.ComplaintCase, source, administrationId, unitId,
                $"Enheden bør sikre, at reglerne om {ComplaintCategories.Name(category).ToLower(DanishTime.Culture)} altid følges, og følge op med instruks og stikprøver.",
                closed.AddMonths(-1), created, Advisor.Name, category);
            r.ReportProgress("Ny instruks er udsendt, og medarbejderne er undervist; stikprøver viser, at instruksen følges.", "instruks.pdf", DanishTime.At(closed.AddMonths(-1).AddDays(-7), new TimeOnly(9, 0)), Contact.Name);
            r.Close("Instruksen er set anvendt i stikprøver.", DanishTime.At(closed, new TimeOnly(11, 0)), Advisor.Name);
            db.Recommendations.Add(r);
        }
        await db.SaveChangesAsync(ct);
    }
}
