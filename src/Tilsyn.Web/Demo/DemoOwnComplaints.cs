using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The administrations' own complaint registers in the demo (issue 15): for every administration two years of
/// complaints it received and handled itself, in every state (received, under review, concluded with each
/// outcome, rejected, closed, some shared with the advisor), and a linked entry for each of the advisor's demo
/// complaints about it. Built through the case's own methods with past times; deterministic (fixed seed),
/// time from the clock. Runs after <see cref="DemoCases"/>, in the demo's transaction.
/// </summary>
public sealed class DemoOwnComplaints(TilsynDbContext db, WorkingDayCalendar calendar, DeadlinePolicy deadlines, TimeProvider clock, CaseSearch search)
{
    private static readonly string[] FirstNames = ["Karen", "Michael", "Nadia", "Thomas", "Louise", "Hassan", "Maja", "Rasmus", "Eva", "Omar", "Signe", "Frederik"];
    private static readonly string[] LastNames = ["Poulsen", "Johansen", "Møller", "Karimi", "Schmidt", "Lund", "Thomsen", "Mikkelsen", "Bach", "Iversen"];

    /// <summary>Per administration: how many own complaints over two years, their subjects and the categories typical there (the first two most often).</summary>
    private static readonly Dictionary<string, (int Count, string[] Subjects, ComplaintCategory[] Typical)> Profiles = new()
    {
        ["BUF"] = (40, ["Ikke hørt før afgørelse om skoleskift", "Afslag på støtte uden begrundelse", "Pladsanvisningen svarer ikke", "Klage over pædagogisk praksis"], [ComplaintCategory.Hearing, ComplaintCategory.Reasons, ComplaintCategory.NoAnswer, ComplaintCategory.Pedagogical]),
        ["SOF"] = (32, ["Ikke partshørt om hjælpemiddel", "For lang sagsbehandlingstid på merudgifter", "Manglende klagevejledning"], [ComplaintCategory.Hearing, ComplaintCategory.ProcessingTime, ComplaintCategory.AppealGuidance, ComplaintCategory.Reasons]),
        ["BIF"] = (30, ["Sanktion uden partshøring", "Ingen svar fra jobcentret", "Mangelfuld vejledning om ydelse"], [ComplaintCategory.Hearing, ComplaintCategory.NoAnswer, ComplaintCategory.Guidance]),
        ["SUF"] = (16, ["Hjemmeplejen kom for sent", "Afslag på rehabilitering uden begrundelse"], [ComplaintCategory.ServiceLevel, ComplaintCategory.Reasons, ComplaintCategory.ProcessingTime]),
        ["TMF"] = (16, ["Byggesag trækker ud", "Aktindsigt ikke besvaret inden fristen"], [ComplaintCategory.ProcessingTime, ComplaintCategory.AccessToDocuments]),
        ["KFF"] = (10, ["Forkert vejledning i Borgerservice", "Uhøflig betjening"], [ComplaintCategory.Guidance, ComplaintCategory.StaffConduct]),
        ["ØKF"] = (6, ["Henvendelse ikke journaliseret", "Aktindsigt i udlejningssag"], [ComplaintCategory.NotesAndRegistration, ComplaintCategory.AccessToDocuments]),
    };

