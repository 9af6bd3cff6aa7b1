using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Letters;
using Tilsyn.Organisation;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Demo;

/// <summary>
/// Two years of realistic demo cases across all administrations, categories, outcomes and states,
/// including overdue ones, built through the case's own methods with past times so that history,
/// numbers and deadlines are exactly what real use would produce. Deterministic (fixed seed).
/// </summary>
public sealed class DemoCases(TilsynDbContext db, WorkingDayCalendar calendar, DeadlinePolicy deadlines, TimeProvider clock, CaseSearch search)
{
    private static readonly string[] FirstNames = ["Anna", "Mette", "Lars", "Jens", "Fatima", "Mohammed", "Sofie", "Peter", "Hanne", "Ali", "Camilla", "Søren", "Ida", "Kasper", "Zainab", "Birthe", "Ole", "Line", "Emil", "Aylin"];
    private static readonly string[] LastNames = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Larsen", "Christensen", "Rasmussen", "Yilmaz", "Ahmed", "Sørensen", "Kristensen", "Madsen", "Østergaard", "Holm"];

    /// <summary>Per administration: a subject line, a description, KLE codes and the categories typical there.</summary>
    private static readonly Dictionary<string, (string Kle, string[] Subjects, ComplaintCategory[] Typical)> Profiles = new()
    {
        ["BUF"] = ("28.09", ["Opsigelse af vuggestueplads", "Manglende svar fra skolen", "Afslag på økonomisk friplads", "Pædagogernes tone over for mit barn", "Befordring til specialskole"], [ComplaintCategory.Pedagogical, ComplaintCategory.Hearing, ComplaintCategory.NoAnswer, ComplaintCategory.StaffConduct, ComplaintCategory.Reasons]),
        ["SOF"] = ("27.36", ["Lang sagsbehandlingstid på handicapsag", "Afgørelse uden begrundelse", "Ikke hørt før afgørelse om hjælpemiddel", "Ingen klagevejledning i afgørelsen"], [ComplaintCategory.ProcessingTime, ComplaintCategory.Reasons, ComplaintCategory.Hearing, ComplaintCategory.AppealGuidance, ComplaintCategory.Guidance]),
        ["BIF"] = ("15.20", ["Sanktion af kontanthjælp", "Jobcentret svarer ikke", "Afslag på sygedagpenge uden partshøring", "Manglende vejledning om ressourceforløb"], [ComplaintCategory.Hearing, ComplaintCategory.NoAnswer, ComplaintCategory.Guidance, ComplaintCategory.Reasons]),
        ["SUF"] = ("27.42", ["Hjemmehjælpen kom ikke", "Afslag på plejebolig", "Visitation uden begrundelse"], [ComplaintCategory.ServiceLevel, ComplaintCategory.Reasons, ComplaintCategory.ProcessingTime]),
        ["TMF"] = ("05.09.04", ["Parkeringsafgift trods gyldig licens", "Byggesag har ligget stille i et år", "Aktindsigt ikke besvaret"], [ComplaintCategory.ProcessingTime, ComplaintCategory.AccessToDocuments, ComplaintCategory.NoAnswer]),
        ["KFF"] = ("23.05", ["Borgerservice gav forkert vejledning", "Lang ventetid på pas", "Uhøflig betjening i Borgerservice"], [ComplaintCategory.Guidance, ComplaintCategory.ServiceLevel, ComplaintCategory.StaffConduct]),
        ["ØKF"] = ("32", ["Aktindsigt i udlejningssag", "Manglende journalisering af henvendelse"], [ComplaintCategory.AccessToDocuments, ComplaintCategory.NotesAndRegistration]),
    };

