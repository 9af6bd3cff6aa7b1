using System.Text;

namespace Tilsyn.Letters;

public sealed record MergeResult(string? Text, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Merges <c>{{felt.navn}}</c> fields into a template. A field the letter does not know is an error
/// naming it, never a silent blank: a letter to a citizen must not go out with a hole in it.
/// </summary>
public static class LetterTemplate
{
    /// <summary>A template's title; merged, it titles the letter and names its PDF file.</summary>
    public static readonly TextField Title = new("Titel", 150);

    /// <summary>A template's text.</summary>
    public static readonly TextField Body = new("Tekst", 20_000);

    /// <summary>
    /// An edited template's title and text, normalised as <see cref="TextField"/> leaves them; refuses
    /// (<see cref="DomainException"/>, every problem named) a blank part, a part over its limit, or a
    /// field that is not one of <see cref="DefaultLetterTemplates.KnownFields"/>.
    /// </summary>
    public static (string Title, string Body) Check(string? title, string? body)
    {
        var sample = DefaultLetterTemplates.KnownFields.ToDictionary(f => f.Name, f => "x");
        var errors = new List<string>();
        foreach (var part in new[] { title, body })
            errors.AddRange(Merge(part ?? "", sample).Errors);
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body)) errors.Add("Titel og tekst skal udfyldes.");
        else foreach (var problem in new[] { Title.Problem(title, true), Body.Problem(body, true) })
            if (problem is not null) errors.Add(problem);
        if (errors.Count > 0) throw new DomainException(string.Join(" ", errors));
        return (Title.Required(title), Body.Required(body));
    }

    public static MergeResult Merge(string template, IReadOnlyDictionary<string, string> fields)
    {
        var sb = new StringBuilder(template.Length);
        var errors = new List<string>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add($"Et flettefelt er ikke lukket med '}}}}' (tegn {open + 1}).");
                break;
            }
            var name = template[(open + 2)..close].Trim();
            if (!IsFieldName(name)) errors.Add($"'{{{{{name}}}}}' er ikke et gyldigt flettefelt.");
            else if (fields.TryGetValue(name, out var value)) sb.Append(value);
            else errors.Add($"Flettefeltet {{{{{name}}}}} findes ikke.");
            i = close + 2;
        }
        return errors.Count == 0 ? new(sb.ToString(), []) : new(null, errors);
    }

    /// <summary>The field names a template uses, in order of first appearance.</summary>
    public static IReadOnlyList<string> FieldsIn(string template)
    {
        var names = new List<string>();
        var i = 0;
        while ((i = template.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var close = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
            if (close < 0) break;
            var name = template[(i + 2)..close].Trim();
            if (!names.Contains(name)) names.Add(name);
            i = close + 2;
        }
        return names;
    }

    private static bool IsFieldName(string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_');
}

public sealed record DefaultTemplate(string Title, string Body);

/// <summary>The built-in letters, in plain Danish; the head of office may replace them.</summary>
public static class DefaultLetterTemplates
{
    public static readonly IReadOnlyList<(string Name, string Description)> KnownFields =
    [
        ("borger.navn", "Borgerens navn"),
        ("sag.nummer", "Sagsnummeret, fx 2026-0000123"),
        ("sag.emne", "Sagens emne"),
        ("dato", "Dagens dato, fx 25. november 2026"),
        ("frist", "Fristen for udtalelsen"),
        ("spørgsmål", "Borgerrådgiverens spørgsmål til forvaltningen"),
        ("forvaltning.navn", "Forvaltningens navn"),
        ("udfald", "Sagens udfald, fx Kritik"),
        ("konklusion", "Borgerrådgiverens konklusion"),
        ("henstilling", "Henstillingen til forvaltningen (kan være tom)"),
        ("sagsbehandler.navn", "Sagsbehandlerens navn"),
        ("statuslink", "Borgerens personlige link til sagen"),
        ("begrundelse", "Sagsbehandlerens begrundelse (afslag på sletning)"),
    ];

    public static DefaultTemplate For(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => new("Kvittering for din henvendelse",
            """
            Kære {{borger.navn}}

            Tak for din henvendelse af {{dato}} om "{{sag.emne}}". Vi har registreret den under sagsnummer {{sag.nummer}}.

            Vi vender tilbage til dig hurtigst muligt og normalt inden for 10 arbejdsdage. Du kan følge sagen og læse vores breve via dit personlige link:

            {{statuslink}}

            Linket giver adgang til din sag, så del det ikke med andre.

            Med venlig hilsen
            Borgerrådgiveren
            """),
        LetterKind.StatementRequest => new("Anmodning om udtalelse",
            """
            Til {{forvaltning.navn}}

            Borgerrådgiveren har modtaget en henvendelse fra {{borger.navn}} om "{{sag.emne}}" (sag {{sag.nummer}}).

            Vi beder forvaltningen om en udtalelse om følgende:

            {{spørgsmål}}

            Vi beder om udtalelsen senest {{frist}}. Udtalelsen afgives i Tilsyns forvaltningsportal, hvor sagen ligger. Kontakt os, hvis fristen ikke kan overholdes.

            Med venlig hilsen
            {{sagsbehandler.navn}}
            Borgerrådgiveren
            """),
        LetterKind.Conclusion => new("Borgerrådgiverens konklusion",
            """
            Kære {{borger.navn}}

            Borgerrådgiveren har nu afsluttet behandlingen af din henvendelse om "{{sag.emne}}" (sag {{sag.nummer}}).

            Resultat: {{udfald}}

            {{konklusion}}

            {{henstilling}}

            Borgerrådgiverens konklusioner kan ikke påklages. Er du uenig, kan du henvende dig til Folketingets Ombudsmand.

            Med venlig hilsen
            {{sagsbehandler.navn}}
            Borgerrådgiveren
            """),
        // GDPR art. 17(3)(b): erasure does not apply where processing is needed to comply with a legal
        // obligation; OFL § 13 (notatpligt) and § 15 (journaliseringspligt) are such obligations.
        LetterKind.ErasureRefusal => new("Svar på din anmodning om sletning",
            """
            Kære {{borger.navn}}

            Du har bedt Borgerrådgiveren om at slette de personoplysninger, vi behandler om dig (sag {{sag.nummer}}).

            Vi kan ikke imødekomme din anmodning. Retten til sletning gælder ikke, når behandlingen er nødvendig for at overholde en retlig forpligtelse, jf. databeskyttelsesforordningens artikel 17, stk. 3, litra b.

            Borgerrådgiveren er som en del af den offentlige forvaltning forpligtet til at gøre notat om oplysninger om sagens faktiske omstændigheder (notatpligten, offentlighedslovens § 13) og til at journalisere dokumenter, der er modtaget eller afsendt som led i sagsbehandlingen (journaliseringspligten, offentlighedslovens § 15). Oplysningerne opbevares derfor, indtil sagens opbevaringsfrist udløber, og slettes eller afleveres til arkiv efter arkivlovens regler.

            Begrundelse i din sag:
            {{begrundelse}}

            Du kan klage over vores afgørelse til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.

            Med venlig hilsen
            {{sagsbehandler.navn}}
            Borgerrådgiveren
            """),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
