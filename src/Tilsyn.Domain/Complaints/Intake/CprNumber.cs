using System.Diagnostics.CodeAnalysis;
using Tilsyn.Common;

namespace Tilsyn.Complaints.Intake;

/// <summary>
/// The Danish civil registration number (<i>CPR-nummer</i>), <c>ddMMyy-ssss</c>. Only the date is
/// checked: modulus 11 is not, because the CPR office has issued numbers without it since 2007.
/// <see cref="ToString"/> masks the last four digits so a CPR number never leaks into a log by accident.
/// </summary>
public readonly record struct CprNumber
{
    private CprNumber(string digits, DateOnly birthDate)
    {
        Digits = digits;
        BirthDate = birthDate;
    }

    /// <summary>Ten digits, no dash.</summary>
    public string Digits { get; }
    public DateOnly BirthDate { get; }
    public string Formatted => $"{Digits[..6]}-{Digits[6..]}";
    public string Masked => $"{Digits[..6]}-xxxx";

    public override string ToString() => Masked;

    public static bool TryParse(string? text, DateOnly today, out CprNumber cpr, [NotNullWhen(false)] out string? error)
    {
        cpr = default;
        var t = (text ?? "").Trim();
        if (t.Length == 11 && t[6] == '-') t = t[..6] + t[7..];
        if (t.Length != 10 || !t.All(char.IsAsciiDigit))
        {
            error = "CPR-nummeret skal skrives som 10 cifre, fx 010203-1234.";
            return false;
        }
        int day = Num(t, 0), month = Num(t, 2), yy = Num(t, 4), seventh = t[6] - '0';
        // The CPR office's century rule: the 7th digit with the two-digit year gives the century.
        var century = seventh switch
        {
            <= 3 => 1900,
            4 or 9 => yy <= 36 ? 2000 : 1900,
            _ => yy <= 57 ? 2000 : 1800,
        };
        var year = century + yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "CPR-nummeret indeholder ikke en gyldig fødselsdato.";
            return false;
        }
        var birth = new DateOnly(year, month, day);
        if (birth > today)
        {
            error = "CPR-nummerets fødselsdato ligger i fremtiden.";
            return false;
        }
        cpr = new CprNumber(t, birth);
        error = null;
        return true;
    }

    public static CprNumber Parse(string? text, DateOnly today) =>
        TryParse(text, today, out var cpr, out var error) ? cpr : throw new DomainException(error);

    private static int Num(string s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');
}