    public async Task SeedAsync(string advisorId, string advisorName, string leadId, string leadName, CancellationToken ct = default)
    {
        if (await db.Cases.AnyAsync(ct)) return;
        var admins = await db.Administrations.AsNoTracking().ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Unit).ToListAsync(ct);
        // One name per administration (its contact, first by user name: an administration may also have a caseworker).
        var contacts = (await db.Users.AsNoTracking().Where(u => u.AdministrationId != null).Select(u => new { u.AdministrationId, u.UserName, u.FullName }).ToListAsync(ct))
            .GroupBy(u => u.AdministrationId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(u => u.UserName, StringComparer.Ordinal).First().FullName);
        var all = Generate(admins, units, contacts, [new Actor(advisorId, advisorName), new Actor(leadId, leadName)], clock.GetUtcNow());
        db.Cases.AddRange(all);
        await db.SaveChangesAsync(ct);
        foreach (var c in all) await search.IndexAsync(c, ct);
        await DemoRemedies.SeedAsync(db, clock, all, ct);
    }

    /// <summary>The statuses the demo always shows, whatever the day it is seeded.</summary>
    public static readonly CaseStatus[] ShownStatuses =
        [CaseStatus.Received, CaseStatus.UnderReview, CaseStatus.TargetedEffort, CaseStatus.StatementRequested, CaseStatus.StatementReceived,
         CaseStatus.Concluded, CaseStatus.Closed, CaseStatus.Rejected];

    /// <summary>
    /// The demo's cases as of <paramref name="now"/>, not yet stored: two years of random cases, then,
    /// for any status or outcome the random ones happen to miss on this day (a Monday morning has no
    /// case received in the last days, for one), a case made to show it.
    /// </summary>
    public List<ComplaintCase> Generate(IReadOnlyList<Administration> admins, IReadOnlyList<OrgUnit> units, IReadOnlyDictionary<int, string> contacts,
        IReadOnlyList<Actor> workers, DateTimeOffset now)
    {
        var rng = new Random(20260101);
        var startDay = DanishTime.LocalDate(now).AddYears(-2);
        var start = DanishTime.At(new DateOnly(startDay.Year, startDay.Month, 1), new TimeOnly(9, 0));
        var sequences = new Dictionary<int, int>();
        var weights = new[] { ("BUF", 30), ("SOF", 22), ("BIF", 18), ("SUF", 10), ("TMF", 10), ("KFF", 6), ("ØKF", 4) };
        var all = new List<ComplaintCase>();

        ComplaintCase NewCase(Random rng, DateTimeOffset received, string code, Administration admin, OrgUnit unit)
        {
            var profile = Profiles[code];
            var year = DanishTime.LocalDate(received).Year;
            var seq = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var name = $"{FirstNames[rng.Next(FirstNames.Length)]} {LastNames[rng.Next(LastNames.Length)]}";
            var type = rng.NextDouble() < 0.75 ? CaseType.Complaint : CaseType.Inquiry;
            var channel = (Channel)new[] { 1, 1, 1, 2, 2, 3, 4 }[rng.Next(7)];
            var subject = profile.Subjects[rng.Next(profile.Subjects.Length)];
            var citizen = new Citizen(name, $"{name.ToLowerInvariant().Replace(' ', '.').Replace("ø", "oe").Replace("å", "aa").Replace("æ", "ae")}@borger.example", null, null, null, null);
            var c = new ComplaintCase(year, seq, type, channel, citizen, subject,
                $"{subject}. Jeg henvendte mig til {unit.Name} og er ikke tilfreds med, hvordan sagen er behandlet. Jeg håber, Borgerrådgiveren kan hjælpe.",
                received, deadlines.FirstAnswerDue(calendar, DanishTime.LocalDate(received)), Actor.Citizen, rng.NextDouble() < 0.7 ? admin.Id : null);
            c.AddDocument(DocumentKind.Incoming, type == CaseType.Complaint ? "Klage fra borger" : "Henvendelse fra borger", received, Actor.Citizen, c.Description, null, null, null);
            Mailed(c, c.AddLetter(LetterKind.Receipt, "Kvittering for din henvendelse", received, Actor.System, $"Tak for din henvendelse. Sagsnummer {c.Number}."));
            return c;
        }

        for (var day = start; day < now.AddHours(-10); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(DanishTime.LocalDate(day))) continue;
            var perDay = rng.Next(0, 3); // about 250-300 a year
            for (var k = 0; k < perDay; k++)
            {
                var received = day.AddHours(rng.Next(0, 8)).AddMinutes(rng.Next(60));
                if (received > now) received = now.AddHours(-1);
                var code = Pick(rng, weights);
                var admin = admins.Single(a => a.Code == code);
                var adminUnits = units.Where(u => u.AdministrationId == admin.Id).ToList();
                var unit = adminUnits[rng.Next(adminUnits.Count)];
                var c = NewCase(rng, received, code, admin, unit);
                Advance(c, rng, now, received, admin.Id, unit.Id, Profiles[code], workers[rng.Next(10) < 7 ? 0 : 1], contacts.GetValueOrDefault(admin.Id, "Kontaktperson"));
                all.Add(c);
            }
        }

        // Every status and outcome is on show whatever "now" is: a case for each one missing, received
        // as long ago as its path needs (numbered after the others, as a late registration would be).
        var show = new Random(20260102);
        var fates = ShownStatuses.Where(s => all.All(c => c.Status != s)).Select(s => (Status: s, Outcome: (Outcome?)null)).ToList();
        fates.AddRange(Enum.GetValues<Outcome>().Where(o => all.All(c => c.Outcome != o)).Select(o => (Status: o == Outcome.Rejected ? CaseStatus.Rejected : CaseStatus.Closed, Outcome: (Outcome?)o)));
        if (!all.Any(c => c.Status == CaseStatus.StatementRequested
            && CaseDeadlines.Open(c).Any(d => d.Kind == DeadlineKind.Statement && d.IsOverdue(DanishTime.LocalDate(now)))))
            fates.Add((CaseStatus.StatementRequested, null));
        foreach (var (status, outcome) in fates)
        {
            var code = weights[show.Next(weights.Length)].Item1;
            var admin = admins.Single(a => a.Code == code);
            var unit = units.First(u => u.AdministrationId == admin.Id);
            var daysAgo = status switch
            {
                CaseStatus.Received => 0,
                CaseStatus.UnderReview or CaseStatus.Rejected => 4,
                CaseStatus.TargetedEffort => 10,
                CaseStatus.StatementRequested or CaseStatus.StatementReceived => 30,
                CaseStatus.Concluded => 25,
                _ => 60,
            };
            var received = status == CaseStatus.Received ? now.AddHours(-1) : now.AddDays(-daysAgo);
            var c = NewCase(show, received, code, admin, unit);
            ShowCase(c, status, outcome, now, received, admin.Id, unit.Id, Profiles[code], workers[0], contacts.GetValueOrDefault(admin.Id, "Kontaktperson"));
            all.Add(c);
        }
        return all;
    }

    /// <summary>Takes a case straight to <paramref name="status"/> (with <paramref name="outcome"/>, if given), on a path that fits in the time since it came.</summary>
    private void ShowCase(ComplaintCase c, CaseStatus status, Outcome? outcome, DateTimeOffset now, DateTimeOffset received, int adminId, int unitId,
        (string Kle, string[] Subjects, ComplaintCategory[] Typical) profile, Actor worker, string contactName)
    {
        if (status == CaseStatus.Received) return;
        var t = received.AddHours(2);
        c.Classify(c.Type, adminId, unitId, profile.Kle, c.Type == CaseType.Complaint ? [profile.Typical[0]] : [], t, worker);
        c.AssignCaseworker(worker.UserId, worker.Name, t, worker);
        if (status == CaseStatus.Rejected)
        {
            c.Reject("Klagen vedrører en afgørelse, der kan påklages til Ankestyrelsen; Borgerrådgiveren behandler ikke sagen.", t, worker);
            Mailed(c, c.AddDocument(DocumentKind.Outgoing, "Borgerrådgiverens afvisning", t, worker, "Vi kan desværre ikke behandle din klage.", null, null, null, answersCitizen: true));
            return;
        }
        c.StartReview(t, worker);
        Mailed(c, c.AddDocument(DocumentKind.Outgoing, "Svar på din henvendelse", t.AddHours(1), worker, "Vi har taget fat i sagen og vender tilbage.", null, null, null, answersCitizen: true));
        if (status == CaseStatus.UnderReview) return;
        t = t.AddDays(1);
        if (status == CaseStatus.TargetedEffort)
        {
            c.StartTargetedEffort(t, worker, "Aftalt med lederen af enheden, at borgeren kontaktes og sagen genoptages.");
            return;
        }
        var request = c.RequestStatement("Vi beder forvaltningen redegøre for sagsforløbet og for, om reglerne er fulgt.", deadlines.StatementDue(calendar, DanishTime.LocalDate(t)), t, worker);
        c.AddLetter(LetterKind.StatementRequest, "Anmodning om udtalelse", t, Actor.System, "Vi beder forvaltningen om en udtalelse.");
        if (status == CaseStatus.StatementRequested) return; // waiting, and overdue by now
        t = t.AddDays(8);
        c.ReceiveStatement(request, "Forvaltningen har gennemgået sagen. Vi beklager forløbet og har taget initiativ til at forbedre praksis.", t, new Actor(null, contactName));
        if (status == CaseStatus.StatementReceived) return;
        t = t.AddDays(3);
        var chosen = outcome ?? Outcome.NoCriticism;
        var formal = profile.Typical.Where(x => ComplaintCategories.Info(x).IsFormal).Append(ComplaintCategories.All.First(x => x.IsFormal).Category).First();
        var breached = chosen == Outcome.Criticism ? [formal] : new List<ComplaintCategory>();
        c.Conclude(chosen, breached, "Borgerrådgiveren har afsluttet sagen.", chosen == Outcome.Recommendation ? "Forvaltningen bør sikre, at borgere altid får svar inden for de offentliggjorte frister." : null,
            $"{c.Subject}: {CaseTexts.Name(chosen).ToLowerInvariant()}.", t, worker);
        Mailed(c, c.AddLetter(LetterKind.Conclusion, "Borgerrådgiverens konklusion", t, worker, "Borgerrådgiveren har afsluttet sagen."));
        if (status == CaseStatus.Closed) c.Close(t.AddDays(1), worker);
    }

    /// <summary>Moves a case as far as its age allows: old cases are closed with an outcome; recent ones stop on the way.</summary>
    private void Advance(ComplaintCase c, Random rng, DateTimeOffset now, DateTimeOffset received, int adminId, int unitId,
        (string Kle, string[] Subjects, ComplaintCategory[] Typical) profile, Actor worker, string contactName)
    {
        var age = (now - received).TotalDays;
        var t = received.AddHours(rng.Next(2, 48));
        if (age < 3) return; // the last days' cases are still just received
        var cats = profile.Typical.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)).ToList();
        c.Classify(c.Type, adminId, unitId, profile.Kle, c.Type == CaseType.Complaint ? cats : [], t, worker);
        c.AssignCaseworker(worker.UserId, worker.Name, t, worker);

        if (rng.NextDouble() < 0.08)
        {
            c.Reject("Klagen vedrører en afgørelse, der kan påklages til Ankestyrelsen; Borgerrådgiveren behandler ikke sagen.", t.AddHours(2), worker);
            Mailed(c, c.AddDocument(DocumentKind.Outgoing, "Borgerrådgiverens afvisning", t.AddHours(2), worker, "Vi kan desværre ikke behandle din klage.", null, null, null, answersCitizen: true));
            if (age > 30) c.Close(t.AddDays(1), worker);
            return;
        }
        c.StartReview(t, worker);
        if (age < 6) return; // under review
        t = t.AddDays(rng.Next(1, 4));
        if (rng.NextDouble() < 0.8 && t < now) Mailed(c, c.AddDocument(DocumentKind.Outgoing, "Svar på din henvendelse", t, worker, "Vi har taget fat i sagen og vender tilbage.", null, null, null, answersCitizen: true));
        if (t > now) return;

        var statement = rng.NextDouble() < 0.4;
        if (statement)
        {
            var requestedOn = DanishTime.LocalDate(t);
            var request = c.RequestStatement("Vi beder forvaltningen redegøre for sagsforløbet og for, om reglerne er fulgt.", deadlines.StatementDue(calendar, requestedOn), t, worker);
            // The letter goes to the administration: it is no answer to the citizen.
            c.AddLetter(LetterKind.StatementRequest, "Anmodning om udtalelse", t, Actor.System, "Vi beder forvaltningen om en udtalelse.");
            var answerAfter = rng.Next(5, 25); // some answers come late
            var answeredAt = t.AddDays(answerAfter);
            if (answeredAt > now) return; // still waiting, perhaps overdue
            c.ReceiveStatement(request, "Forvaltningen har gennemgået sagen. Vi beklager forløbet og har taget initiativ til at forbedre praksis.", answeredAt, new Actor(null, contactName));
            t = answeredAt.AddDays(rng.Next(2, 10));
        }
        else
        {
            c.StartTargetedEffort(t, worker, "Aftalt med lederen af enheden, at borgeren kontaktes og sagen genoptages.");
            t = t.AddDays(rng.Next(2, 15));
        }
        if (t > now || age < 20) return;

        var roll = rng.NextDouble();
        var outcome = statement
            ? roll < 0.35 ? Outcome.Criticism : roll < 0.55 ? Outcome.Recommendation : roll < 0.9 ? Outcome.NoCriticism : Outcome.Withdrawn
            : roll < 0.8 ? Outcome.ResolvedByDialogue : roll < 0.9 ? Outcome.NoCriticism : Outcome.Withdrawn;
        var formal = c.Categories.Select(x => x.Category).Where(x => ComplaintCategories.Info(x).IsFormal).ToList();
        if (outcome == Outcome.Criticism && formal.Count == 0) outcome = Outcome.Recommendation;
        var breached = outcome is Outcome.Criticism ? formal.Take(1).ToList() : [];
        var text = outcome switch
        {
            Outcome.Criticism => $"Borgerrådgiveren kritiserer, at {ComplaintCategories.Info(breached[0]).LegalRule} ikke er overholdt.",
            Outcome.Recommendation => "Borgerrådgiveren henstiller til forvaltningen at gennemgå sin praksis.",
            Outcome.ResolvedByDialogue => "Sagen er løst i dialog med enheden.",
            Outcome.Withdrawn => "Borgeren har trukket henvendelsen tilbage.",
            _ => "Borgerrådgiveren finder ikke grundlag for kritik.",
        };
        c.Conclude(outcome, breached, text, outcome == Outcome.Recommendation ? "Forvaltningen bør sikre, at borgere altid får svar inden for de offentliggjorte frister." : null,
            $"{c.Subject}: {CaseTexts.Name(outcome).ToLowerInvariant()}.", t, worker);
        Mailed(c, c.AddLetter(LetterKind.Conclusion, "Borgerrådgiverens konklusion", t, worker, text));
        if (age > 45) c.Close(t.AddDays(rng.Next(1, 10)), worker);
    }

    private static string Pick(Random rng, (string Code, int Weight)[] weights)
    {
        var roll = rng.Next(weights.Sum(w => w.Weight));
        foreach (var (code, w) in weights)
        {
            if (roll < w) return code;
            roll -= w;
        }
        return weights[0].Code;
    }

    /// <summary>A demo letter to the citizen, recorded as e-mailed (a letter with a channel is one the citizen sees).</summary>
    private static void Mailed(ComplaintCase c, CaseDocument letter) => c.RecordLetterDelivery(letter, Tilsyn.DigitalPost.LetterChannel.Email, null);
}
