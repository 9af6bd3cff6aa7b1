using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Tilsyn.Organisation;

/// <summary>
/// A KLE code (<i>Kommunernes Landsforenings Emnesystematik</i>): a main group <c>28</c>,
/// a group <c>28.09</c> or a topic <c>28.09.04</c>. Two digits per level, dot-separated.
/// </summary>
public readonly partial record struct KleCode
{
    private KleCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>1 = main group (<i>hovedgruppe</i>), 2 = group (<i>gruppe</i>), 3 = topic (<i>emne</i>).</summary>
    public int Level => Value.Count(c => c == '.') + 1;

    /// <summary>The code one level up, or null for a main group.</summary>
    public KleCode? Parent => Level == 1 ? null : new KleCode(Value[..Value.LastIndexOf('.')]);

    /// <summary>The main group, e.g. <c>28</c> for <c>28.09.04</c>.</summary>
    public KleCode MainGroup => new(Value[..2]);

    /// <summary>The group (two levels) of a group or topic; null for a main group.</summary>
    public KleCode? Group => Level < 2 ? null : new KleCode(Value[..5]);

    public static bool TryParse(string? text, [NotNullWhen(true)] out KleCode? code)
    {
        var t = (text ?? "").Trim();
        if (Pattern().IsMatch(t))
        {
            code = new KleCode(t);
            return true;
        }
        code = null;
        return false;
    }

    public static KleCode Parse(string text) =>
        TryParse(text, out var code)
            ? code.Value
            : throw new FormatException($"'{text}' er ikke en KLE-kode (fx 28, 28.09 eller 28.09.04).");

    public override string ToString() => Value;

    // [0-9], not \d: \d also matches other scripts' digits ("２８" would be a KLE code of its own).
    [GeneratedRegex(@"^[0-9]{2}(\.[0-9]{2}){0,2}$")]
    private static partial Regex Pattern();
}
