using Tilsyn.Complaints.Intake;

namespace Tilsyn.DataSubjects;

/// <summary>What staff search a data subject (<i>registreret person</i>) by.</summary>
public enum PersonKeyKind
{
    /// <summary>CPR number: exact, through the cases' CPR lookup hash (the number itself stays encrypted).</summary>
    Cpr = 1,
    /// <summary>Name: the citizen's name on a case contains it; texts that contain it.</summary>
    Name = 2,
    /// <summary>E-mail address: exact on cases and mail recipients; texts that contain it.</summary>
    Email = 3,
    /// <summary>Phone number: by its digits (a Danish +45 prefix ignored).</summary>
    Phone = 4,
}

/// <summary>
/// A data subject's search key, checked and normalised: a valid CPR number, a name of at least three
/// letters, an e-mail address, or a phone number of at least six digits. Refuses anything else with
/// a Danish message, so a search never runs on a fragment that would find half the register.
/// </summary>
public sealed record PersonKey
{
    public const int MinNameLength = 3;
    public const int MinPhoneDigits = 6;
    public const int MaxLength = 254;

    private PersonKey(PersonKeyKind kind, string value, string? cprDigits)
    {
        Kind = kind;
        Value = value;
        CprDigits = cprDigits;
    }

    public PersonKeyKind Kind { get; }

    /// <summary>The normalised key: the name as typed (spaces collapsed), the e-mail in lower case, the phone's digits; for CPR the masked form.</summary>
    public string Value { get; }

    /// <summary>The CPR number's ten digits (only for <see cref="PersonKeyKind.Cpr"/>); never shown, logged or put in a URL.</summary>
    public string? CprDigits { get; }

    public static PersonKey Create(PersonKeyKind kind, string? text, DateOnly today)
    {
        var t = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.Length == 0) throw new DomainException("Skriv det, der skal søges efter.");
        if (t.Length > MaxLength) throw new DomainException($"Søgningen må højst være {MaxLength} tegn.");
        switch (kind)
        {
            case PersonKeyKind.Cpr:
                if (!CprNumber.TryParse(t, today, out var cpr, out var error))
                    throw new DomainException(error ?? "CPR-nummeret er ikke gyldigt.");
                return new(kind, cpr.Masked, cpr.Digits);
            case PersonKeyKind.Name:
                if (t.Count(char.IsLetter) < MinNameLength)
                    throw new DomainException($"Et navn skal have mindst {MinNameLength} bogstaver.");
                return new(kind, t, null);
            case PersonKeyKind.Email:
                var at = t.IndexOf('@');
                if (at < 1 || at == t.Length - 1 || t.Contains(' '))
                    throw new DomainException("E-mailadressen er ikke gyldig.");
                return new(kind, t.ToLowerInvariant(), null);
            case PersonKeyKind.Phone:
                var digits = new string(t.Where(char.IsAsciiDigit).ToArray());
                if (t.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')')))
                    throw new DomainException("Et telefonnummer må kun have cifre, mellemrum, bindestreg og +.");
                if (digits.Length == 10 && t.TrimStart().StartsWith('+') && digits.StartsWith("45", StringComparison.Ordinal)) digits = digits[2..];
                else if (digits.Length == 12 && digits.StartsWith("0045", StringComparison.Ordinal)) digits = digits[4..];
                if (digits.Length < MinPhoneDigits)
                    throw new DomainException($"Et telefonnummer skal have mindst {MinPhoneDigits} cifre.");
                return new(kind, digits, null);
            default:
                throw new DomainException("Vælg, hvad der søges efter.");
        }
    }

    /// <summary>The forms the key may take inside a free text (a letter, a note, a mail): what a text search looks for, in lower case.</summary>
    public IReadOnlyList<string> TextForms() => Kind switch
    {
        PersonKeyKind.Cpr => [$"{CprDigits![..6]}-{CprDigits[6..]}", CprDigits, $"{CprDigits[..6]} {CprDigits[6..]}"],
        PersonKeyKind.Phone when Value.Length == 8 => [Value, $"{Value[..2]} {Value[2..4]} {Value[4..6]} {Value[6..]}", $"{Value[..4]} {Value[4..]}"],
        _ => [Value.ToLowerInvariant()],
    };

    /// <summary>The kind's Danish name.</summary>
    public static string Name(PersonKeyKind kind) => kind switch
    {
        PersonKeyKind.Cpr => "CPR-nummer",
        PersonKeyKind.Name => "Navn",
        PersonKeyKind.Email => "E-mail",
        PersonKeyKind.Phone => "Telefon",
        _ => kind.ToString(),
    };

    /// <summary>The key as the access log records it: the CPR number masked (as on every screen), the others as searched (as the case search logs its text).</summary>
    public override string ToString() => $"{Name(Kind).ToLowerInvariant()} {Value}";
}
