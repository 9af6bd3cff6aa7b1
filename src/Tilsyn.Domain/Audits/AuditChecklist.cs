using Tilsyn.Complaints;

namespace Tilsyn.Audits;

/// <summary>
/// One question in the case audit checklist (<i>sagsaudit</i>).
/// </summary>
/// <param name="Key">Stable ASCII key, e.g. "hearing"; used in stored answers and as the XLSX column id. Never change it.</param>
/// <param name="Text">The question in Danish, as shown to the auditor.</param>
/// <param name="LegalRule">The rule the question checks, spelled as in <see cref="ComplaintCategories"/> wherever that catalogue has the same rule.</param>
/// <param name="Category">The complaint category for the same rule, so audits and complaints share one taxonomy; null when there is none.</param>
public sealed record ChecklistQuestion(string Key, string Text, string LegalRule, ComplaintCategory? Category = null);

/// <summary>
/// A versioned checklist. An audit stores the version it was carried out with, so a later change
/// of questions (a new version) never changes how an old audit reads. Versions are never edited
/// once released; add a new one instead.
/// </summary>
public sealed record AuditChecklist(int Version, IReadOnlyList<ChecklistQuestion> Questions)
{
    /// <summary>Version 1: the formal rules of administrative law that complaints are also categorised by.</summary>
    public static readonly AuditChecklist V1 = new(1,
    [
        Q("hearing", "Er parten hørt over oplysninger af væsentlig betydning for sagen, før der blev truffet afgørelse?", ComplaintCategory.Hearing),
        Q("reasons", "Er afgørelsen begrundet med henvisning til de anvendte regler, de hovedhensyn der er lagt vægt på, og sagens faktiske omstændigheder?", ComplaintCategory.Reasons),
        Q("appeal-guidance", "Indeholder afgørelsen klagevejledning med klageinstans, frist og fremgangsmåde?", ComplaintCategory.AppealGuidance),
        Q("guidance", "Har borgeren fået den vejledning og hjælp, der var brug for i sagen?", ComplaintCategory.Guidance),
        Q("deadline", "Er der truffet afgørelse inden for den offentliggjorte sagsbehandlingsfrist?", ComplaintCategory.ProcessingTime),
        new("notes", "Er oplysninger om sagens faktiske omstændigheder, som har betydning for afgørelsen, noteret (notatpligt)?",
            "Offentlighedsloven § 13", ComplaintCategory.NotesAndRegistration),
        new("registration", "Er sagens dokumenter journaliseret?",
            "Offentlighedsloven § 15", ComplaintCategory.NotesAndRegistration),
        Q("access-to-documents", "Er en anmodning om aktindsigt besvaret inden 7 arbejdsdage?", ComplaintCategory.AccessToDocuments),
    ]);

    /// <summary>The checklist new audits use.</summary>
    public static AuditChecklist Current => V1;

    /// <summary>Every released version, oldest first.</summary>
    public static IReadOnlyList<AuditChecklist> All { get; } = [V1];

    /// <summary>The checklist with the given version, or null when there is none.</summary>
    public static AuditChecklist? ByVersion(int version) => All.FirstOrDefault(c => c.Version == version);

    /// <summary>The question with the given key (ordinal, case-sensitive), or null.</summary>
    public ChecklistQuestion? Find(string key) => Questions.FirstOrDefault(q => string.Equals(q.Key, key, StringComparison.Ordinal));

    /// <summary>A question whose rule is exactly the complaint category's rule.</summary>
    private static ChecklistQuestion Q(string key, string text, ComplaintCategory category) =>
        new(key, text, ComplaintCategories.Info(category).LegalRule
            ?? throw new InvalidOperationException($"Category {category} has no legal rule."), category);
}
