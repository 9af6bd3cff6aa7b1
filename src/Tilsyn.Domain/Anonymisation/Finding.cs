namespace Tilsyn.Anonymisation;

/// <summary>The kinds of personal data the <see cref="PersonalDataScanner"/> looks for.</summary>
public enum FindingKind
{
    PartyName,
    Cpr,
    Address,
    Phone,
    Email,
    BirthDate,
    CaseNumber,

    /// <summary>A name right after a role word or title ("Borgerens søn Ahmad", "sagsbehandler Lone H. Petersen", "Fru Hansens").</summary>
    RoleName,

    /// <summary>A capitalised word that is a common Danish first name or surname, with its neighbours ("Lone Petersen").</summary>
    KnownName,

    /// <summary>Two or three capitalised words inside a sentence that are neither a place nor an institution ("Xenia Brunsvig").</summary>
    NameSequence,
}

/// <summary>
/// One piece of probable personal data in a text: <see cref="Text"/> is exactly
/// <c>text.Substring(Start, Length)</c>.
/// </summary>
public sealed record Finding(int Start, int Length, FindingKind Kind, string Text)
{
    /// <summary>The index just after the finding.</summary>
    public int End => Start + Length;

    /// <summary>The Danish name of the kind, for messages and the UI; for the names of others than the parties it says why the words were flagged.</summary>
    public string Label => FindingKinds.Label(Kind);

    /// <summary>The text that replaces the finding in the published summary.</summary>
    public string Placeholder => FindingKinds.Placeholder(Kind);

    /// <summary>Whether the two findings share at least one character.</summary>
    public bool Overlaps(Finding other) => Start < other.End && other.Start < End;
}

/// <summary>Danish labels and replacement placeholders per <see cref="FindingKind"/>.</summary>
public static class FindingKinds
{
    /// <summary>The Danish name as used inside a sentence ("fx CPR-nummer …"), so lower case except for CPR.</summary>
    public static string Label(FindingKind kind) => kind switch
    {
        FindingKind.PartyName => "navn",
        FindingKind.Cpr => "CPR-nummer",
        FindingKind.Address => "adresse",
        FindingKind.Phone => "telefonnummer",
        FindingKind.Email => "e-mailadresse",
        FindingKind.BirthDate => "fødselsdato",
        FindingKind.CaseNumber => "sagsnummer",
        FindingKind.RoleName => "navn efter rolleord",
        FindingKind.KnownName => "kendt fornavn eller efternavn",
        FindingKind.NameSequence => "mulig navn (ord med stort forbogstav)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The placeholder that replaces a finding of this kind, e.g. <c>[cpr-nr.]</c>.</summary>
    public static string Placeholder(FindingKind kind) => kind switch
    {
        FindingKind.PartyName => "[navn]",
        FindingKind.Cpr => "[cpr-nr.]",
        FindingKind.Address => "[adresse]",
        FindingKind.Phone => "[telefon]",
        FindingKind.Email => "[e-mail]",
        FindingKind.BirthDate => "[fødselsdato]",
        FindingKind.CaseNumber => "[sagsnr.]",
        FindingKind.RoleName or FindingKind.KnownName or FindingKind.NameSequence => "[navn]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
