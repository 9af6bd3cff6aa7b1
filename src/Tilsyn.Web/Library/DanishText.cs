using System.Text;

namespace Tilsyn.Web.Library;

/// <summary>
/// Danish stemming for the library's search (Snowball's Danish stemmer from Lucene.NET): "klagerne",
/// "klagen" and "klager" all become "klag". Text is stemmed before it is stored and queries are stemmed
/// the same way, so SQLite and PostgreSQL search alike (SQLite has no Danish stemmer of its own).
/// </summary>
public static class DanishText
{
    [ThreadStatic] private static Lucene.Net.Tartarus.Snowball.Ext.DanishStemmer? stemmer;

    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); continue; }
            if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    public static string Stem(string token)
    {
        if (token.Length < 3 || token.Any(char.IsDigit)) return token;
        var s = stemmer ??= new Lucene.Net.Tartarus.Snowball.Ext.DanishStemmer();
        s.SetCurrent(token);
        s.Stem();
        return s.Current;
    }

    /// <summary>The stemmed tokens of a text, space-separated with a leading and trailing space (so " klag" finds the token's start).</summary>
    public static string ForIndex(params string?[] texts) =>
        " " + string.Join(' ', texts.SelectMany(Tokens).Select(Stem).Distinct()) + " ";

    public static IReadOnlyList<string> QueryTerms(string? query) => Tokens(query).Select(Stem).Distinct().ToList();
}
