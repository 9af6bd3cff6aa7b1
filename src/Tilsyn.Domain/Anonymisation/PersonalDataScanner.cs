using System.Globalization;
using System.Text.RegularExpressions;
using Tilsyn.Complaints.Intake;

namespace Tilsyn.Anonymisation;

/// <summary>
/// Finds probable personal data in a case summary before it goes into the annual report or the
/// learning library. It is a helper for a person, not a guarantee: it errs on the side of flagging,
/// and every finding must be resolved or confirmed by someone (see <see cref="AnonymisationReview"/>).
/// </summary>
/// <remarks>
/// Decisions on the unclear cases:
/// <list type="bullet">
/// <item>Names: each first/last name of a party (2+ letters; initials such as "P." are skipped) on word
/// boundaries where Danish letters count as letters, so "Hansen" is not found in "Hansenvej" or "Hansensgade".
/// Genitives "Hansens", "Hansen's", "Jens'" and "Lars's" are part of the finding. Matching ignores case,
/// except that a name that is also a common Danish word (<see cref="CommonWords"/>, e.g. "Hans", "Per",
/// "Skov", "Bach") is only found when written with a capital letter: "hans klage" is not a name.
/// Neighbouring names ("Jens Peter Hansen", "Jens P. Hansen", "Hansen-Bach") make one finding.</item>
/// <item>CPR: ddMMyy-ssss, ddMMyyssss or ddMMyy ssss with a date that exists (no modulus 11 check, no
/// check against today). Never inside a longer run of digits, but letters, punctuation or spaces
/// next to it do not matter.</item>
/// <item>Phone: 8 digits (optionally +45/0045) as 8, 4-4 or 2-2-2-2 with one kind of separator. The first
/// digit must be 2-9, as in the Danish numbering plan. Not flagged: numbers inside longer digit runs,
/// amounts (followed by "kr.", "kroner", "DKK", ",-" or "%", or after "kr."/"DKK"), CVR/EAN/P-numbers, and
/// "2019-2020"-style year ranges. The municipality's own numbers are not hard-coded: pass them as
/// <see cref="ScanContext.PublicData"/>.</item>
/// <item>Address: a street name needs a house number to be flagged; "Rådhuspladsen" on its own is a place,
/// not an address. "Rådhuspladsen 1" is flagged (it cannot tell a citizen's address from City Hall's)
/// unless it is listed in <see cref="ScanContext.PublicData"/>.</item>
/// <item>Birth date: only a date right after "født", "født den", "f." or "fødselsdato"; the finding is the
/// date, so "født [fødselsdato]" remains. A year on its own ("født i 1985") and other dates are not flagged.</item>
/// <item>Case number: any <c>yyyy-nnnnnnn</c> and document number <c>yyyy-nnnnnnn-nn</c> with a valid year;
/// the case's own number also when written with another separator ("2017/0129396", "2017 0129396") or
/// as its bare running number ("0129396").</item>
/// <item>Names of others than the parties (children, relatives, staff): after a role word or title, common
/// Danish first names and surnames, and two or three capitalised words inside a sentence, while places,
/// institutions, administrations and streets stay unflagged; the rules are in <see cref="ThirdPartyNames"/>
/// and the word lists are data (<see cref="NameLists"/>, <c>Anonymisation/Data/*.txt</c>).</item>
/// </list>
/// Overlaps are settled by keeping the longest finding, then the most specific kind
/// (CPR, e-mail, case number, birth date, phone, address, party name, name after a role word, known name, name sequence).
/// </remarks>
public static partial class PersonalDataScanner
{
    /// <summary>
    /// Names that are also ordinary Danish words; written in lower case they are read as the word.
    /// Not exhaustive: a lower-case hit on any other name is flagged and a person confirms it.
    /// </summary>
    public static IReadOnlySet<string> CommonWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ager", "ask", "bach", "bak", "bech", "berg", "birk", "bjerg", "bjørn", "bo", "bonde", "borg", "bro",
        "by", "dal", "dam", "due", "eng", "falk", "fisker", "fog", "frost", "gade", "glad", "hans", "have",
        "hjort", "holm", "høj", "kaj", "kamp", "kirk", "kjær", "kok", "kristen", "krog", "kær", "lilje", "lind",
        "lund", "lykke", "lyng", "lærke", "mark", "mose", "munk", "mølle", "møller", "nord", "per", "ravn",
        "rask", "rose", "sand", "skov", "skytte", "smed", "sommer", "sten", "storm", "strand", "svane", "syd",
        "sø", "tage", "tom", "toft", "ulv", "vang", "vest", "vibe", "vind", "vinter", "ørn", "øst",
        "liv", "line", "signe", "gry", "mai", "storm", "mark", "lykke", "bang", "hald", "post", "tang", "hvid", "kis",
    };

    /// <summary>
    /// Every CPR number in <paramref name="text"/>, without looking for anything else (faster than <see cref="Scan"/>
    /// for a text that only needs its CPR numbers masked).
    /// </summary>
    public static IReadOnlyList<Finding> CprNumbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Cprs(text).ToList();
    }

    /// <summary>All findings in <paramref name="text"/>, sorted by start, not overlapping.</summary>
    public static IReadOnlyList<Finding> Scan(string text, ScanContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        var candidates = new List<Finding>();
        candidates.AddRange(Cprs(text));
        candidates.AddRange(Emails(text));
        candidates.AddRange(CaseNumbers(text, context));
        candidates.AddRange(BirthDates(text));
        candidates.AddRange(Phones(text));
        candidates.AddRange(Addresses(text));
        candidates.AddRange(PartyNames(text, context));
        candidates.AddRange(ThirdPartyNames.Find(text, context));

        var publicKeys = context.PublicData.SelectMany(p => new[] { Key(p, FindingKind.Phone), Key(p, FindingKind.Address) }).ToHashSet();
        candidates.RemoveAll(f => publicKeys.Contains(Key(f.Text, f.Kind)));

        var kept = new List<Finding>();
        foreach (var candidate in candidates
            .OrderByDescending(f => f.Length)
            .ThenBy(f => Rank(f.Kind))
            .ThenBy(f => f.Start))
        {
            if (!kept.Any(candidate.Overlaps))
                kept.Add(candidate);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static int Rank(FindingKind kind) => kind switch
    {
        FindingKind.Cpr => 0,
        FindingKind.Email => 1,
        FindingKind.CaseNumber => 2,
        FindingKind.BirthDate => 3,
        FindingKind.Phone => 4,
        FindingKind.Address => 5,
        FindingKind.PartyName => 6,
        FindingKind.RoleName => 7,
        FindingKind.KnownName => 8,
        _ => 9,
    };

    /// <summary>How a text is compared with <see cref="ScanContext.PublicData"/>.</summary>
    private static string Key(string text, FindingKind kind)
    {
        if (kind == FindingKind.Phone)
        {
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length == 12 && digits.StartsWith("0045", StringComparison.Ordinal)) return "tel:" + digits[4..];
            if (digits.Length == 10 && digits.StartsWith("45", StringComparison.Ordinal)) return "tel:" + digits[2..];
            return "tel:" + digits;
        }
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    private static Finding At(Group group, FindingKind kind) => new(group.Index, group.Length, kind, group.Value);

    // ---- CPR ---------------------------------------------------------------------------------

    [GeneratedRegex(@"(?<!\d)(?<cpr>(?<date>\d{6})[-\u2010\u2011\u2013 ]?(?<serial>\d{4}))(?!\d)")]
    private static partial Regex CprPattern();

    private static IEnumerable<Finding> Cprs(string text)
    {
        foreach (Match m in CprPattern().Matches(text))
        {
            // Reuse the intake rule for the date part; any existing date counts, so "today" is not needed.
            if (CprNumber.TryParse(m.Groups["date"].Value + m.Groups["serial"].Value, DateOnly.MaxValue, out _, out _))
                yield return At(m.Groups["cpr"], FindingKind.Cpr);
        }
    }

    // ---- E-mail ------------------------------------------------------------------------------

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-@])")]
    private static partial Regex EmailPattern();

    private static IEnumerable<Finding> Emails(string text) =>
        EmailPattern().Matches(text).Select(m => At(m, FindingKind.Email));

    // ---- Case numbers ------------------------------------------------------------------------

    [GeneratedRegex(@"(?<!\d)(?<case>\d{4}-\d{7})(?<doc>-\d{2,4})?(?!\d)")]
    private static partial Regex CaseNumberPattern();

    private static IEnumerable<Finding> CaseNumbers(string text, ScanContext context)
    {
        foreach (Match m in CaseNumberPattern().Matches(text))
        {
            if (!Complaints.CaseNumber.TryParse(m.Groups["case"].Value, out _, out _)) continue;
            yield return m.Groups["doc"].Success && Complaints.CaseNumber.TryParseDocument(m.Value, out _, out _)
                ? At(m, FindingKind.CaseNumber)
                : At(m.Groups["case"], FindingKind.CaseNumber);
        }

        if (context.CaseNumber is { } own)
        {
            var year = Regex.Escape(own[..4]);
            var sequence = Regex.Escape(own[5..]);
            var pattern = $@"(?<!\d)(?:{year}(?:\s*[-/.]\s*|\s+)?)?{sequence}(?:\s*-\s*\d{{2,4}})?(?!\d)";
            foreach (Match m in Regex.Matches(text, pattern, RegexOptions.CultureInvariant))
                yield return At(m, FindingKind.CaseNumber);
        }
    }

    // ---- Birth dates -------------------------------------------------------------------------

    private const string Months =
        "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|" +
        "jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?:født(?:\s+den)?|f\.|fødselsdato(?:\s+er)?\s*:?)\s*" +
        @"(?<date>" +
            @"(?<d>\d{1,2})\.\s*(?<mn>" + Months + @")\.?\s+(?<y>\d{4})" +
            @"|(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4}|\d{2})" +
            @"|(?<d>\d{1,2})/(?<m>\d{1,2})(?:[-/]|\s)(?<y>\d{4}|\d{2})" +
            @"|(?<d>\d{1,2})-(?<m>\d{1,2})-(?<y>\d{4})" +
            @"|(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})" +
        @")(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthDatePattern();

    private static readonly string[] MonthNames = Months.Split('|');

    private static IEnumerable<Finding> BirthDates(string text)
    {
        foreach (Match m in BirthDatePattern().Matches(text))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = m.Groups["mn"].Success
                ? MonthOf(m.Groups["mn"].Value)
                : int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var y = m.Groups["y"].Value;
            // A two-digit year could be in either century; 2000 is a leap year, so 29/2 is allowed.
            var year = y.Length == 2 ? 2000 : int.Parse(y, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && year is >= 1850 and <= 2999 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                yield return At(m.Groups["date"], FindingKind.BirthDate);
        }
    }

    private static int MonthOf(string name)
    {
        var index = Array.FindIndex(MonthNames, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        // The names list the twelve months, then the abbreviations jan..dec (with "sept" and "sep" both September).
        if (index < 12) return index + 1;
        var abbreviation = MonthNames[index];
        return Array.FindIndex(MonthNames, 0, 12, n => n.StartsWith(abbreviation[..3], StringComparison.OrdinalIgnoreCase)) + 1;
    }

    // ---- Phone numbers -----------------------------------------------------------------------

    [GeneratedRegex(
        @"(?<![\p{N}+])(?<![\p{N}][.,])(?<phone>(?:(?:\+|00)45[ \u00A0.\-]?)?" +
        @"(?<number>[2-9]\d{7}|[2-9]\d{3}[ \u00A0.\-]\d{4}|[2-9]\d(?<s>[ \u00A0.\-])\d{2}\k<s>\d{2}\k<s>\d{2}))" +
        @"(?![\p{N}])(?![.,]\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\s*(?:kr\b|kroner|dkk\b|,-|%|procent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountAfter();

    [GeneratedRegex(@"(?:\bkr\.?|\bdkk|\bcvr|\bse|\bean|\bp)(?:[-.\s]?nr\.?|-nummer)?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotPhoneBefore();

    [GeneratedRegex(@"^(?:19|20)\d{2}[\-\u2013](?:19|20)\d{2}$")]
    private static partial Regex YearRange();

    private static IEnumerable<Finding> Phones(string text)
    {
        foreach (Match m in PhonePattern().Matches(text))
        {
            var phone = m.Groups["phone"];
            var before = text[Math.Max(0, phone.Index - 12)..phone.Index];
            if (AmountAfter().IsMatch(text.AsSpan(phone.Index + phone.Length))) continue;
            if (NotPhoneBefore().IsMatch(before)) continue;
            if (YearRange().IsMatch(m.Groups["number"].Value)) continue;
            yield return At(phone, FindingKind.Phone);
        }
    }

    // ---- Addresses ---------------------------------------------------------------------------

    private const string StreetSuffixes =
        "gade|gaden|vej|vejen|allé|alle|plads|pladsen|stræde|strædet|boulevard|boulevarden|vænge|vænget|" +
        "park|parken|torv|torvet|sti|stien|bakke|bakken|have|haven|toft|toften|lund|lunden|kaj|kajen|" +
        "brygge|bryggen|dossering|dosseringen|vang|vangen|hegn|hegnet|sving|svinget|passage|passagen|kanal|kanalen";

    /// <summary>Capitalised words that start sentences and must not be read as the first word of a street name.</summary>
    private const string NotStreetWords =
        "Fra|Til|På|I|Ved|Han|Hun|De|Den|Det|Der|Af|Om|Og|Men|Efter|Før|Mod|Hos|Under|Over|Hendes|Hans|Deres|" +
        "Borgeren|Klager|Klageren|Forvaltningen|Kommunen|Adressen|Bopæl|Adresse";

    /// <summary>A capitalised word ("Gammel ", "Bangs ") or initials ("H.C. ") before the last word of a street name.</summary>
    private const string StreetWordsBefore =
        @"(?:(?!(?:" + NotStreetWords + @")\s)(?:(?:\p{Lu}\.\s?)+\s*|\p{Lu}[\p{L}\-]*\s+))";

    private const string Side = @"(?:th|tv|mf)(?:\.|(?![\p{L}]))";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}.])" +
        @"(?<address>" +
            @"(?<street>" +
                // the last word has the suffix glued on ("Vesterbrogade", "Gammel Kongevej") ...
                StreetWordsBefore + @"{0,3}(?!(?:" + NotStreetWords + @")\s)\p{Lu}[\p{L}\-]*?(?:" + StreetSuffixes + @")" +
                // ... or is a word of its own after at least one other ("Peter Bangs Vej", "H.C. Andersens Boulevard")
                @"|" + StreetWordsBefore + @"{1,3}(?i:" + StreetSuffixes + @")" +
            @")(?![\p{L}])" +
            @"\s+(?<number>[1-9]\d{0,3}(?:\s?\p{Lu}(?![\p{L}])|\p{Ll}(?![\p{L}]))?)(?![\p{N}]|[.,]\d)" +
            @"(?<floor>,?\s*(?:" +
                @"(?:st|kl|kld)(?:\.|(?![\p{L}]))(?:,?\s*" + Side + @")?" +
                @"|[1-9]\d?\.\s*(?:sal(?![\p{L}])(?:,?\s*" + Side + @")?|" + Side + @")" +
            @"))?" +
            @"(?<postcode>,?\s+[1-9]\d{3}\s+\p{Lu}[\p{L}\-]+(?:\s+(?:NV|SV|NØ|SØ|[NSØVKC])(?![\p{L}]))?)?" +
        @")")]
    private static partial Regex AddressPattern();

    private static IEnumerable<Finding> Addresses(string text) =>
        AddressPattern().Matches(text).Select(m => At(m.Groups["address"], FindingKind.Address));

    // ---- Party names -------------------------------------------------------------------------

    /// <summary>What may stand between two names of one person: spaces, hyphens and initials ("P.").</summary>
    [GeneratedRegex(@"^[\s\-]*(?:\p{Lu}\.?[\s\-]+)*$")]
    private static partial Regex NameGap();

    private static IEnumerable<Finding> PartyNames(string text, ScanContext context)
    {
        var parts = context.PartyNames
            .SelectMany(name => name.Split([' ', '\t', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            .Where(part => !part.EndsWith('.') && part.Length >= 2 && part.All(c => char.IsLetter(c) || c is '\'' or '’'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(part => part.Length)
            .ToList();
        if (parts.Count == 0) return [];

        var alternatives = string.Join('|', parts.Select(Regex.Escape));
        var pattern = $@"(?<![\p{{L}}\p{{N}}])(?<name>{alternatives})(?<genitive>['’]s?|s)?(?![\p{{L}}\p{{N}}])";
        var single = new List<Finding>();
        foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        {
            var name = m.Groups["name"].Value;
            if (CommonWords.Contains(name) && !char.IsUpper(name[0])) continue;
            var genitive = m.Groups["genitive"].Value;
            // A lone apostrophe is a genitive only after s, x or z ("Jens'"); after "Hansen" it closes a quote.
            var keepsApostrophe = genitive is not ("'" or "’") || "sxzSXZ".Contains(name[^1]);
            single.Add(keepsApostrophe ? At(m, FindingKind.PartyName) : At(m.Groups["name"], FindingKind.PartyName));
        }

        var merged = new List<Finding>();
        foreach (var f in single)
        {
            if (merged.Count > 0 && NameGap().IsMatch(text.AsSpan(merged[^1].End, f.Start - merged[^1].End)))
            {
                var first = merged[^1];
                merged[^1] = new Finding(first.Start, f.End - first.Start, FindingKind.PartyName, text[first.Start..f.End]);
            }
            else
            {
                merged.Add(f);
            }
        }
        return merged;
    }
}
