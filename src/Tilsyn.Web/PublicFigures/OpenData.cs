using System.Globalization;
using System.Text;
using System.Text.Json;
using Tilsyn.Complaints;
using Tilsyn.PublicFigures;

namespace Tilsyn.Web.PublicFigures;

/// <summary>What a column holds: text, a whole number (the year), a suppressed count, or a derived number (rate, share, median).</summary>
public enum ColumnKind { Text, Year, Count, Number }

/// <summary>One column of an open dataset, with what the data dictionary says about it.</summary>
public sealed record DataColumn(string Id, string Header, ColumnKind Kind, string Meaning, string Unit, string Source, string Suppression);

/// <summary>An open dataset: its stable name (<c>/offentlig/data/{Slug}.csv|json</c>), description and columns; rows come from <see cref="OpenData.Rows"/>.</summary>
public sealed record DataSetInfo(string Slug, string Title, string Description, IReadOnlyList<string> Keywords, IReadOnlyList<DataColumn> Columns);

/// <summary>
/// The open datasets of the public figures (issue 16, point 3) and their CSV and JSON forms.
/// <para><b>CSV</b>: UTF-8 with BOM (Excel opens æøå right), <c>;</c> between cells, CRLF line ends, a header row,
/// decimal comma (Danish), text cells through <see cref="CsvCell.Text"/>. Hidden counts are "&lt;5" (1–4, from the
/// threshold) or ".." (hidden to protect another cell); a figure not measured is "ikke opgjort". Written here rather
/// than with Sep, whose writer ends lines with the platform's newline (LF on Linux): the format asks for CRLF.</para>
/// <para><b>JSON</b>: <c>{"datasaet", "titel", "licens", "ordbog", "taerskel", "kolonner", "raekker"}</c>; in a row, a count
/// or number is a JSON number, or <c>null</c> when hidden or not measured, and then <c>"skjult": {"kolonne": "&lt;5" | ".." | "ikke opgjort" | …}</c>
/// says why. Decimals are JSON numbers (a point).</para>
/// </summary>
public static class OpenData
{
    public const string LicenseName = "Creative Commons Navngivelse 4.0 International (CC BY 4.0)";
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/deed.da";
    private static readonly CultureInfo Da = Tilsyn.Calendar.DanishTime.Culture;

    private const string Cases = "Tilsyn: Borgerrådgiverens egne sager (henvendelser, klager og egen drift; ikke aktindsigt og indsigtsanmodninger), opgjort efter modtagelsesdato i dansk tid.";
    private static string CountRule(int t) => $"Tal fra 1 til {t - 1} vises som \"<{t}\". Hvis en skjult celle ellers kan regnes ud af totalerne, skjules også en anden celle i rækken eller kolonnen (vist som \"..\"). 0 vises som 0.";
    private const string NoRule = "Ingen (tekst).";

    private static DataColumn Year => new("aar", "År", ColumnKind.Year, "Kalenderåret, tallene gælder (et år med offentliggjort beretning).", "år", "Tilsyn", NoRule);
    private static DataColumn Code => new("forvaltningskode", "Forvaltningskode", ColumnKind.Text, "Forvaltningens forkortelse; \"I ALT\" er hele kommunen, \"–\" sager, der ikke er henført til en forvaltning.", "tekst", "Tilsyn: organisationen", NoRule);
    private static DataColumn Name => new("forvaltning", "Forvaltning", ColumnKind.Text, "Forvaltningens navn.", "tekst", "Tilsyn: organisationen", NoRule);
    private static DataColumn Count(string id, string header, string meaning, int t) => new(id, header, ColumnKind.Count, meaning, "antal sager", Cases, CountRule(t));

