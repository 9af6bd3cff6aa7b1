using Microsoft.AspNetCore.Identity;
using Tilsyn.Organisation;

namespace Tilsyn.Web.Demo;

/// <summary>
/// The demo municipality: Københavns Kommune's seven administrations with areas and units, a
/// handful of KLE subjects, and one user per role. Deterministic (same data every time) and run
/// only on an empty database, so it never touches real data.
/// </summary>
public sealed class DemoMunicipality(TilsynDbContext db, UserManager<TilsynUser> users, DemoCases cases, DemoEvaluations evaluations, DemoPublishing publishing, DemoOwnComplaints ownComplaints, IConfiguration config, ILogger<DemoMunicipality> log, TimeProvider clock, Tilsyn.Web.Evaluations.EvaluationService fokus)
{
    /// <summary>The demo users' shared password; listed in the README. Never used outside demo data.</summary>
    public const string DemoPassword = "Tilsyn-demo-2026";

    public sealed record DemoUser(string UserName, string FullName, string Role, string? AdministrationCode);

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("sagsbehandler", "Sara Holm", Roles.Advisor, null),
        new("kontorchef", "Jens Kristensen", Roles.AdvisorLead, null),
        new("ledelse", "Birgitte Lund", Roles.Leadership, null),
        new("okf", "Peter Dahl", Roles.AdministrationContact, "ØKF"),
        new("kff", "Mona Jensen", Roles.AdministrationContact, "KFF"),
        new("suf", "Henrik Berg", Roles.AdministrationContact, "SUF"),
        new("buf", "Lene Mortensen", Roles.AdministrationContact, "BUF"),
        new("buf-klage", "Birgit Kjær", Roles.AdministrationCaseworker, "BUF"),
        new("sof", "Karim Hassan", Roles.AdministrationContact, "SOF"),
        new("tmf", "Ida Skov", Roles.AdministrationContact, "TMF"),
        new("bif", "Thomas Vang", Roles.AdministrationContact, "BIF"),
    ];

    private sealed record Area(string Name, params string[] Units);

    private static readonly (string Code, string Name, string Committee, Area[] Areas)[] Administrations =
    [
        ("ØKF", "Økonomiforvaltningen", "Økonomiudvalget",
        [
            new("Koncernservice", "Løn og personale", "Koncern-IT"),
            new("Københavns Ejendomme og Indkøb", "Udlejning", "Indkøb"),
            new("Center for Byudvikling", "Byplanlægning"),
        ]),
        ("KFF", "Kultur- og Fritidsforvaltningen", "Kultur- og Fritidsudvalget",
        [
            new("Borgerservice", "Borgerservice Nørrebro", "Borgerservice Amager", "Borgerservice Vesterbro", "Pas og kørekort"),
            new("Biblioteker", "Hovedbiblioteket", "Vesterbro Bibliotek", "Valby Bibliotek"),
            new("Idræt og fritid", "Idrætsanlæg", "Foreningsstøtte"),
        ]),
        ("SUF", "Sundheds- og Omsorgsforvaltningen", "Sundheds- og Omsorgsudvalget",
        [
            new("Hjemmepleje", "Hjemmeplejen Nørrebro", "Hjemmeplejen Amager", "Hjemmeplejen Vesterbro"),
            new("Plejehjem", "Plejehjemmet Bryggergården", "Plejehjemmet Solgården"),
            new("Myndighed", "Visitationsenheden", "Hjælpemiddelcentret"),
            new("Forebyggelse", "Forebyggelsescenter Nørrebro", "Tandplejen"),
        ]),
        ("BUF", "Børne- og Ungdomsforvaltningen", "Børne- og Ungdomsudvalget",
        [
            new("Dagtilbud", "Børnehuset Solsikken", "Vuggestuen Mælkebøtten", "Integreret institution Regnbuen", "Børnehaven Skovtrolden"),
            new("Skoler", "Nørrebro Park Skole", "Vesterbro Ny Skole", "Amager Fælled Skole", "Valby Skole"),
            new("Pladsanvisning og betaling", "Pladsanvisningen", "Økonomisk friplads"),
            new("Sundhed og PPR", "Sundhedsplejen", "Pædagogisk Psykologisk Rådgivning"),
        ]),
        ("SOF", "Socialforvaltningen", "Socialudvalget",
        [
            new("Børne- og familieområdet", "Børnefamilieenheden Nørrebro/Bispebjerg", "Børnefamilieenheden Amager", "Børnefamilieenheden Vesterbro/Kongens Enghave"),
            new("Borgercenter Handicap", "Center for Autisme og ADHD", "Hjælpemidler og boligindretning"),
            new("Borgercenter Voksne", "Borgercenter Voksne – myndighed", "Herberget Nørrebro"),
        ]),
        ("TMF", "Teknik- og Miljøforvaltningen", "Teknik- og Miljøudvalget",
        [
            new("Byggeri", "Byggesager", "Byggetilsyn"),
            new("Parkering", "Parkeringskontrol", "Beboerlicenser"),
            new("Byens Drift", "Renhold Øst", "Renhold Vest", "Vejvedligehold"),
            new("Miljø", "Miljøtilsyn", "Støj og luft"),
        ]),
        ("BIF", "Beskæftigelses- og Integrationsforvaltningen", "Beskæftigelses- og Integrationsudvalget",
        [
            new("Jobcentre", "Jobcenter Nørrebro/Bispebjerg", "Jobcenter Amager", "Jobcenter Vesterbro/Valby", "Ungecentret"),
            new("Ydelser", "Kontanthjælp", "Sygedagpenge", "Fleksjob og ressourceforløb"),
            new("Integration", "Integrationshuset", "Sprogcenter"),
        ]),
    ];

    /// <summary>KLE codes the demo uses, written here (titles as KL publishes them; a test checks them against KL's file).</summary>
    public static readonly IReadOnlyList<(string Code, string Title)> KleSubjects =
    [
        ("02", "Byggeri"), ("02.34", "Byggetilladelse og anmeldelse om byggearbejde"),
        ("05", "Veje og trafik"), ("05.09", "Parkering"), ("05.09.02", "Betalingsparkering - Parkeringslicenser og betalingsafgifter"), ("05.09.04", "Parkeringskontrol"),
        ("15", "Arbejdsmarked og beskæftigelsesindsats"), ("15.20", "Beskæftigelsesindsats"),
        ("17", "Folkeskoleundervisning"), ("17.03", "Specialundervisning og specialpædagogisk bistand"), ("17.21", "Befordring af elever"),
        ("23", "Borgerlige forhold"), ("23.05", "Folkeregistrering"),
        ("27", "Social Service"), ("27.36", "Personlig hjælp, omsorg og pleje m.v."), ("27.42", "Plejeboliger og plejehjem"), ("27.60", "Hjælpemidler, forbrugsgoder, boligindretning m.v."),
        ("28", "Dagtilbud"), ("28.09", "Dagtilbud til børn indtil skolestart"), ("28.77", "Betaling for dag-, fritids- og klubtilbud m.v"),
        ("29", "Sundhed"), ("29.09", "Forebyggelse og sundhedsfremme"),
        ("32", "Kontante ydelser"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Administrations.AnyAsync(ct) || await users.Users.AnyAsync(ct))
            return; // never touch a database that already has an organisation

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (code, name, committee, areas) in Administrations)
        {
            var admin = new Administration(code, name, committee);
            db.Administrations.Add(admin);
            foreach (var area in areas)
            {
                var areaNode = new OrgUnit(admin, area.Name, OrgUnitKind.Area);
                db.OrgUnits.Add(areaNode);
                foreach (var unit in area.Units)
                    db.OrgUnits.Add(new OrgUnit(admin, unit, OrgUnitKind.Unit, areaNode));
            }
        }
        foreach (var (code, title) in KleSubjects)
            db.KleSubjects.Add(new KleSubject(KleCode.Parse(code), title));
        await db.SaveChangesAsync(ct);

        var ids = await db.Administrations.ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        foreach (var u in Users)
        {
            var user = new TilsynUser
            {
                UserName = u.UserName,
                Email = $"{u.UserName}@tilsyn.example",
                EmailConfirmed = true,
                FullName = u.FullName,
                AdministrationId = u.AdministrationCode is null ? null : ids[u.AdministrationCode],
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo user {u.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, u.Role);
        }
        if (config.GetValue("Demo:Cases", true))
        {
            var advisor = await users.FindByNameAsync("sagsbehandler");
            var lead = await users.FindByNameAsync("kontorchef");
            await cases.SeedAsync(advisor!.Id, advisor.FullName, lead!.Id, lead.FullName, ct);
            await ownComplaints.SeedAsync(ct);
            await evaluations.SeedAsync(ct);
        }
        await tx.CommitAsync(ct);
        // Audits, reports and the library use the extract importer, which runs its own transaction.
        if (config.GetValue("Demo:Cases", true))
            await publishing.SeedAsync((await users.FindByNameAsync("sagsbehandler"))!.FullName, ct);
        if (config.GetValue("Demo:Cases", true)) await DemoTargets.SeedAsync(db, clock, ct);
        if (config.GetValue("Demo:Cases", true)) await DemoNotifications.SeedAsync(db, ct);
        if (config.GetValue("Demo:Cases", true)) await DemoPublicSite.SeedAsync(fokus, db, ct);
        if (config.GetValue("Demo:Cases", true)) await DemoFeedback.SeedAsync(db, clock, ct);
        log.LogInformation("Demo municipality seeded: {Administrations} administrations, {Users} users, {Cases} cases",
            Administrations.Length, Users.Count, await db.Cases.CountAsync(ct));
    }
}
