namespace Tilsyn.DocumentAccess;

/// <summary>The decision on a request for access to documents (<i>afgørelse om aktindsigt</i>).</summary>
public enum AccessDecision
{
    /// <summary><i>Aktindsigt gives</i>: every chosen document in full.</summary>
    Granted = 1,
    /// <summary><i>Delvis aktindsigt</i>: documents or passages are withheld under a named rule.</summary>
    PartlyGranted = 2,
    /// <summary><i>Afslag</i>: nothing is released, under a named rule.</summary>
    Refused = 3,
}

/// <summary>
/// The rules of the Danish Access to Public Administration Files Act (<i>offentlighedsloven</i>,
/// OFL) a caseworker may cite for withholding a document or a passage. A small list of the grounds
/// that arise at a municipal citizens' advisor; OFL § 24 (ministerbetjening) is left out because
/// it concerns ministries only.
/// </summary>
public enum ExemptionGround
{
    /// <summary>OFL § 19: cases within criminal justice (<i>strafferetsplejen</i>).</summary>
    CriminalJustice = 1,
    /// <summary>OFL § 21: cases about employment and promotion (<i>ansættelse og forfremmelse</i>) and individuals' employment.</summary>
    Employment = 2,
    /// <summary>OFL § 23, stk. 1, nr. 1: internal documents (<i>interne dokumenter</i>) not given to outsiders.</summary>
    InternalDocument = 3,
    /// <summary>OFL § 27, nr. 4: documents prepared for legal proceedings or for deciding whether to bring them.</summary>
    LegalProceedings = 4,
    /// <summary>OFL § 30, nr. 1: information about individuals' private matters, including financial ones.</summary>
    PrivateMatters = 5,
    /// <summary>OFL § 30, nr. 2: technical devices, processes, business matters of significant economic importance.</summary>
    BusinessMatters = 6,
    /// <summary>OFL § 33, nr. 5: necessary protection of other important private or public interests.</summary>
    OtherImportantInterests = 7,
    /// <summary>OFL § 35: information subject to a special duty of confidentiality (<i>særlig tavshedspligt</i>).</summary>
    SpecialConfidentiality = 8,
}

public static class ExemptionGrounds
{
    public static readonly IReadOnlyList<ExemptionGround> All = Enum.GetValues<ExemptionGround>();

    /// <summary>The rule as cited in a decision letter.</summary>
    public static string Rule(this ExemptionGround g) => g switch
    {
        ExemptionGround.CriminalJustice => "offentlighedslovens § 19",
        ExemptionGround.Employment => "offentlighedslovens § 21",
        ExemptionGround.InternalDocument => "offentlighedslovens § 23, stk. 1, nr. 1",
        ExemptionGround.LegalProceedings => "offentlighedslovens § 27, nr. 4",
        ExemptionGround.PrivateMatters => "offentlighedslovens § 30, nr. 1",
        ExemptionGround.BusinessMatters => "offentlighedslovens § 30, nr. 2",
        ExemptionGround.OtherImportantInterests => "offentlighedslovens § 33, nr. 5",
        ExemptionGround.SpecialConfidentiality => "offentlighedslovens § 35",
        _ => throw new ArgumentOutOfRangeException(nameof(g)),
    };

    /// <summary>What the rule covers, in a few Danish words.</summary>
    public static string Description(this ExemptionGround g) => g switch
    {
        ExemptionGround.CriminalJustice => "sager inden for strafferetsplejen",
        ExemptionGround.Employment => "sager om ansættelse, forfremmelse og enkeltpersoners ansættelsesforhold",
        ExemptionGround.InternalDocument => "interne dokumenter, der ikke er afgivet til udenforstående",
        ExemptionGround.LegalProceedings => "dokumenter udarbejdet til brug i retssager eller til overvejelse af, om retssag skal føres",
        ExemptionGround.PrivateMatters => "oplysninger om enkeltpersoners private, herunder økonomiske, forhold",
        ExemptionGround.BusinessMatters => "oplysninger om forretningsforhold m.v. af væsentlig økonomisk betydning",
        ExemptionGround.OtherImportantInterests => "beskyttelse af andre væsentlige hensyn til private eller offentlige interesser",
        ExemptionGround.SpecialConfidentiality => "oplysninger, der er omfattet af særlig tavshedspligt",
        _ => throw new ArgumentOutOfRangeException(nameof(g)),
    };

    public static string Name(this AccessDecision d) => d switch
    {
        AccessDecision.Granted => "Aktindsigt gives",
        AccessDecision.PartlyGranted => "Delvis aktindsigt",
        AccessDecision.Refused => "Afslag på aktindsigt",
        _ => d.ToString(),
    };
}
