using System.Globalization;

namespace Tilsyn.Processing;

/// <summary>
/// The record of processing activities (<i>fortegnelse over behandlingsaktiviteter</i>, GDPR art. 30(1))
/// for Tilsyn: who is controller, why and on what basis data is processed, about whom, which data, who
/// receives it, transfers to third countries, when it is deleted and how it is protected. Built from the
/// configuration and the database's lists (<see cref="ProcessingRecordInput"/>); the texts describe what
/// Tilsyn itself does, so they change when the software changes, not per municipality.
/// </summary>
public sealed class ProcessingRecord
{
    private ProcessingRecord(string title, string subtitle, IReadOnlyList<ProcessingSection> sections)
    {
        Title = title;
        Subtitle = subtitle;
        Sections = sections;
    }

    public string Title { get; }

    /// <summary>The controller and the date, e.g. "Københavns Kommune · udarbejdet 30-11-2026".</summary>
    public string Subtitle { get; }

    /// <summary>The sections in the order of art. 30(1)(a)–(g).</summary>
    public IReadOnlyList<ProcessingSection> Sections { get; }

    /// <exception cref="DomainException">The controller's name or the DPO's contact is blank.</exception>
    public static ProcessingRecord Build(ProcessingRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.ControllerName))
            throw new DomainException("Fortegnelsen kræver den dataansvarliges navn (indstillingen Processing:ControllerName).");
        if (string.IsNullOrWhiteSpace(input.DpoContact))
            throw new DomainException("Fortegnelsen kræver kontaktoplysninger på databeskyttelsesrådgiveren (indstillingen Processing:DpoContact).");

        var controller = input.ControllerName.Trim();
        var date = input.Date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var sections = new List<ProcessingSection>
        {
            Controller(controller, input.DpoContact.Trim(), date),
            Purposes(),
            DataSubjects(),
            DataCategories(),
            Recipients(input.Administrations),
            Transfers(),
            Retention(input.RetentionRules),
            Security(),
        };
        return new ProcessingRecord("Fortegnelse over behandlingsaktiviteter", $"{controller} · udarbejdet {date}", sections);
    }

    // Art. 30(1)(a)
    private static ProcessingSection Controller(string controller, string dpo, string date) => new(
        "Dataansvarlig og databeskyttelsesrådgiver (art. 30, stk. 1, litra a)",
        [
            $"Behandlingsaktivitet: Borgerrådgiverens behandling af klager og henvendelser fra borgere, tilsyn med forvaltningerne og den årlige beretning, understøttet af sagssystemet Tilsyn.",
            $"Fortegnelsen er dannet af Tilsyn den {date} ud fra systemets opsætning og data. Den dataansvarlige og databeskyttelsesrådgiveren gennemgår og supplerer den (fx med databehandlere og drift).",
        ],
        [$"Dataansvarlig: {controller}", $"Databeskyttelsesrådgiver (DPO): {dpo}"]);

    // Art. 30(1)(b)
    private static ProcessingSection Purposes() => new(
        "Formål og retsgrundlag (art. 30, stk. 1, litra b)",
        ["Formål:"],
        [
            "Behandle borgeres klager og henvendelser om kommunens forvaltninger og give borgeren svar (kommunestyrelseslovens § 65 e og Borgerrådgiverens vedtægt).",
            "Føre tilsyn med forvaltningernes sagsbehandling: anmodninger om udtalelse, FOKUS-evalueringer og sagsaudits.",
            "Udarbejde statistik og den årlige beretning til Borgerrepræsentationen; her indgår kun tal og anonymiserede sagseksempler.",
            "Journalisere sagens dokumenter (notat- og journaliseringspligt, offentlighedslovens §§ 13 og 15) og besvare anmodninger om aktindsigt (offentlighedsloven) og fra registrerede (databeskyttelsesforordningens art. 15–17).",
            "Retsgrundlag: databeskyttelsesforordningens art. 6, stk. 1, litra c og e (retlig forpligtelse og myndighedsudøvelse); for følsomme oplysninger art. 9, stk. 2, litra f og g, jf. databeskyttelseslovens § 7; for oplysninger om strafbare forhold databeskyttelseslovens § 8; for CPR-nummer databeskyttelseslovens § 11, stk. 1.",
        ]);

    // Art. 30(1)(c), data subjects
    private static ProcessingSection DataSubjects() => new(
        "Kategorier af registrerede (art. 30, stk. 1, litra c)",
        [],
        [
            "Borgere, der klager eller henvender sig til Borgerrådgiveren, og deres partsrepræsentanter og bisiddere.",
            "Pårørende, børn og andre tredjepersoner, som nævnes i klager, dokumenter og bilag.",
            "Medarbejdere i kommunens forvaltninger: kontaktpersoner, der bruger Tilsyn, og sagsbehandlere og ledere, som nævnes i sagerne.",
            "Borgerrådgiverens egne medarbejdere, som bruger Tilsyn.",
        ]);

    // Art. 30(1)(c), categories of data
    private static ProcessingSection DataCategories() => new(
        "Kategorier af personoplysninger (art. 30, stk. 1, litra c)",
        ["Oplysninger, der behandles, og hvordan de er beskyttet:"],
        [],
        ["Kategori", "Eksempler", "Beskyttelse"],
        [
            ["Identifikation og kontakt", "Navn, adresse, e-mail, telefon", "Deles kun med en forvaltning, når Borgerrådgiveren udtrykkeligt deler dem"],
            ["CPR-nummer (databeskyttelseslovens § 11)", "Borgerens CPR-nummer, hvis det er oplyst", "Krypteret i databasen (ASP.NET Data Protection), vises maskeret; hver visning logges; aldrig til forvaltningerne"],
            ["Sagens indhold", "Klagens tekst, dokumenter, bilag, breve, notater, sagshistorik", "Forvaltningen ser kun delte sager og dokumenter; CPR-numre i fritekst skjules for forvaltningen"],
            ["Følsomme oplysninger (art. 9)", "Helbred, handicap, etnisk oprindelse, religion m.m., som borgeren selv beskriver i klager og bilag", "Som sagens indhold; anonymiseres før brug i beretning og vidensbibliotek"],
            ["Strafbare forhold (databeskyttelseslovens § 8)", "Kan forekomme i sagens indhold", "Som sagens indhold"],
            ["Brugere", "Medarbejderes navn, e-mail, rolle og forvaltning; log over deres adgang til personoplysninger", "Kun Borgerrådgiverens ledelse ser adgangsloggen"],
        ]);

    /// <summary>Said instead of the recipients' table while Tilsyn has no administrations.</summary>
    public const string NoAdministrations = "Der er endnu ingen forvaltninger oprettet i Tilsyn.";

    // Art. 30(1)(d)
    private static ProcessingSection Recipients(IReadOnlyList<RecipientAdministration> administrations) => new(
        "Modtagere (art. 30, stk. 1, litra d)",
        [
            "Kommunens forvaltninger modtager de sager, dokumenter og kontaktoplysninger, som Borgerrådgiveren deler med dem (anmodning om udtalelse, målrettet indsats eller udtrykkelig deling) – aldrig CPR-numre. Hver forvaltning ser kun sine egne sager. "
                + (administrations.Count == 0 ? NoAdministrations : $"De {administrations.Count} forvaltninger i Tilsyn står i tabellen nedenfor."),
            "Øvrige modtagere:",
        ],
        [
            "Borgerrepræsentationen og offentligheden: den årlige beretning med tal og anonymiserede sagseksempler.",
            "Kommunens arkiv: sager, der skal bevares, afleveres efter arkivloven, før de slettes.",
            "Ankestyrelsen, Folketingets Ombudsmand og andre myndigheder, når en sag videresendes eller oplysninger kræves efter lov.",
        ],
        administrations.Count == 0 ? null : ["Kode", "Forvaltning"],
        administrations.Count == 0 ? null : administrations.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (IReadOnlyList<string>)[a.Code, a.Name]).ToList());

    // Art. 30(1)(e)
    private static ProcessingSection Transfers() => new(
        "Overførsel til tredjelande (art. 30, stk. 1, litra e)",
        ["Ingen. Tilsyn overfører ikke personoplysninger til lande uden for EU/EØS eller til internationale organisationer."],
        []);

    // Art. 30(1)(f)
    private static ProcessingSection Retention(IReadOnlyList<string> rules) => new(
        "Tidsfrister for sletning (art. 30, stk. 1, litra f)",
        ["Personoplysninger i afsluttede sager slettes, når sagens slettefrist er udløbet, medmindre sagen har slettestop. Sager, der skal bevares, afleveres først til arkivet. Statistik og beretninger bevares, da de kun indeholder tal og anonymiserede tekster.", "Slettefrister:"],
        rules.Count == 0 ? ["Ingen slettefrister er oprettet."] : rules);

    // Art. 30(1)(g), art. 32
    private static ProcessingSection Security() => new(
        "Tekniske og organisatoriske sikkerhedsforanstaltninger (art. 30, stk. 1, litra g, jf. art. 32)",
        [],
        [
            "Kryptering: CPR-numre er krypteret i databasen med ASP.NET Data Protection og vises maskeret; at vise et helt CPR-nummer logges.",
            "Adgangslog: hver visning, download, søgning og ændring af personoplysninger logges med hvem, hvornår, hvad og hvorfra. Loggen kan kun tilføjes (rækker kan ikke ændres eller slettes gennem systemet), og hver række bærer en hashkæde, så en ændring kan påvises.",
            "Need-to-know: en forvaltnings kontaktperson ser kun sin egen forvaltnings delte sager og dokumenter og aldrig CPR-numre; ledelsen ser kun tal; andre forvaltningers data besvares som \"findes ikke\".",
            "Roller: Borgerrådgiverens sagsbehandlere, Borgerrådgiverens ledelse, forvaltningernes kontaktpersoner og kommunens ledelse; kun Borgerrådgiverens ledelse administrerer brugere og læser adgangsloggen.",
            "Login: adgangskoder på mindst 12 tegn; efter 5 fejlede forsøg stiger ventetiden pr. konto og pr. adresse (fra 1 til 15 minutter); en session udløber; deaktivering og rolleændringer slår igennem inden for et minut.",
            "Transport og browser: HTTPS med HSTS, strenge sikkerhedsheadere (Content-Security-Policy uden script, ingen indlejring i andre sider, ingen referrer), begrænsning af antal forespørgsler ved indgangen.",
            "Dataminimering: personoplysninger skrives ikke i systemets logfiler eller i adresser (URL'er); borgerens statuslink gemmes kun som SHA-256-hashværdi; sagseksempler anonymiseres og gennemgås, før de offentliggøres.",
        ]);
}