    public static IReadOnlyList<DataSetInfo> DataSets(int t) =>
    [
        new("klager", "Henvendelser og klager pr. forvaltning og kategori",
            "Borgerrådgiverens henvendelser, klager og egen drift-sager pr. år og forvaltning, og klagerne fordelt på det, de handler om (kategori).",
            ["klager", "henvendelser", "borgerrådgiver", "forvaltning", "kommune"],
            [Year, Code, Name,
             Count("henvendelser", "Henvendelser", "Henvendelser modtaget i året (spørgsmål og hjælp, ikke klager).", t),
             Count("klager", "Klager", "Klager modtaget i året.", t),
             Count("egen_drift", "Egen drift", "Sager, Borgerrådgiveren har taget op af egen drift i året.", t),
             Count("i_alt", "Sager i alt", "Henvendelser + klager + egen drift.", t),
             .. ComplaintCategories.All.Select(c => Count("kategori_" + c.Category.ToString().ToLowerInvariant(), "Kategori: " + c.Name,
                 $"Klager i året om \"{c.Name}\"{(c.LegalRule is { } rule ? $" ({rule})" : "")}. En klage om flere forhold tælles i hver kategori.", t)),
             Count("kategorier_i_alt", "Klageforhold i alt", "Summen af kategorierne: antal forhold, der er klaget over (kan være flere end klagerne).", t)]),
        new("udfald", "Udfald af Borgerrådgiverens sager pr. forvaltning",
            "Sager modtaget i året og afsluttet, pr. forvaltning og udfald (kritik, henstilling, ingen kritik, løst ved dialog, afvist, trukket tilbage …).",
            ["udfald", "kritik", "borgerrådgiver", "forvaltning"],
            [Year, Code, Name,
             .. Enum.GetValues<Outcome>().Select(o => Count("udfald_" + o.ToString().ToLowerInvariant(), CaseTexts.Name(o), $"Sager modtaget i året og afsluttet med udfaldet \"{CaseTexts.Name(o)}\".", t)),
             Count("afsluttet_i_alt", "Afsluttede i alt", "Summen af udfaldene.", t)]),
        new("sagsbehandlingstid", "Borgerrådgiverens sagsbehandlingstid mod servicemålet",
            "Borgerrådgiverens servicemål er et første svar til borgeren inden for fristen. Pr. år og forvaltning: sager med frist for første svar i året, hvor mange der fik svar inden fristen, andelen og mediantiden til første svar.",
            ["sagsbehandlingstid", "servicemål", "borgerrådgiver"],
            [Year, Code, Name,
             Count("inden_fristen", "Besvaret inden fristen", "Sager med frist for første svar i året, besvaret senest på fristdagen.", t),
             Count("ikke_inden_fristen", "Ikke besvaret inden fristen", "Sager med frist for første svar i året, besvaret efter fristen eller ikke besvaret.", t),
             Count("frist_i_aaret", "Frist for første svar i året", "Summen: sager med frist for første svar i året.", t),
             new("andel_inden_fristen", "Andel inden fristen (%)", ColumnKind.Number, "Besvaret inden fristen i procent af sagerne med frist i året.", "procent (decimalkomma)", Cases,
                 "Vises kun, når ingen af rækkens tre tal er skjult (ellers kunne andelen afsløre et skjult tal)."),
             new("median_dage", "Mediantid til første svar (dage)", ColumnKind.Number, "Medianen af kalenderdage fra modtagelse til første svar, for de besvarede sager med frist i året.", "kalenderdage (decimalkomma)", Cases,
                 $"Vises kun, når mindst {t} sager er besvaret.")]),
        new("klager-pr-1000", "Klager pr. 1.000 sager pr. forvaltning",
            "Borgerrådgiverens klager over en forvaltning i forhold til antallet af sager i forvaltningens egne sagssystemer (dataudtræk). Forvaltningerne har forskellige opgaver; sammenlign hver forvaltning med sig selv over tid.",
            ["klager", "sagsmængde", "nøgletal", "forvaltning"],
            [Year, Code, Name,
             new("sager", "Sager i forvaltningens systemer", ColumnKind.Number, "Sager oprettet i året i forvaltningens egne sagssystemer.", "antal sager", "Forvaltningernes dataudtræk (KPI-kuben i Tilsyn), kun når udtrækkene dækker alle årets kvartaler; ellers \"ikke opgjort\".",
                 $"Tal fra 1 til {t - 1} vises som \"<{t}\"."),
             Count("klager", "Klager", "Klager til Borgerrådgiveren over forvaltningen modtaget i året (samme tal som i datasættet klager).", t),
             new("klager_pr_1000", "Klager pr. 1.000 sager", ColumnKind.Number, "Klager × 1.000 / sager.", "klager pr. 1.000 sager (decimalkomma)", "Beregnet af de to kolonner før.",
                 $"Vises ikke, når klagetallet er skjult (\"færre end {t} klager\" eller \"..\"), så raten ikke afslører det; \"ikke opgjort\" uden dataudtræk for hele året.")]),
    ];

