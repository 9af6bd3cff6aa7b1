using System.Text.RegularExpressions;

namespace Tilsyn.Anonymisation;

/// <summary>
/// Finds names of persons who are not parties: children, relatives, staff (issue 13). Three reasons, each
/// its own <see cref="FindingKind"/>:
/// <list type="number">
/// <item><see cref="FindingKind.RoleName"/>: capitalised words right after a role word or title
/// (<see cref="NameLists.RoleWords"/>), with spaces, a comma or a colon between: "søn Ahmad", "sagsbehandler Lone H. Petersen",
/// "Fru Hansens", "hr. Jensen", "moderen, Lise,".</item>
/// <item><see cref="FindingKind.KnownName"/>: a run of capitalised words holding a common first name or surname
/// (<see cref="NameLists.FirstNames"/>, <see cref="NameLists.Surnames"/>), also at the start of a sentence.</item>
/// <item><see cref="FindingKind.NameSequence"/>: two or three capitalised words inside a sentence ("Xenia Brunsvig").</item>
/// </list>
/// A run of capitalised words is one name: words with spaces between (no punctuation, no line break), initials
/// ("H.", "H.C.") and hyphenated names ("Skov-Jørgensen") included; the genitive ("Hansens", "Jens'") is part of it.
/// Not flagged: a run holding an institution word, an administration, a law, a holiday or a street
/// (<see cref="NameLists.Institutions"/>: "Jobcenter København", "Københavns Kommune", "Peter Bangs Vej") or one
/// of <see cref="ScanContext.PublicData"/>; a run of places and ordinary words (<see cref="NameLists.Places"/>: "Nørre Alslev");
/// the capitalised first word of a sentence unless it is a known name that is not also an ordinary word
/// ("Hans", "Tage", month names); a single unknown capitalised word ("Servicelovens"); words in capitals ("BUF").
/// </summary>
internal static partial class ThirdPartyNames
{
    /// <summary>A word: letters with inner hyphens or apostrophes, a genitive apostrophe after s/x/z, or a compound's trailing hyphen ("Børne-").</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}[\p{L}\p{M}]*(?:[\-'’]\p{L}[\p{L}\p{M}]*)*(?:['’](?![\p{L}\p{N}])|-(?=\s))?")]
    private static partial Regex WordPattern();

    /// <summary>What may stand between a role word and the name: a title's period, a comma or colon, spaces (not a line break).</summary>
    [GeneratedRegex(@"^\.?[,:]?[ \t\u00A0]+$")]
    private static partial Regex RoleGap();

    /// <summary>Capitalised words that begin an institution's name inside a sentence ("Det Sociale Nævn") or are the formal "you".</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "Det", "Den", "De", "Dem", "Deres", "For", "Og", "Af" };

