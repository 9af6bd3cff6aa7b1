using System.Text.RegularExpressions;

namespace Tilsyn.Organisation;

/// <summary>
/// One of the municipality's administrations (<i>forvaltning</i>), e.g. BUF, the Children and
/// Youth Administration. Every case, unit and AdministrationContact belongs to exactly one.
/// </summary>
public sealed partial class Administration
{
    private Administration() { }

    public Administration(string code, string name, string? committee = null)
    {
        Code = ValidCode(code);
        Name = ValidName(name);
        Committee = committee?.Trim() is { Length: > 0 } c ? c : null;
    }

    public int Id { get; private set; }

    /// <summary>Short code used across the city, e.g. <c>BUF</c>, <c>ØKF</c>.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The political committee (<i>udvalg</i>) the administration reports to.</summary>
    public string? Committee { get; private set; }

    public void Update(string code, string name, string? committee)
    {
        Code = ValidCode(code);
        Name = ValidName(name);
        Committee = committee?.Trim() is { Length: > 0 } c ? c : null;
    }

    /// <summary>The shortest and longest code: 2-6 capital letters (A-Å). <see cref="CodePattern"/> spells the same limits.</summary>
    public const int CodeMinLength = 2;
    public const int CodeMaxLength = 6;

    public static string ValidCode(string? code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(c))
            throw new DomainException($"Forkortelse skal være {CodeMinLength}-{CodeMaxLength} store bogstaver (A-Å), fx BUF.");
        return c;
    }

    private static string ValidName(string? name)
    {
        var n = (name ?? "").Trim();
        if (n.Length is 0 or > 200)
            throw new DomainException("Navn skal udfyldes (højst 200 tegn).");
        return n;
    }

    // {CodeMinLength,CodeMaxLength}: a generated regex needs a constant string, so the numbers are repeated here.
    [GeneratedRegex("^[A-ZÆØÅ]{2,6}$")]
    private static partial Regex CodePattern();
}
