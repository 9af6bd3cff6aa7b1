using System.Globalization;
using System.Text.RegularExpressions;

namespace Tilsyn.Retention;

/// <summary>
/// A retention period (<i>slettefrist</i>) as KL writes it: an ISO 8601 duration counted from the
/// case's closure, e.g. <c>P1825D</c> (5 years), <c>P5Y</c>, <c>P18M</c>, <c>P2Y6M</c>, <c>P10W</c>.
/// Only calendar parts (years, months, weeks, days): a retention period in hours means nothing.
/// A very long period (<c>P18250D</c>, "kept without limit for legal use") is just a long period.
/// </summary>
public sealed partial record RetentionPeriod
{
    /// <summary>The default rule's period: 5 years after closure (KL's <c>P1825D</c>).</summary>
    public static readonly RetentionPeriod FiveYears = Parse("P1825D");

    private RetentionPeriod(string text, int years, int months, int days)
    {
        Text = text;
        Years = years;
        Months = months;
        Days = days;
    }

    /// <summary>The duration as written (upper case, e.g. <c>P1825D</c>).</summary>
    public string Text { get; }
    public int Years { get; }
    public int Months { get; }

    /// <summary>Days, weeks included (one week is seven days).</summary>
    public int Days { get; }

    public static RetentionPeriod Parse(string? text) =>
        TryParse(text, out var period, out var problem) ? period : throw new DomainException(problem);

    /// <summary>Reads an ISO 8601 duration; on failure <paramref name="problem"/> says in Danish what is wrong.</summary>
    public static bool TryParse(string? text, out RetentionPeriod period, out string problem)
    {
        period = null!;
        var t = (text ?? "").Trim().ToUpperInvariant();
        if (t.Length == 0)
        {
            problem = "Feltet 'Slettefrist' skal udfyldes (fx P1825D for 5 år).";
            return false;
        }
        if (t.Contains('T', StringComparison.Ordinal))
        {
            problem = $"Slettefristen {Shown(text)} har timer, minutter eller sekunder; angiv den i år, måneder, uger eller dage (fx P5Y eller P1825D).";
            return false;
        }
        var m = Pattern().Match(t);
        if (!m.Success || t == "P")
        {
            problem = $"Slettefristen {Shown(text)} er ikke en ISO 8601-periode. Skriv fx P1825D (1825 dage), P5Y (5 år), P6M (6 måneder) eller P2Y6M.";
            return false;
        }
        if (!Part(m, "y", out var y) || !Part(m, "m", out var mo) || !Part(m, "w", out var w) || !Part(m, "d", out var d)
            || y > MaxYears || mo > MaxYears * 12 || (long)w * 7 + d > MaxYears * 366L)
        {
            problem = $"Slettefristen {Shown(text)} er for lang; højst {MaxYears} år.";
            return false;
        }
        var days = w * 7 + d;
        if (y == 0 && mo == 0 && days == 0)
        {
            problem = "Slettefristen skal være mindst én dag.";
            return false;
        }
        period = new RetentionPeriod(t, y, mo, days);
        problem = "";
        return true;
    }

    /// <summary>The longest period accepted: far beyond any retention code, still a real date.</summary>
    public const int MaxYears = 1000;

    /// <summary>The day the period ends when it starts on <paramref name="from"/> (years, then months, then days; 29 February + 1 year is 28 February).</summary>
    public DateOnly AddTo(DateOnly from)
    {
        var limit = DateOnly.MaxValue.Year - 1 - MaxYears * 3;
        if (from.Year > limit) return DateOnly.MaxValue;
        return from.AddYears(Years).AddMonths(Months).AddDays(Days);
    }

    /// <summary>Danish description for screens: "1825 dage (ca. 5 år)", "5 år", "2 år og 6 måneder".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Years > 0) parts.Add(Years == 1 ? "1 år" : $"{Years} år");
        if (Months > 0) parts.Add(Months == 1 ? "1 måned" : $"{Months} måneder");
        if (Days > 0) parts.Add(Days == 1 ? "1 dag" : $"{Days} dage");
        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " og " + parts[^1];
        if (Years == 0 && Months == 0 && Days >= 365)
            text += string.Create(DanishCulture, $" (ca. {Days / 365.25:0.#} år)");
        return text;
    }

    public override string ToString() => Text;

    private static readonly CultureInfo DanishCulture = CultureInfo.GetCultureInfo("da-DK");

    private static bool Part(Match m, string group, out int value)
    {
        value = 0;
        var g = m.Groups[group];
        return !g.Success || int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The typed text in a message, shortened (it is the user's own input, never personal data of others).</summary>
    private static string Shown(string? text) => CellText.Quote(text ?? "");

    // [0-9], not \d: other scripts' digits are not ISO 8601.
    [GeneratedRegex(@"^P(?:(?<y>[0-9]{1,9})Y)?(?:(?<m>[0-9]{1,9})M)?(?:(?<w>[0-9]{1,9})W)?(?:(?<d>[0-9]{1,9})D)?$")]
    private static partial Regex Pattern();
}
