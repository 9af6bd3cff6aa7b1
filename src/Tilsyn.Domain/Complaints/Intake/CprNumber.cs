namespace Tilsyn.Complaints.Intake;

/// <summary>
/// A Danish civil registration number (<i>CPR-nummer</i>): the birth date <c>ddMMyy</c> and a
/// four-digit serial number (<i>løbenummer</i>), written <c>ddMMyy-ssss</c>.
/// </summary>
/// <remarks>
/// A CPR number is sensitive: public authorities may process it only to identify a person
/// (<i>databeskyttelsesloven</i> § 11, stk. 1), so it must not end up in lists, logs or
/// exception messages. <see cref="ToString"/> therefore gives the <see cref="Masked"/> form;
/// ask for <see cref="Formatted"/> or <see cref="Digits"/> where the full number is really needed.
/// </remarks>
public readonly record struct CprNumber
{
    private const string FormatError = "CPR-nummeret skal skrives som 10 cifre, fx 010203-1234.";
    private const string DateError = "CPR-nummeret indeholder ikke en gyldig fødselsdato.";

    private readonly string? _digits;

    private CprNumber(string digits, DateOnly birthDate)
    {
        _digits = digits;
        BirthDate = birthDate;
    }

    public DateOnly BirthDate { get; }

    /// <summary>The ten digits without a dash, e.g. <c>0102031234</c>.</summary>
    public string Digits => _digits ?? throw new InvalidOperationException("default(CprNumber) er ikke et CPR-nummer.");

    /// <summary>The usual written form <c>ddMMyy-ssss</c>.</summary>
    public string Formatted => $"{Digits[..6]}-{Digits[6..]}";

    /// <summary>The birth date with the serial number hidden, <c>ddMMyy-xxxx</c>: for anything shown in lists.</summary>
    public string Masked => $"{Digits[..6]}-xxxx";

    /// <summary>The <see cref="Masked"/> form, so a CPR number never leaks into a log or a page by accident.</summary>
    public override string ToString() => _digits is null ? "" : Masked;

    /// <summary>
    /// Reads <c>ddMMyy-ssss</c> or <c>ddMMyyssss</c> (surrounding spaces allowed, nothing else) and checks
    /// that the birth date exists and is not after <paramref name="today"/>.
    /// </summary>
    /// <remarks>
    /// There is deliberately no modulus 11 check: since 1 October 2007 the CPR office issues numbers
    /// that fail it, because some birth dates had run out of numbers that pass. Refusing them would
    /// shut out real citizens.
    /// </remarks>
    public static bool TryParse(string? text, DateOnly today, out CprNumber cpr, out string? error)
    {
        cpr = default;
        var digits = DigitsOf((text ?? "").Trim());
        if (digits is null)
        {
            error = FormatError;
            return false;
        }

        var day = Number(digits, 0);
        var month = Number(digits, 2);
        var year = Century(yy: Number(digits, 4), seventhDigit: digits[6] - '0') + Number(digits, 4);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = DateError;
            return false;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = "CPR-nummeret indeholder en fødselsdato, der ligger efter dags dato.";
            return false;
        }

        cpr = new CprNumber(digits, birthDate);
        error = null;
        return true;
    }

    /// <inheritdoc cref="TryParse"/>
    /// <exception cref="DomainException">The text is not a valid CPR number (Danish message).</exception>
    public static CprNumber Parse(string? text, DateOnly today) =>
        TryParse(text, today, out var cpr, out var error) ? cpr : throw new DomainException(error!);

    /// <summary>The ten digits of <c>ddMMyy-ssss</c> or <c>ddMMyyssss</c>, or null for any other shape.</summary>
    private static string? DigitsOf(string t)
    {
        // char.IsAsciiDigit, not char.IsDigit: the latter also accepts e.g. Arabic-Indic digits.
        if (t.Length == 10 && t.All(char.IsAsciiDigit))
            return t;
        if (t.Length == 11 && t[6] == '-' && t[..6].All(char.IsAsciiDigit) && t[7..].All(char.IsAsciiDigit))
            return string.Concat(t.AsSpan(0, 6), t.AsSpan(7));
        return null;
    }

    private static int Number(string digits, int at) => (digits[at] - '0') * 10 + (digits[at + 1] - '0');

    /// <summary>
    /// The century of the birth year, read from the first digit of the serial number by the CPR
    /// office's table (<i>CPR-kontoret: Personnummeret i CPR</i>): 0–3 → 1900s; 4 and 9 → 2000s for
    /// yy ≤ 36, else 1900s; 5–8 → 2000s for yy ≤ 57, else 1800s.
    /// </summary>
    private static int Century(int yy, int seventhDigit) => seventhDigit switch
    {
        <= 3 => 1900,
        4 or 9 => yy <= 36 ? 2000 : 1900,
        _ => yy <= 57 ? 2000 : 1800,
    };
}