    private static readonly Channel[] Channels = [Channel.Letter, Channel.Email, Channel.Email, Channel.Phone, Channel.InPerson];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Cases.AnyAsync(c => c.OwnerAdministrationId != null, ct)) return;
        var now = clock.GetUtcNow();
        var admins = await db.Administrations.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Unit).OrderBy(u => u.Id).ToListAsync(ct);
        // The administration's own handler: its caseworker where it has one, else its contact (first by user name).
        var handlers = (await db.Users.AsNoTracking().Where(u => u.AdministrationId != null).Select(u => new { u.Id, u.UserName, u.FullName, u.AdministrationId }).ToListAsync(ct))
            .GroupBy(u => u.AdministrationId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.UserName!.Contains("-klage", StringComparison.Ordinal) ? 0 : 1).ThenBy(u => u.UserName, StringComparer.Ordinal).Select(u => new Actor(u.Id, u.FullName)).First());
        var sequences = (await db.Cases.GroupBy(c => c.Year).Select(g => new { g.Key, Max = g.Max(c => c.Sequence) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Max);
        int Next(int year) => sequences[year] = sequences.GetValueOrDefault(year) + 1;

        var created = new List<ComplaintCase>();
        var rng = new Random(20261515);
        foreach (var admin in admins)
        {
            if (!Profiles.TryGetValue(admin.Code, out var profile)) continue;
            var by = handlers.GetValueOrDefault(admin.Id) ?? new Actor(null, $"{admin.Code} klagebehandling");
            var own = units.Where(u => u.AdministrationId == admin.Id).ToList();
            for (var i = 0; i < profile.Count; i++)
                created.Add(OwnComplaint(rng, admin, own, profile, by, i, now, Next));
        }
        db.Cases.AddRange(created);
        await db.SaveChangesAsync(ct);

        // Every advisor's demo complaint about an administration appears in that administration's register.
        var advisorComplaints = await db.Cases.Include(c => c.Categories)
            .Where(CaseRegisters.AdvisorsOwn).Where(c => c.Type == CaseType.Complaint && c.AdministrationId != null)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var linked = advisorComplaints.Select(a => ComplaintCase.LinkedEntry(a, DanishTime.LocalDate(a.ReceivedAt).Year, Next(DanishTime.LocalDate(a.ReceivedAt).Year), a.ReceivedAt, Actor.System)).ToList();
        db.Cases.AddRange(linked);
        await db.SaveChangesAsync(ct);
        foreach (var c in created.Concat(linked)) await search.IndexAsync(c, ct);
    }

    private ComplaintCase OwnComplaint(Random rng, Administration admin, List<OrgUnit> units, (int Count, string[] Subjects, ComplaintCategory[] Typical) profile,
        Actor by, int index, DateTimeOffset now, Func<int, int> next)
    {
        var today = DanishTime.LocalDate(now);
        // Spread over two years, the newest first few days old so every state shows.
        var ageDays = index switch { 0 => 0, 1 => 4, 2 => 9, _ => rng.Next(12, 730) };
        var day = calendar.AddWorkingDays(today.AddDays(-ageDays - 3), 1);
        if (day > today) day = today;
        var received = DanishTime.At(day, new TimeOnly(9 + rng.Next(6), rng.Next(60)));
        if (received > now) received = now.AddMinutes(-5);
        var name = $"{FirstNames[rng.Next(FirstNames.Length)]} {LastNames[rng.Next(LastNames.Length)]}";
        var subject = profile.Subjects[rng.Next(profile.Subjects.Length)];
        var channel = Channels[rng.Next(Channels.Length)];
        var citizen = new Citizen(name, $"{name.ToLowerInvariant().Replace(' ', '.').Replace("ø", "oe")}@borger.example", null, null, null, null);
        var year = DanishTime.LocalDate(received).Year;
        var c = ComplaintCase.ForAdministration(admin.Id, year, next(year), CaseType.Complaint, channel, citizen, subject,
            $"{subject}. Jeg klager over, hvordan min sag er behandlet, og beder forvaltningen se på den igen.",
            received, deadlines.FirstAnswerDue(calendar, day, CaseType.Complaint), by);
        c.AddDocument(DocumentKind.Incoming, "Klage fra borger", received, by, c.Description, null, null, null);
        var age = today.DayNumber - day.DayNumber;
        if (age < 3) return c; // just received

        var t = received.AddDays(1);
        var categories = rng.NextDouble() < 0.6 ? [profile.Typical[0]] : new[] { profile.Typical[rng.Next(profile.Typical.Length)] };
        var unit = units.Count == 0 ? (int?)null : units[rng.Next(units.Count)].Id;
        c.Classify(CaseType.Complaint, admin.Id, unit, null, categories, t, by);
        if (index % 11 == 5 && age > 20)
        {
            c.Reject("Klagen er ikke en klage over forvaltningens sagsbehandling; borgeren er vejledt om at klage til Ankestyrelsen.", t, by);
            if (age > 40) c.Close(t.AddDays(7), by);
            return c;
        }
        c.StartReview(t, by);
        if (index % 9 == 4) c.ShareWithAdvisor(t.AddHours(2), by);
        if (age < 8) return c; // under review
        c.AddDocument(DocumentKind.Outgoing, "Svar til borgeren", t.AddDays(3), by,
            "Tak for din klage. Vi har set på sagen og vender tilbage med vores vurdering.", null, null, null, answersCitizen: true);
        if (age < 20 && index % 2 == 0) return c; // still being handled, first answer given
        var concluded = received.AddDays(Math.Min(age - 1, 12 + rng.Next(30)));
        var outcome = rng.Next(10) switch { < 4 => Outcome.NoCriticism, < 8 => Outcome.Criticism, 8 => Outcome.Recommendation, _ => Outcome.Withdrawn };
        var breached = outcome is Outcome.Criticism or Outcome.Recommendation ? categories.Where(x => ComplaintCategories.Info(x).IsFormal).ToList() : [];
        if (outcome is Outcome.Criticism && breached.Count == 0) outcome = Outcome.NoCriticism;
        c.Conclude(outcome, breached, outcome == Outcome.NoCriticism ? "Forvaltningen har gennemgået sagen og finder, at den er behandlet korrekt." : "Forvaltningen beklager; sagen er ikke behandlet efter reglerne.",
            outcome == Outcome.Recommendation ? "Afdelingen gennemgår sin praksis for partshøring." : null, $"Klage over {subject.ToLowerInvariant()}.", concluded, by);
        if (age > 40 && index % 3 != 0) c.Close(concluded.AddDays(5), by);
        return c;
    }
}
