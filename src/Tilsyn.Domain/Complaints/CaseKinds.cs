namespace Tilsyn.Complaints;

/// <summary>The kind of case (<i>sagstype</i>).</summary>
public enum CaseType
{
    /// <summary><i>Klage</i>: the citizen complains about an administration.</summary>
    Complaint = 1,
    /// <summary><i>Henvendelse</i>: a question or request for help, not a complaint.</summary>
    Inquiry = 2,
    /// <summary><i>Egen drift</i>: the advisor investigates on its own initiative.</summary>
    OwnInitiative = 3,
    /// <summary><i>Indsigtsanmodning</i>: a data subject asks for the personal data Tilsyn holds (GDPR art. 15); answered within one month.</summary>
    DataAccessRequest = 4,
    /// <summary><i>Sletteanmodning</i>: a data subject asks for erasure (GDPR art. 17); answered within one month.</summary>
    ErasureRequest = 5,
    /// <summary><i>Berigtigelse</i>: a data subject asks for correction (GDPR art. 16); answered within one month.</summary>
    RectificationRequest = 6,
    /// <summary><i>Aktindsigt</i>: a request for access to documents under the Public Administration Act (OFL); answered within 7 working days (OFL §36).</summary>
    DocumentAccessRequest = 7,
}

/// <summary>
/// Which case types are the advisor's supervision (complaints, inquiries, own-initiative cases) and
/// which are requests about Tilsyn's own records (data-subject requests, <i>aktindsigt</i>). Only
/// supervision cases count in statistics, annual reports, audits and the case library.
/// </summary>
public static class CaseTypes
{
    /// <summary>The types the advisor's statistics and reports are about.</summary>
    public static readonly IReadOnlyList<CaseType> Supervision = [CaseType.Complaint, CaseType.Inquiry, CaseType.OwnInitiative];

    /// <summary>GDPR art. 15–17 requests (one month, extendable by two).</summary>
    public static readonly IReadOnlyList<CaseType> DataSubjectRequests = [CaseType.DataAccessRequest, CaseType.ErasureRequest, CaseType.RectificationRequest];

    public static bool IsSupervision(CaseType t) => t is CaseType.Complaint or CaseType.Inquiry or CaseType.OwnInitiative;

    public static bool IsDataSubjectRequest(CaseType t) => t is CaseType.DataAccessRequest or CaseType.ErasureRequest or CaseType.RectificationRequest;
}

/// <summary>How the case reached the advisor (<i>kanal</i>).</summary>
public enum Channel
{
    WebForm = 1,
    Email = 2,
    Letter = 3,
    Phone = 4,
    InPerson = 5,
    /// <summary>No citizen: the advisor opened it (own initiative).</summary>
    Internal = 6,
}

/// <summary>The advisor's conclusion on a case (<i>udfald</i>).</summary>
public enum Outcome
{
    /// <summary><i>Kritik</i>: the administration broke a rule or good administrative practice.</summary>
    Criticism = 1,
    /// <summary><i>Henstilling</i>: the advisor recommends the administration to do something.</summary>
    Recommendation = 2,
    /// <summary><i>Ingen kritik</i>.</summary>
    NoCriticism = 3,
    /// <summary><i>Løst ved dialog</i> (often through a targeted effort with the unit).</summary>
    ResolvedByDialogue = 4,
    /// <summary><i>Afvist</i>: outside the advisor's competence or not ready for it.</summary>
    Rejected = 5,
    /// <summary><i>Trukket tilbage</i> by the citizen.</summary>
    Withdrawn = 6,
}

public static class CaseTexts
{
    public static string Name(CaseType t) => t switch
    {
        CaseType.Complaint => "Klage",
        CaseType.Inquiry => "Henvendelse",
        CaseType.OwnInitiative => "Egen drift",
        CaseType.DataAccessRequest => "Indsigtsanmodning",
        CaseType.ErasureRequest => "Sletteanmodning",
        CaseType.RectificationRequest => "Berigtigelse",
        CaseType.DocumentAccessRequest => "Aktindsigt",
        _ => t.ToString(),
    };

    public static string Name(Channel c) => c switch
    {
        Channel.WebForm => "Webformular",
        Channel.Email => "E-mail",
        Channel.Letter => "Brev",
        Channel.Phone => "Telefon",
        Channel.InPerson => "Personligt fremmøde",
        Channel.Internal => "Intern",
        _ => c.ToString(),
    };

    public static string Name(Outcome o) => o switch
    {
        Outcome.Criticism => "Kritik",
        Outcome.Recommendation => "Henstilling",
        Outcome.NoCriticism => "Ingen kritik",
        Outcome.ResolvedByDialogue => "Løst ved dialog",
        Outcome.Rejected => "Afvist",
        Outcome.Withdrawn => "Trukket tilbage",
        _ => o.ToString(),
    };
}
