using System.Xml;
using System.Xml.Linq;

namespace Tilsyn.Organisation;

/// <summary>One KLE row read from a file, with the line it came from.</summary>
public sealed record KleRow(KleCode Code, string Title, bool Retired, int Line);

/// <summary>A problem in a KLE file, named by line (and field) so the user can find it.</summary>
public sealed record KleImportError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"Linje {Line}: {Message}" : Message;
}

/// <summary>
/// The rows and what is wrong with them. <see cref="Errors"/> stop the import; <see cref="MissingParents"/>
/// do not: KL's own extracts hold topics whose group is absent (e.g. a subset), and such a topic is
/// still a valid code for classifying cases. The importer drops the ones whose parent it already has.
/// </summary>
public sealed record KleParseResult(IReadOnlyList<KleRow> Rows, IReadOnlyList<KleImportError> Errors, IReadOnlyList<KleRow> MissingParents)
{
    public KleParseResult(IReadOnlyList<KleRow> rows, IReadOnlyList<KleImportError> errors) : this(rows, errors, []) { }

    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads KLE subjects from the two shapes municipalities have: KL's XML export
/// (<i>KLE-Emneplan</i>: nested main groups, groups and topics, each with a number and a title)
/// and a CSV <c>code;level;parent;title</c>. Validates everything before anything is written:
/// the caller imports all rows or none.
/// </summary>
public static class KleImportParser
{
    private const string RetiredMark = "[udgår";

    public static KleParseResult Parse(Stream content)
    {
        // Peek at the first non-blank character: '<' means XML, anything else is CSV.
        using var buffered = new MemoryStream();
        content.CopyTo(buffered);
        buffered.Position = 0;
        var reader = new StreamReader(buffered, detectEncodingFromByteOrderMarks: true);
        while (reader.Peek() is var c and >= 0 && char.IsWhiteSpace((char)c)) reader.Read();
        var first = reader.Peek();
        buffered.Position = 0;
        return first == '<' ? ParseXml(buffered) : ParseCsv(new StreamReader(buffered, detectEncodingFromByteOrderMarks: true));
    }

    /// <summary>CSV with a header naming at least <c>code</c> and <c>title</c> (<c>level</c>, <c>parent</c> are checked when present).</summary>
    public static KleParseResult ParseCsv(TextReader text)
    {
        var rows = new List<KleRow>();
        var errors = new List<KleImportError>();
        var header = text.ReadLine();
        if (header is null)
            return new([], [new KleImportError(0, "Filen er tom.")]);
        var sep = header.Contains(';') ? ';' : ',';
        var names = SplitCsvLine(header, sep).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(params string[] candidates) => names.FindIndex(n => candidates.Contains(n));
        int code = Col("code", "kode", "emnenr", "nr"), title = Col("title", "titel", "emnetitel"),
            level = Col("level", "niveau"), parent = Col("parent", "forælder", "overordnet");
        if (code < 0 || title < 0)
            return new([], [new KleImportError(1, "Overskriftslinjen skal have kolonnerne 'code' og 'title'.")]);

        var lineNo = 1;
        while (text.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = SplitCsvLine(line, sep);
            string Field(int i) => i >= 0 && i < f.Count ? f[i].Trim() : "";
            if (!KleCode.TryParse(Field(code), out var kle))
            {
                errors.Add(new(lineNo, $"kolonnen 'code': {CellText.Quote(Field(code))} er ikke en KLE-kode."));
                continue;
            }
            if (level >= 0 && Field(level) != kle.Value.Level.ToString())
                errors.Add(new(lineNo, $"kolonnen 'level': {Field(level)} passer ikke til koden {kle} (niveau {kle.Value.Level})."));
            if (parent >= 0 && Field(parent) != (kle.Value.Parent?.Value ?? ""))
                errors.Add(new(lineNo, $"kolonnen 'parent': {CellText.Quote(Field(parent))} er ikke forælder til {kle}."));
            AddRow(rows, errors, kle.Value, Field(title), lineNo);
        }
        return new(rows, errors, CheckTree(rows, errors));
    }

    /// <summary>
    /// KL's XML: any element with a child whose name ends in <c>Nr</c> (HovedgruppeNr, GruppeNr, EmneNr)
    /// and one ending in <c>Titel</c> is a subject. Reading by that shape rather than by fixed paths
    /// keeps the import working across KL's small schema revisions.
    /// </summary>
    public static KleParseResult ParseXml(Stream xml)
    {
        var rows = new List<KleRow>();
        var errors = new List<KleImportError>();
        // No DTDs: a KLE file has none, and refusing them rules out entity expansion and external entities.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            errors.Add(new(ex.LineNumber, $"XML-filen kan ikke læses: {ex.Message}"));
            return new([], errors);
        }
        foreach (var element in doc.Descendants())
        {
            var children = element.Elements().ToList();
            var nr = children.FirstOrDefault(c => c.Name.LocalName.EndsWith("Nr", StringComparison.Ordinal));
            var titel = children.FirstOrDefault(c => c.Name.LocalName.EndsWith("Titel", StringComparison.Ordinal));
            if (nr is null || titel is null) continue;
            var line = ((IXmlLineInfo)nr).LineNumber;
            if (KleCode.TryParse(nr.Value, out var kle))
                AddRow(rows, errors, kle.Value, titel.Value.Trim(), line);
            else
                errors.Add(new(line, $"{nr.Name.LocalName} {CellText.Quote(nr.Value.Trim())} er ikke en KLE-kode."));
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(0, "Filen indeholder ingen KLE-emner (elementer med fx EmneNr og EmneTitel)."));
        return new(rows, errors, CheckTree(rows, errors));
    }

    private static void AddRow(List<KleRow> rows, List<KleImportError> errors, KleCode code, string title, int line)
    {
        if (title.Length == 0)
        {
            errors.Add(new(line, $"kolonnen 'title': titel mangler for {code}."));
            return;
        }
        if (title.Length > 300)
        {
            errors.Add(new(line, $"kolonnen 'title': titlen for {code} er over 300 tegn."));
            return;
        }
        var retired = title.Contains(RetiredMark, StringComparison.OrdinalIgnoreCase);
        rows.Add(new KleRow(code, title, retired, line));
    }

    /// <summary>Each code once (an error otherwise); returns the rows whose parent the file does not have.</summary>
    private static List<KleRow> CheckTree(List<KleRow> rows, List<KleImportError> errors)
    {
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            if (seen.TryGetValue(row.Code.Value, out var earlier))
                errors.Add(new(row.Line, $"koden {row.Code} står også på linje {earlier}."));
            else
                seen[row.Code.Value] = row.Line;
        }
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return rows.Where(r => r.Code.Parent is { } p && !seen.ContainsKey(p.Value)).ToList();
    }

    /// <summary>Splits one CSV line, honouring double-quoted fields with doubled quotes inside.</summary>
    private static List<string> SplitCsvLine(string line, char sep)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == sep) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