    /// <summary>Abbreviations whose period does not end a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "hr", "dr", "fr", "frk", "jf", "jfr", "fx", "nr", "stk", "pkt", "ca", "evt", "inkl", "ekskl", "mht", "vedr", "ang", "kl",
        "tlf", "dvs", "iflg", "ift", "vs", "sml", "mfl", "bl", "eks", "st", "th", "tv", "mf", "sagsnr", "løbenr", "reg", "att",
        "pga", "ifm", "mm", "mv", "el", "ex", "prof", "lektor", "cand", "stud",
    };

    private static readonly string[] CalendarWords =
    [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december",
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ];

    private static readonly Lazy<Regex?> StaticPhrases = new(() => PhraseRegex(NameLists.Institutions.Phrases));

    private sealed record Word(int Start, int End, string Text, bool IsInitial)
    {
        /// <summary>Starts with a capital followed by a small letter ("Hansen", "McDonald"), not "CPR-nummer" or "BUF".</summary>
        public bool IsCapitalised => Text.Length >= 2 && char.IsUpper(Text[0]) && char.IsLower(Text[1]) && !Text.EndsWith('-');

        public bool IsNameLike => IsCapitalised || IsInitial;
    }

    public static IEnumerable<Finding> Find(string text, ScanContext context)
    {
        var words = Words(text);
        if (words.Count == 0) return [];
        var covered = PublicPhrases(text, context);
        var findings = new List<Finding>();
        var i = 0;
        while (i < words.Count)
        {
            if (!words[i].IsNameLike) { i++; continue; }
            var run = new List<int> { i };
            while (run[^1] + 1 < words.Count && words[run[^1] + 1].IsNameLike && Joined(text, words[run[^1]], words[run[^1] + 1]))
                run.Add(run[^1] + 1);
            i = run[^1] + 1;

            // A role word inside the run ("Sagsbehandler Lone Petersen", "Fru Hansens") splits it.
            var segment = new List<int>();
            var rolePreceded = run[0] > 0 && IsRoleBefore(text, words[run[0] - 1], words[run[0]]);
            var sentenceStart = SentenceStart(text, words, run[0]);
            foreach (var index in run)
            {
                if (IsRole(words[index]) && !words[index].IsInitial)
                {
                    Evaluate(text, words, segment, rolePreceded, sentenceStart, covered, findings);
                    segment = [];
                    rolePreceded = true;
                    sentenceStart = false;
                    continue;
                }
                segment.Add(index);
            }
            Evaluate(text, words, segment, rolePreceded, sentenceStart, covered, findings);
        }
        return findings;
    }

    private static void Evaluate(string text, List<Word> words, List<int> segment, bool rolePreceded, bool sentenceStart,
        List<(int Start, int End)> covered, List<Finding> findings)
    {
        if (segment.Count == 0) return;
        var seg = segment.Select(i => words[i]).ToList();
        bool IsInstitutionWord(Word w, bool first) =>
            covered.Any(c => w.Start < c.End && c.Start < w.End)
            || (!w.IsInitial && (IsInstitution(w.Text) || (!(first && sentenceStart) && Particles.Contains(w.Text))));

        var institution = seg.Select((w, n) => IsInstitutionWord(w, n == 0)).ToList();
        var lastInstitution = institution.LastIndexOf(true);
        if (lastInstitution >= 0)
        {
            // "Ydelsesservice Henrik Jensen": a known name after the institution's name is still a name;
            // "Jobcenter København", "Peter Bangs Vej" stay whole.
            var tail = segment.Skip(lastInstitution + 1).ToList();
            if (tail.Any(i => words[i].IsCapitalised && IsKnownName(words[i].Text)))
                Evaluate(text, words, tail, rolePreceded: false, sentenceStart: false, covered, findings);
            return;
        }

        if (rolePreceded)
        {
            if (seg.All(w => w.IsInitial)) return;
            Add(text, seg.Take(4).ToList(), FindingKind.RoleName, findings);
            return;
        }

        if (sentenceStart)
        {
            var first = seg[0];
            var keep = !first.IsInitial && IsKnownName(first.Text)
                && (!IsOrdinaryWord(first.Text) || (seg.Count > 1 && seg[1].IsCapitalised && IsKnownName(seg[1].Text)));
            if (!keep) seg.RemoveAt(0);
        }
        // Initials at either end belong to no one: "… Amager. H." or "A. og B.".
        while (seg.Count > 0 && seg[0].IsInitial && (seg.Count == 1 || !seg[1].IsCapitalised)) seg.RemoveAt(0);
        if (seg.Count == 0) return;

        var known = seg.Where(w => w.IsCapitalised && IsKnownName(w.Text)).ToList();
        if (known.Count > 0)
        {
            if (seg.Count <= 4) Add(text, seg, FindingKind.KnownName, findings);
            else foreach (var w in known) Add(text, [w], FindingKind.KnownName, findings);
            return;
        }
        if (seg.Any(w => !w.IsInitial && NameLists.Places.Matches(Base(w.Text)))) return;
        var capitalised = seg.Count(w => w.IsCapitalised);
        if (capitalised >= 1 && seg.Count is >= 2 and <= 3 && !seg.Any(w => IsCalendarWord(w.Text)))
            Add(text, seg, FindingKind.NameSequence, findings);
    }

    private static void Add(string text, List<Word> seg, FindingKind kind, List<Finding> findings)
    {
        var start = seg[0].Start;
        var end = seg[^1].End;
        findings.Add(new Finding(start, end - start, kind, text[start..end]));
    }

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        foreach (Match m in WordPattern().Matches(text))
        {
            var value = m.Value;
            // A lone apostrophe is a genitive only after s, x or z ("Jens'"); after "Hansen" it closes a quote.
            if (value[^1] is '\'' or '’' && !(value.Length >= 2 && "sxzSXZ".Contains(value[^2])))
                value = value[..^1];
            var end = m.Index + value.Length;
            var initial = value.Length == 1 && char.IsUpper(value[0]) && end < text.Length && text[end] == '.';
            words.Add(new Word(m.Index, initial ? end + 1 : end, initial ? value + "." : value, initial));
        }
        return words;
    }

    /// <summary>Two neighbouring words belong to one name: only spaces between them, or nothing after an initial ("H.C.").</summary>
    private static bool Joined(string text, Word a, Word b)
    {
        for (var k = a.End; k < b.Start; k++)
        {
            if (text[k] is not (' ' or '\t' or '\u00A0')) return false;
        }
        return b.Start > a.End || a.IsInitial;
    }

    private static bool IsRole(Word w) => NameLists.RoleWords.Contains(w.Text);

    private static bool IsRoleBefore(string text, Word role, Word name) =>
        !role.IsInitial && IsRole(role) && RoleGap().IsMatch(text.AsSpan(role.End, name.Start - role.End));

    /// <summary>Whether the word begins a sentence: the first word, or after a line break, "!", "?", ":" or a period that is not an abbreviation's or an initial's.</summary>
    private static bool SentenceStart(string text, List<Word> words, int index)
    {
        if (index == 0) return true;
        var previous = words[index - 1];
        var gap = text.AsSpan(previous.End, words[index].Start - previous.End);
        if (gap.IndexOfAny("\n\r!?:") >= 0) return true;
        var period = gap.IndexOf('.');
        if (period < 0) return false;
        // "hr. Jensen", "jf. Servicelovens", "f.eks. Lone": the period belongs to the abbreviation.
        var abbreviation = period == 0 && !previous.IsInitial
            && (Abbreviations.Contains(previous.Text) || (previous.Text.Length == 1 && char.IsLower(previous.Text[0])));
        return !abbreviation || gap[(period + 1)..].IndexOf('.') >= 0;
    }

    /// <summary>The word without a genitive: "Hansens" → "Hansen" when that is listed, "Jens'" → "Jens", "Lars's" → "Lars".</summary>
    private static IEnumerable<string> Forms(string word)
    {
        yield return word;
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) yield return word[..^2];
        else if (word[^1] is '\'' or '’') yield return word[..^1];
        else if (word.Length > 2 && word[^1] == 's') yield return word[..^1];
    }

    private static string Base(string word) => Forms(word).Last();

    internal static bool IsKnownName(string word)
    {
        foreach (var form in Forms(word))
        {
            foreach (var part in form.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (NameLists.FirstNames.Contains(part) || NameLists.Surnames.Contains(part)) return true;
            }
        }
        return false;
    }

    /// <summary>An institution or street word: listed as a word, or (when it is not a known name, like "Kaj") ending like one.</summary>
    private static bool IsInstitution(string word)
    {
        if (Forms(word).Any(NameLists.Institutions.Contains)) return true;
        return !IsKnownName(word) && Forms(word).Any(f => NameLists.Institutions.Endings.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A name that is also an ordinary word or a month ("Hans", "Tage", "August"): not a name as a sentence's first word.</summary>
    private static bool IsOrdinaryWord(string word) =>
        Forms(word).Any(f => PersonalDataScanner.CommonWords.Contains(f)) || IsCalendarWord(word);

    private static bool IsCalendarWord(string word) => CalendarWords.Contains(word, StringComparer.OrdinalIgnoreCase);

    /// <summary>The character ranges of institution phrases and of the context's public names ("Byens Drift", "Jobcenter Amager").</summary>
    private static List<(int Start, int End)> PublicPhrases(string text, ScanContext context)
    {
        var ranges = new List<(int, int)>();
        if (StaticPhrases.Value is { } phrases)
            ranges.AddRange(phrases.Matches(text).Select(m => (m.Index, m.Index + m.Length)));
        var own = context.PublicData.Where(p => p.Any(char.IsLetter)).ToList();
        if (own.Count > 0 && PhraseRegex(own) is { } ownPhrases)
            ranges.AddRange(ownPhrases.Matches(text).Select(m => (m.Index, m.Index + m.Length)));
        return ranges;
    }

    private static Regex? PhraseRegex(IEnumerable<string> phrases)
    {
        var alternatives = phrases
            .OrderByDescending(p => p.Length)
            .Select(p => string.Join(@"\s+", p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToList();
        return alternatives.Count == 0 ? null
            : new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?:s|'s|’s)?(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
