using System.Text.RegularExpressions;

namespace Tilsyn.Anonymisation;

/// <summary>
/// The word lists the <see cref="PersonalDataScanner"/> reads to find names that are not the parties':
/// data files embedded from <c>Anonymisation/Data/</c> (one entry a line, <c>#</c> comments; a line
/// starting with <c>-</c> is an ending, a line with a space a whole phrase). Edit the files, not this class.
/// </summary>
public static class NameLists
{
    /// <summary>Common first names in Denmark (<c>FirstNames.txt</c>).</summary>
    public static WordList FirstNames { get; } = WordList.Load("FirstNames.txt");

    /// <summary>Common surnames in Denmark (<c>Surnames.txt</c>).</summary>
    public static WordList Surnames { get; } = WordList.Load("Surnames.txt");

    /// <summary>Role words and titles after which a capitalised word is a name: "søn", "sagsbehandler", "fru" (<c>RoleWords.txt</c>).</summary>
    public static WordList RoleWords { get; } = WordList.Load("RoleWords.txt");

    /// <summary>Towns, districts, regions and countries (<c>Places.txt</c>).</summary>
    public static WordList Places { get; } = WordList.Load("Places.txt");

    /// <summary>Institutions, administrations, laws, holidays and street endings (<c>Institutions.txt</c>).</summary>
    public static WordList Institutions { get; } = WordList.Load("Institutions.txt");
}

/// <summary>One of the <see cref="NameLists"/>: words, endings and phrases, compared ignoring case.</summary>
public sealed class WordList
{
    private WordList(IReadOnlySet<string> words, IReadOnlyList<string> endings, IReadOnlyList<string> phrases)
    {
        Words = words;
        Endings = endings;
        Phrases = phrases;
    }

    /// <summary>Single words, e.g. "Hansen".</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>Endings without their dash, e.g. "forvaltningen" for the line "-forvaltningen".</summary>
    public IReadOnlyList<string> Endings { get; }

    /// <summary>Phrases of several words, e.g. "Byens Drift".</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>Whether <paramref name="word"/> is one of the words.</summary>
    public bool Contains(string word) => Words.Contains(word);

    /// <summary>Whether <paramref name="word"/> is one of the words or ends with one of the endings.</summary>
    public bool Matches(string word) =>
        Words.Contains(word) || Endings.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    internal static WordList Load(string file)
    {
        var name = "Tilsyn.Anonymisation.Data." + file;
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded word list {name} is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var endings = new List<string>();
        var phrases = new List<string>();
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('-')) endings.Add(line[1..]);
            else if (line.Contains(' ')) phrases.Add(Regex.Replace(line, @"\s+", " "));
            else words.Add(line);
        }
        return new WordList(words, endings, phrases);
    }
}