    /// <summary>The rows of a dataset for every offered year: per administration, then "I ALT" for the whole city.</summary>
    public static List<object?[]> Rows(string slug, IReadOnlyList<YearFigures> years)
    {
        var rows = new List<object?[]>();
        foreach (var y in years.OrderBy(y => y.Year))
        {
            var n = y.Rows.Count;
            for (var i = 0; i <= n; i++)
            {
                var total = i == n;
                object?[] head = total ? [y.Year, "I ALT", "Hele kommunen"] : [y.Year, y.Rows[i].Code, y.Rows[i].Name];
                switch (slug)
                {
                    case "klager":
                        rows.Add([.. head, .. Line(y.Received, i), .. Line(y.ByCategory, i)]);
                        break;
                    case "udfald":
                        rows.Add([.. head, .. Line(y.ByOutcome, i)]);
                        break;
                    case "sagsbehandlingstid":
                        var (share, median) = y.ServiceGoalFigures[i];
                        rows.Add([.. head, .. Line(y.ServiceGoal, i), share, median]);
                        break;
                    case "klager-pr-1000":
                        if (total) continue; // per administration only: the city has no single volume
                        var (volume, complaints, rate) = y.PerThousand[i];
                        rows.Add([.. head, volume, complaints, rate]);
                        break;
                    default: throw new ArgumentOutOfRangeException(nameof(slug));
                }
            }
        }
        return rows;
    }

    /// <summary>A row of a table with its total (i = row count: the total row).</summary>
    private static IEnumerable<object?> Line(SuppressedTable t, int i) =>
        Enumerable.Range(0, t.Columns.Count + 1).Select(j => (object?)t.At(i, j));

    private static string CsvText(DataColumn column, object? value) => value switch
    {
        null => "",
        int year => year.ToString(CultureInfo.InvariantCulture),
        PublicCell c => c.Display, // a number, "<5" or ".."
        PublicNumber { Value: { } v } when column.Kind == ColumnKind.Number => v.ToString(column.Id == "sager" ? "0" : "0.##", Da),
        PublicNumber p => CsvCell.Text(p.Display),
        var v => CsvCell.Text(v.ToString() ?? ""),
    };

    /// <summary>UTF-8 with BOM, <c>;</c>, CRLF, header row; a cell with <c>;</c>, a quote or a line break is quoted (RFC 4180).</summary>
    public static byte[] ToCsv(DataSetInfo set, IReadOnlyList<object?[]> rows)
    {
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) => sb.Append(string.Join(';', cells.Select(Quote))).Append("\r\n");
        Line(set.Columns.Select(c => CsvCell.Text(c.Header)));
        foreach (var row in rows) Line(set.Columns.Select((c, i) => CsvText(c, row[i])));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s) => s.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    public static byte[] ToJson(DataSetInfo set, IReadOnlyList<object?[]> rows, int threshold, string dictionaryUrl)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("datasaet", set.Slug);
            w.WriteString("titel", set.Title);
            w.WriteString("beskrivelse", set.Description);
            w.WriteString("licens", LicenseName);
            w.WriteString("licensUrl", LicenseUrl);
            w.WriteString("ordbog", dictionaryUrl);
            w.WriteNumber("taerskel", threshold);
            w.WriteString("skjultForklaring", $"Et skjult eller ikke opgjort tal er null, og \"skjult\" siger hvorfor: \"<{threshold}\" er et tal fra 1 til {threshold - 1}; \"..\" er skjult, så et andet lille tal ikke kan regnes ud; \"ikke opgjort\" betyder, at der ikke er data.");
            w.WriteStartArray("kolonner");
            foreach (var c in set.Columns)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("titel", c.Header);
                w.WriteString("enhed", c.Unit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("raekker");
            foreach (var row in rows)
            {
                w.WriteStartObject();
                var hidden = new List<(string, string)>();
                for (var i = 0; i < set.Columns.Count; i++)
                {
                    var c = set.Columns[i];
                    switch (row[i])
                    {
                        case int year: w.WriteNumber(c.Id, year); break;
                        case string s: w.WriteString(c.Id, s); break;
                        case PublicCell cell when cell.Suppressed: w.WriteNull(c.Id); hidden.Add((c.Id, cell.Display)); break;
                        case PublicCell cell: w.WriteNumber(c.Id, cell.Value); break;
                        case PublicNumber { Value: { } v }: w.WriteNumber(c.Id, Math.Round(v, 2)); break;
                        case PublicNumber p: w.WriteNull(c.Id); hidden.Add((c.Id, p.Display)); break;
                        default: w.WriteNull(c.Id); break;
                    }
                }
                if (hidden.Count > 0)
                {
                    w.WriteStartObject("skjult");
                    foreach (var (id, why) in hidden) w.WriteString(id, why);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return ms.ToArray();
    }
}
