namespace Tilsyn.Complaints;

/// <summary>
/// The text fields of a complaint case and its parts, each with its Danish label and its limit,
/// declared once: the case refuses a too-long text with the limit named (never cuts it), and the
/// pages (the complaint form, the case page, the letters) check their input against the same rule.
/// The limits are the longest a column holds.
/// </summary>
public static class CaseTextFields
{
    public static readonly TextField Subject = new("Emne", 200);
    public static readonly TextField Description = new("Beskrivelse", 20_000);

    public static readonly TextField CitizenName = new("Navn", 200);
    public static readonly TextField CitizenEmail = new("E-mail", 254);
    public static readonly TextField CitizenPhone = new("Telefon", 40);
    public static readonly TextField CitizenAddress = new("Adresse", 300);

    public static readonly TextField TargetedEffortNote = new("Notat om indsatsen", 2000);
    public static readonly TextField ReopenReason = new("Begrundelse for genoptagelse", 1000);
    public static readonly TextField StatementQuestion = new("Spørgsmål til forvaltningen", 10_000);
    public static readonly TextField ExtensionReason = new("Begrundelse for forlængelse", 1000);
    public static readonly TextField Statement = new("Udtalelse", 50_000);
    public static readonly TextField Conclusion = new("Konklusion", 20_000);
    /// <summary>The recommendation a conclusion makes: the same rule as <see cref="Tilsyn.Recommendations.Recommendation.TextField"/>.</summary>
    public static readonly TextField Recommendation = Tilsyn.Recommendations.Recommendation.TextField;
    public static readonly TextField Summary = new("Kort anonymiseret resumé", 2000);
    public static readonly TextField RejectionReason = new("Begrundelse for afvisning", 2000);
    public static readonly TextField ForwardedTo = new("Modtager", 300);
    public static readonly TextField Note = new("Notat", 20_000);

    /// <summary>What the signed-in citizen writes on their own case in "Mine sager" (<see cref="ComplaintCase.ReceiveFromCitizen"/>).</summary>
    public static readonly TextField CitizenReply = new("Din besked", 20_000);

    /// <summary>Why a case's personal data is deleted (the retention rule, a granted erasure request); never personal data itself.</summary>
    public static readonly TextField ErasureReason = new("Begrundelse for sletning", 300);

    /// <summary>A journalised document's title.</summary>
    public static readonly TextField DocumentTitle = new("Titel", 300);

    /// <summary>A letter's title; it also names the PDF file (at most 200 characters with ".pdf").
    /// Its limit is the template's (<see cref="Tilsyn.Letters.LetterTemplate.Title"/>), under its own label.</summary>
    public static readonly TextField LetterTitle = Tilsyn.Letters.LetterTemplate.Title with { Label = "Brevets titel" };
    public static readonly TextField LetterBody = Tilsyn.Letters.LetterTemplate.Body with { Label = "Brevets tekst" };
}
