using Tilsyn.Evaluations;
using Tilsyn.Recommendations;

namespace Tilsyn.Web.Demo;

/// <summary>
/// FOKUS rounds 2013, 2015 and 2017 for all seven administrations: submitted answers with
/// initiatives and assessments that improve over time (as seed 000 reports); BUF's 2017 answer is
/// limited to complaint handling by agreement (seed 002).
/// </summary>
public sealed class DemoEvaluations(TilsynDbContext db)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<EvaluationRound>().AnyAsync(ct)) return;
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var rng = new Random(2013);
        var baseScore = admins.ToDictionary(a => a.Id, _ => rng.Next(1, 3));
        foreach (var (year, step) in new[] { (2013, 0), (2015, 1), (2017, 2) })
        {
            var at = new DateTimeOffset(year, 2, 1, 9, 0, 0, TimeSpan.Zero);
            // Opened on 1 February of its year, as the advisor did then; each round starts from the one before.
            var round = EvaluationRound.Open(year, new DateOnly(year, 3, 15), await db.Set<EvaluationRound>().AsNoTracking().ToListAsync(ct), Tilsyn.Calendar.DanishTime.LocalDate(at), at, "Borgerrådgiveren");
            var scheme = round.Scheme;
            db.Add(round);
            await db.SaveChangesAsync(ct);
            foreach (var a in admins)
            {
                var answer = new EvaluationAnswer(a.Id, scheme);
                if (year == 2017 && a.Code == "BUF") answer.SetScope("Besvarelsen er efter aftale afgrænset til klagebehandling.", at, "BUF");
                answer.Answer("A1", $"{a.Code}: direktionen følger op på klager og sagsbehandlingstider {(step == 0 ? "én gang om året" : step == 1 ? "hvert halve år" : "hvert kvartal")}.");
                answer.Answer("A2", step == 0 ? "nej" : "ja");
                answer.SetInitiatives("B1",
                [
                    new Initiative("Kursus i forvaltningsret", "Bedre afgørelser", "Sagsbehandlere", new DateOnly(year - 1, 9, 1), step == 0 ? "Ikke fastlagt" : "Stikprøver af afgørelser"),
                    .. step >= 1 ? [new Initiative("Fast klageprocedure", "Hurtigere svar til borgerne", "Ledere", new DateOnly(year - 1, 3, 1), "Kvartalsvis opgørelse")] : Array.Empty<Initiative>(),
                    .. step >= 2 ? [new Initiative("Læring på tværs af enheder", "Undgå gentagne fejl", "Alle enheder", new DateOnly(year - 1, 6, 1), "Temamøder med opsamling")] : Array.Empty<Initiative>(),
                ]);
                answer.Answer("F1", Math.Min(5, 2 + step).ToString());
                var slots = Enumerable.Range(1, 3).Select(i => new MeetingSlot(at.AddDays(40 + i), TimeSpan.FromHours(1))).ToList();
                answer.Submit($"Hermed {a.Name}s besvarelse af FOKUS {year}.", slots, [$"Direktør <direktoer@{a.Code.ToLowerInvariant().Replace("ø", "oe")}.example>"], at.AddDays(30), a.Code);
                answer.ChooseMeeting(1, at.AddDays(35), "Borgerrådgiveren");

                var assessment = new EvaluationAssessment();
                var score = Math.Min(4, baseScore[a.Id] + step);
                foreach (var section in scheme.Sections)
                    assessment.AssessSection(scheme, section.Letter, Math.Clamp(score + (section.Letter == "C" ? 0 : rng.Next(-1, 1)), 1, 4), null);
                for (var i = 0; i < answer.Initiatives("B1").Count; i++)
                    assessment.AssessInitiative(answer, "B1", i, Math.Clamp(score + (i == 0 && step == 0 ? -1 : 0), 1, 4), i == 0 && step == 0 ? "Effekten følges ikke op." : "Egnet, og effekten følges op.");
                assessment.AssessOverall(score, step == 2 ? "Tydelig fremgang siden 2013." : null);
                var record = new EvaluationAnswerRecord(round, a.Id, at);
                record.Store(answer, at.AddDays(30));
                record.Assess(assessment, at.AddDays(40));
                db.Add(record);
            }
            round.PublishReport(at.AddDays(60), "Borgerrådgiveren");
            await db.SaveChangesAsync(ct);
        }

        // Open recommendations from the 2017 round and the annual report, some past their follow-up date.
        var created = new DateTimeOffset(2025, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var texts = new (string Code, RecommendationSource Source, string Reference, string Text, int DueMonths, bool Progress)[]
        {
            ("BUF", RecommendationSource.Fokus, "FOKUS 2017", "Følg op på effekten af klageforløbet i dagtilbud med stikprøver.", 6, true),
            ("SOF", RecommendationSource.AnnualReport, "Beretning 2025", "Overhold de offentliggjorte sagsbehandlingsfrister på handicapområdet.", 8, false),
            ("BIF", RecommendationSource.ComplaintCase, "Klagesager 2025", "Partshør altid før sanktion af kontanthjælp.", 18, true),
            ("TMF", RecommendationSource.AuditorNote, "Direktionsnotat 2025/2", "Journalisér alle afgørelser i byggesager.", 15, false),
        };
        foreach (var t in texts)
        {
            var admin = admins.Single(a => a.Code == t.Code);
            var r = new Tilsyn.Recommendations.Recommendation(t.Source, t.Reference, admin.Id, null, t.Text, Tilsyn.Calendar.DanishTime.LocalDate(created).AddMonths(t.DueMonths), created, "Borgerrådgiveren");
            if (t.Progress) r.ReportProgress("Arbejdet er i gang; status gives på næste udvalgsmøde.", null, created.AddMonths(2), t.Code);
            db.Add(r);
        }
        await db.SaveChangesAsync(ct);
    }
}
