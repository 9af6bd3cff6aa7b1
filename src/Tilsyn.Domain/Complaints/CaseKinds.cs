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
