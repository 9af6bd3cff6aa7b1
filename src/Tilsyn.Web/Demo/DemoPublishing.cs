using System.Globalization;
using System.Security.Claims;
using System.Text;
using Tilsyn.Audits;
using Tilsyn.Complaints;
using Tilsyn.Extracts;
using Tilsyn.Organisation;
using Tilsyn.Publishing;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The last part of the loop, for the demo: an extract from the administrations' case systems (so
/// dashboards and audits have cases), one case audit per administration (two rounds for BUF's
/// day care, showing change), published reports for the last three years with recommendations,
/// the administrations' follow-up accounts, and library entries.
/// </summary>
public sealed class DemoPublishing(TilsynDbContext db, TimeProvider clock, ExtractImporter importer, CaseAuditService audits,
    AnnualReportService reports, CaseExampleService examples)
{
    private static readonly Dictionary<string, string[]> CaseTypes = new()
    {
        ["BUF"] = ["Dagtilbud", "Pladsanvisning", "Skole"], ["SOF"] = ["Børnesag", "Handicap", "Voksen"], ["BIF"] = ["Kontanthjælp", "Sygedagpenge", "Jobafklaring"],
        ["SUF"] = ["Hjemmepleje", "Plejebolig"], ["TMF"] = ["Byggesag", "Parkering", "Miljø"], ["KFF"] = ["Borgerservice", "Bibliotek"], ["ØKF"] = ["Opkrævning", "Aktindsigt"],
    };

    public static ClaimsPrincipal Advisor(string name) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "sagsbehandler"), new Claim(ClaimTypes.Role, Roles.Advisor), new Claim(TilsynClaims.FullName, name)], "demo"));

    public async Task SeedAsync(string advisorName, CancellationToken ct = default)
    {
        if (await db.Set<CaseAudit>().AnyAsync(ct)) return;
        var user = Advisor(advisorName);
        var now = clock.GetUtcNow();
        var year = Tilsyn.Calendar.DanishTime.LocalDate(now).Year;
        var extractId = await SeedExtractAsync(year, ct);
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var rng = new Random(7007);

        // One audit per administration; BUF's day care twice, a year apart, the second better.
        foreach (var a in admins)
        {
            var quality = 0.65 + 0.05 * (a.Id % 5);
            if (a.Code == "BUF")
            {
                var first = await audits.CreateAsync(user, new AuditRequest($"BUF dagtilbud {year - 1}", PopulationSource.Extract, extractId, a.Id, null, null, "Dagtilbud",
                    new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31), StratifyBy.Unit, SampleDesign.StratifiedProportional, 60, 4711), ct);
                await AnswerAsync(first, user, rng, 0.55, ct);
                db.Entry(first).Property(x => x.CreatedAt).CurrentValue = now.AddYears(-1); // back-dated demo data
                var second = await audits.CreateAsync(user, new AuditRequest($"BUF dagtilbud {year}", PopulationSource.Extract, extractId, a.Id, null, null, "Dagtilbud",
                    new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), StratifyBy.Unit, SampleDesign.StratifiedProportional, 60, 4712), ct);
                await AnswerAsync(second, user, rng, 0.92, ct);
                db.Entry(second).Property(x => x.CreatedAt).CurrentValue = now.AddDays(-20); // back-dated demo data
                await db.SaveChangesAsync(ct);
                continue;
            }
            var audit = await audits.CreateAsync(user, new AuditRequest($"{a.Code} sagsaudit {year}", PopulationSource.Extract, extractId, a.Id, null, null, null,
                new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), StratifyBy.Unit, SampleDesign.StratifiedProportional, 30, 1000 + a.Id), ct);
            await AnswerAsync(audit, user, rng, quality, ct);
            db.Entry(audit).Property(x => x.CreatedAt).CurrentValue = now.AddDays(-30 - a.Id); // back-dated demo data
            await db.SaveChangesAsync(ct);
        }

        // Published reports for the three previous years, with recommendations, examples and follow-up.
        var concluded = await db.Cases.AsNoTracking().Supervision().Where(c => c.Outcome != null && c.Summary != null).OrderBy(c => c.Id).Select(c => new { c.Id, c.ConcludedAt }).ToListAsync(ct);
        foreach (var y in new[] { year - 3, year - 2, year - 1 })
        {
            await reports.GetOrCreateAsync(y, ct);
            await reports.SaveTextsAsync(y, Foreword(y), Themes(y), "Borgerrådgiveren anbefaler forvaltningerne at:\n\n- følge op på partshøring og begrundelse i afgørelser\n- svare borgerne inden for de offentliggjorte frister", user, null, ct);
            foreach (var (code, text) in new[] { ("BUF", "Sørg for, at forældre partshøres, før der træffes afgørelse om pladsanvisning."), ("SOF", "Begrund afgørelser om hjælpemidler, så borgeren kan forstå dem."), ("BIF", "Overhold de offentliggjorte sagsbehandlingsfrister for sygedagpenge.") })
                await reports.AddRecommendationAsync(y, admins.Single(a => a.Code == code).Id, text, Tilsyn.Calendar.DanishTime.LocalDate(now).AddDays(90 + 60 * (y - year + 3)), ct);
            foreach (var c in concluded.Where(c => c.ConcludedAt is { } at && Tilsyn.Calendar.DanishTime.LocalDate(at).Year == y).Take(3))
            {
                var e = await examples.FromCaseAsync(c.Id, user, ct);
                await examples.ChangeReviewAsync(e.Id, r => r.ReplaceAll(), ct);
                await examples.ChooseForReportAsync(e.Id, y, ct);
                await examples.PublishToLibraryAsync(e.Id, ct);
            }
            await reports.PublishAsync(y, user, null, ct);
        }
        var bufAudit = await db.Set<CaseAudit>().OrderByDescending(a => a.Id).FirstAsync(a => a.Title.StartsWith("BUF"), ct);
        var entry = await examples.FromAuditAsync(bufAudit, user, ct);
        await examples.ChangeReviewAsync(entry.Id, r => r.ReplaceAll(), ct);
        await examples.PublishToLibraryAsync(entry.Id, ct);

        // The administrations' accounts to their committees for the two oldest reports; the oldest recommendations closed.
        foreach (var y in new[] { year - 3, year - 2 })
        {
            var recs = await AnnualReportService.RecommendationsOf(db.Recommendations, y).ToListAsync(ct);
            foreach (var group in recs.GroupBy(r => r.AdministrationId))
            {
                var admin = admins.Single(a => a.Id == group.Key);
                var account = new FollowUpAccount(y, admin.Id, admin.Committee);
                account.Edit(admin.Committee, $"{admin.Code}s opfølgning på Borgerrådgiverens beretning {y}.",
                    group.Select(r => new AccountItem(r.Id, $"{admin.Code} har gennemgået praksis og holdt temamøde med lederne.", "Stikprøver i næste kvartal.")), now, admin.Code);
                account.Submit([.. group], now, admin.Code);
                db.Add(account);
                if (y == year - 3)
                    foreach (var r in group) r.Close("Forvaltningen har dokumenteret ændret praksis.", now, advisorName);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AnswerAsync(CaseAudit audit, ClaimsPrincipal user, Random rng, double quality, CancellationToken ct)
    {
        var checklist = AuditChecklist.Current;
        var cases = await db.Set<SampledCase>().Where(c => c.AuditId == audit.Id).ToListAsync(ct);
        foreach (var c in cases)
        {
            var answers = new Dictionary<string, AuditCell>();
            foreach (var q in checklist.Questions)
            {
                var notRelevant = q.Key.Contains("access", StringComparison.OrdinalIgnoreCase) ? 0.85 : 0.1;
                var roll = rng.NextDouble();
                answers[q.Key] = roll < notRelevant ? new AuditCell(AuditAnswer.NotRelevant, null)
                    : rng.NextDouble() < quality ? new AuditCell(AuditAnswer.Met, null) : new AuditCell(AuditAnswer.NotMet, "Mangler i sagen.");
            }
            await audits.RecordAsync(user, audit, c, answers, ct);
        }
    }

    /// <summary>A synthetic extract for the demo organisation: cases per unit and quarter with case types, KLE codes and decision dates.</summary>
    private async Task<int> SeedExtractAsync(int year, CancellationToken ct)
    {
        var admins = await db.Administrations.AsNoTracking().ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Unit).ToListAsync(ct);
        var kle = await db.KleSubjects.AsNoTracking().Select(k => k.Code).ToListAsync(ct);
        var kleCodes = kle.Select(k => k.ToString()).Where(k => k.Count(ch => ch == '.') >= 1).ToList();
        var rng = new Random(2026);
        var from = new DateOnly(year - 2, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var sb = new StringBuilder("case_id;administration;unit;kle;case_type;opened;decided;closed;status\n");
        var n = 0;
        foreach (var u in units.OrderBy(u => u.Id))
        {
            var admin = admins.Single(a => a.Id == u.AdministrationId);
            var types = CaseTypes.GetValueOrDefault(admin.Code, ["Sag"]);
            for (var d = from; d <= to && d <= Tilsyn.Calendar.DanishTime.LocalDate(clock.GetUtcNow()); d = d.AddDays(rng.Next(2, 6)))
            {
                var type = types[rng.Next(types.Length)];
                var code = kleCodes.Count == 0 ? "" : kleCodes[rng.Next(kleCodes.Count)];
                var days = rng.Next(5, 90);
                var decided = d.AddDays(days);
                var done = decided <= Tilsyn.Calendar.DanishTime.LocalDate(clock.GetUtcNow());
                sb.Append(CultureInfo.InvariantCulture, $"DEMO-{++n:D7};{admin.Code};{u.Name};{code};{type};{d:yyyy-MM-dd};{(done ? decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")};;{(done ? "Afsluttet" : "Åben")}\n");
            }
        }
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()));
        var report = await importer.ImportAsync(stream, new ImportRequest("Demo-ESDH", from, to, ErrorPolicy.QuarantineBadRows, new ColumnMap(), "demo-udtraek.csv", "Tilsyn (demo)"), null, ct);
        return report.ExtractId ?? throw new InvalidOperationException($"Demo extract: {report.Message} {string.Join("; ", report.FirstErrors.Take(3))}");
    }

    private static string Foreword(int year) =>
        $"Borgerrådgiverens beretning for {year} samler årets klager og henvendelser, tilsynet med forvaltningerne og de anbefalinger, vi giver videre.\n\n" +
        "Tallene skal læses med omtanke: klageniveauet bevæger sig med serviceændringer, omorganiseringer og ny lovgivning.";

    private static string Themes(int year) =>
        $"Årets temaer i {year}:\n\n- Partshøring før afgørelser om pladsanvisning\n- Begrundelser, borgerne kan forstå\n- Frister, der bliver overholdt";
}
