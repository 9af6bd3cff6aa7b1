namespace Tilsyn.Complaints;

/// <summary>
/// What a complaint is about (<i>klagekategori</i>). The formal ones (<i>formalitetsklager</i>)
/// each rest on a legal rule; the service ones do not. A case can have several.
/// </summary>
public enum ComplaintCategory
{
    NoAnswer = 1,
    ProcessingTime = 2,
    Hearing = 3,
    Reasons = 4,
    AppealGuidance = 5,
    Guidance = 6,
    AccessToDocuments = 7,
    NotesAndRegistration = 8,
    ServiceLevel = 20,
    StaffConduct = 21,
    Pedagogical = 22,
    Other = 29,
}

/// <param name="Name">Danish name shown to users.</param>
/// <param name="LegalRule">The rule at stake, e.g. "Forvaltningsloven § 19"; null for service categories.</param>
public sealed record CategoryInfo(ComplaintCategory Category, string Name, string? LegalRule, string Explanation)
{
    public bool IsFormal => LegalRule is not null;
}

/// <summary>The catalogue of categories with their legal rules: the taxonomy audits (#7) and statistics reuse.</summary>
public static class ComplaintCategories
{
    public static readonly IReadOnlyList<CategoryInfo> All =
    [
        new(ComplaintCategory.NoAnswer, "Manglende svar", "God forvaltningsskik (svarpligt)", "Borgeren har ikke fået svar på en henvendelse eller et brev."),
        new(ComplaintCategory.ProcessingTime, "Sagsbehandlingstid og frister", "Retssikkerhedsloven § 3", "Sagen har taget for lang tid, eller en offentliggjort frist er overskredet."),
        new(ComplaintCategory.Hearing, "Partshøring", "Forvaltningsloven § 19", "Borgeren er ikke hørt over oplysninger, før der blev truffet afgørelse."),
        new(ComplaintCategory.Reasons, "Begrundelse", "Forvaltningsloven §§ 22-24", "Afgørelsen mangler en begrundelse, eller begrundelsen er mangelfuld."),
        new(ComplaintCategory.AppealGuidance, "Klagevejledning", "Forvaltningsloven § 25", "Afgørelsen mangler vejledning om, hvordan man klager."),
        new(ComplaintCategory.Guidance, "Vejledning", "Forvaltningsloven § 7", "Borgeren har ikke fået den vejledning og hjælp, der var brug for."),
        new(ComplaintCategory.AccessToDocuments, "Aktindsigt", "Offentlighedsloven § 36 (svar inden 7 arbejdsdage)", "En anmodning om aktindsigt er ikke besvaret rettidigt eller korrekt."),
        new(ComplaintCategory.NotesAndRegistration, "Notatpligt og journalisering", "Offentlighedsloven §§ 13 og 15", "Oplysninger er ikke noteret, eller dokumenter er ikke journaliseret."),
        new(ComplaintCategory.ServiceLevel, "Serviceniveau", null, "Klage over det tilbudte serviceniveau."),
        new(ComplaintCategory.StaffConduct, "Personalets optræden", null, "Klage over en medarbejders adfærd eller tone."),
        new(ComplaintCategory.Pedagogical, "Pædagogiske forhold", null, "Klage over pædagogiske forhold i dagtilbud eller skole."),
        new(ComplaintCategory.Other, "Andet", null, "Andre forhold."),
    ];

    private static readonly Dictionary<ComplaintCategory, CategoryInfo> ByCategory = All.ToDictionary(c => c.Category);

    public static CategoryInfo Info(ComplaintCategory category) => ByCategory[category];

    public static string Name(ComplaintCategory category) => ByCategory.TryGetValue(category, out var i) ? i.Name : category.ToString();
}
