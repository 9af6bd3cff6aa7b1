using System.Globalization;
using System.Text;

namespace Tilsyn.DocumentAccess;

/// <summary>
/// The redactions (<i>overstregninger</i>) of one text, as the caseworker marks them for an
/// <i>aktindsigt</i>: a sorted list of non-overlapping spans inside the text. Overlapping or
/// touching spans merge into one; an empty span, or one that reaches outside the text, is refused.
/// <see cref="Apply"/> gives the text with every span replaced by <see cref="Marker"/>, so the
/// removed words are not in what is released at all (not merely covered).
/// </summary>
public sealed class Redactions
{
    /// <summary>What stands in place of a removed passage; the same whatever its length, so the length is not revealed either.</summary>
    public const string Marker = "[undtaget]";

    /// <summary>The most spans one text may carry (a form, not a bulk tool).</summary>
    public const int MaxSpans = 500;

    private readonly List<RedactionSpan> spans;

    private Redactions(int textLength, List<RedactionSpan> spans) => (TextLength, this.spans) = (textLength, spans);

    public int TextLength { get; }

    public IReadOnlyList<RedactionSpan> Spans => spans;

    public bool IsEmpty => spans.Count == 0;

    public static Redactions None(int textLength) => new(textLength, []);

    /// <summary>Checks the spans against the text's length and merges overlapping and touching ones.</summary>
    public static Redactions Of(int textLength, IEnumerable<RedactionSpan> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(textLength);
        var list = candidates.ToList();
        if (list.Count > MaxSpans)
            throw new DomainException($"Der kan højst markeres {MaxSpans} overstregninger i ét dokument; der er {list.Count}.");
        foreach (var s in list)
        {
            if (s.Start < 0 || s.End > textLength)
                throw new DomainException($"Overstregningen {s.Start + 1}–{s.End} ligger uden for teksten, som har {textLength} tegn.");
            if (s.End <= s.Start)
                throw new DomainException($"Overstregningen {s.Start + 1}–{s.End} er tom: slutningen skal ligge efter starten.");
        }
        var merged = new List<RedactionSpan>();
        foreach (var s in list.OrderBy(s => s.Start).ThenBy(s => s.End))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, s.End) };
            else merged.Add(s);
        }
        return new(textLength, merged);
    }

    /// <summary>These redactions and more spans of the same text.</summary>
    public Redactions With(IEnumerable<RedactionSpan> more) => Of(TextLength, spans.Concat(more));

    /// <summary>
    /// Every occurrence of each passage the caseworker typed verbatim (ordinal, case-sensitive: a name
    /// is removed as written). A passage that does not occur is refused, so a typo is not silently a no-op.
    /// </summary>
    public static IReadOnlyList<RedactionSpan> FindPassages(string text, IEnumerable<string> passages)
    {
        var found = new List<RedactionSpan>();
        var number = 0;
        foreach (var raw in passages)
        {
            number++;
            var passage = raw.Replace("\r\n", "\n");
            if (passage.Trim().Length == 0) continue;
            var at = text.IndexOf(passage, StringComparison.Ordinal);
            // The message names the passage by its number only: its words may be exactly what must not be repeated.
            if (at < 0)
                throw new DomainException($"Tekst nr. {number} findes ikke ordret i dokumentet; kontrollér stavning, store og små bogstaver.");
            while (at >= 0)
            {
                found.Add(new RedactionSpan(at, at + passage.Length));
                at = text.IndexOf(passage, at + passage.Length, StringComparison.Ordinal);
            }
        }
        return found;
    }

    /// <summary>
    /// Character ranges as a person writes them: "12-30, 45-50", counted from 1 and both ends
    /// included (characters 12 to 30), one range per comma, semicolon or line.
    /// </summary>
    public static IReadOnlyList<RedactionSpan> ParseRanges(string? ranges)
    {
        var result = new List<RedactionSpan>();
        foreach (var part in (ranges ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
                throw new DomainException($"\"{Shorten(part)}\" er ikke et tegninterval; skriv fx 12-30.");
            if (from < 1) throw new DomainException("Tegn tælles fra 1.");
            result.Add(new RedactionSpan(from - 1, to));
        }
        return result;
    }

    /// <summary>The text with each span replaced by <see cref="Marker"/>; refuses a text of another length than the spans were made for.</summary>
    public string Apply(string text)
    {
        if (text.Length != TextLength)
            throw new DomainException("Overstregningerne passer ikke til dokumentets tekst.");
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var s in spans)
        {
            sb.Append(text, at, s.Start - at).Append(Marker);
            at = s.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
