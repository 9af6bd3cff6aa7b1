using Tilsyn.Anonymisation;

namespace Tilsyn.Tests.Anonymisation;

/// <summary>
/// Issue 13: summaries name children, relatives and staff, not only the parties. The corpus below is the
/// acceptance test: every name of another person is flagged with the span and the reason, and no sentence
/// about places, institutions, administrations or laws is flagged.
/// </summary>
public sealed class ThirdPartyNameTests
{
    /// <summary>The party is Mette Bach; everybody else in the sentences is a third party.</summary>
    private static readonly ScanContext Case = new(["Mette Bach"], caseNumber: "2023-0045678");

    /// <summary>Sentences naming children, relatives and staff; each expected finding is "Kind: exact text", in text order.</summary>
    public static TheoryData<string, string[]> Flagged => new()
    {
        // After a role word or title
        { "Borgerens søn Ahmad har ikke fået en skoleplads.", ["RoleName: Ahmad"] },
        { "Sagsbehandler Lone H. Petersen ringede til borgeren.", ["RoleName: Lone H. Petersen"] },
        { "Fru Hansens klage blev sendt videre til forvaltningen.", ["RoleName: Hansens"] },
        { "Datteren Sofie (7 år) går i Børnehuset Solsikken.", ["RoleName: Sofie"] },
        { "Pædagogen, Fatima, sagde, at barnet var ked af det.", ["RoleName: Fatima"] },
        { "Barnets far Mohammed Ali deltog ikke i mødet.", ["RoleName: Mohammed Ali"] },
        { "Moderen Karen Nielsen bad om aktindsigt.", ["RoleName: Karen Nielsen"] },
        { "Afdelingsleder Henrik Mortensen fra Jobcenter Amager svarede ikke.", ["RoleName: Henrik Mortensen"] },
        { "Klagen handlede om læreren Kasper Thomsens opførsel.", ["RoleName: Kasper Thomsens"] },
        { "Hun ringede til hr. Jensen på skolen.", ["RoleName: Jensen"] },
        { "Dr. Aisha Khan skrev en lægeerklæring.", ["RoleName: Aisha Khan"] },
        { "Borgerens bror, Yusuf Öztürk, var bisidder.", ["RoleName: Yusuf Öztürk"] },
        { "Ægtefællen Birgitte Skov-Larsen var ikke blevet partshørt.", ["RoleName: Birgitte Skov-Larsen"] },
        { "Barnet, Noah, blev flyttet til en anden stue.", ["RoleName: Noah"] },
        { "Sagen blev behandlet af socialrådgiver Ulrikke Frost.", ["RoleName: Ulrikke Frost"] },
        { "Borgerens datter Lærke og sønnen Storm bor hos faderen.", ["RoleName: Lærke", "RoleName: Storm"] },
        { "Kontaktpersonen Trine fra Socialforvaltningen blev kontaktet.", ["RoleName: Trine"] },
        { "Det var hustruen Maryam, der klagede på Mohammads vegne.", ["RoleName: Maryam", "KnownName: Mohammads"] },
        { "Mette Bachs sagsbehandler, Zoltan Kovács, svarede ikke.", ["PartyName: Mette Bachs", "RoleName: Zoltan Kovács"] },
        // Common first names and surnames
        { "Efter samtalen skrev Lone Petersen et notat.", ["KnownName: Lone Petersen"] },
        { "Ahmad kom for sent i skole flere gange.", ["KnownName: Ahmad"] },
        { "Mødet blev aflyst, fordi Jørgensen var syg.", ["KnownName: Jørgensen"] },
        { "Forvaltningen lagde vægt på Mikkelsens forklaring.", ["KnownName: Mikkelsens"] },
        { "Anne-Marie og Fatima Hussein mødte op sammen med borgeren.", ["KnownName: Anne-Marie", "KnownName: Fatima Hussein"] },
        { "Hans Jensen fra naboopgangen var vidne.", ["KnownName: Hans Jensen"] },
        { "Skolelederen på Valby Skole, Peter Dahl, beklagede forløbet.", ["KnownName: Peter Dahl"] },
        { "Da jeg talte med Lene Mortensen fra BUF, lovede hun svar.", ["KnownName: Lene Mortensen"] },
        { "Klagen nævnte også Lars' kollega.", ["KnownName: Lars'"] },
        { "I mødet deltog leder af Ydelsesservice Henrik Jensen.", ["KnownName: Henrik Jensen"] },
        { "Barnets mor, Fatima Ali, og barnets far, Mohammed Ali, var ikke partshørt.", ["RoleName: Fatima Ali", "RoleName: Mohammed Ali"] },
        // Capitalised words in a row inside a sentence
        { "Forældrene talte med Xenia Quist om hjemmet.", ["NameSequence: Xenia Quist"] },
        { "Ifølge Zoltan Kovács Varga var beslutningen truffet.", ["NameSequence: Zoltan Kovács Varga"] },
    };

    /// <summary>Sentences from summaries with places, institutions, administrations, laws and dates: nothing to flag.</summary>
    public static TheoryData<string> Clean => new()
    {
        "Borgeren blev henvist til Jobcenter København.",
        "Børne- og Ungdomsforvaltningen svarede inden fristen.",
        "Mødet blev holdt på Rådhuset i Københavns Kommune.",
        "Ankestyrelsen stadfæstede afgørelsen i marts.",
        "Folketinget vedtog ændringen af Lov om social service.",
        "Borgerrådgiveren henviste til Servicelovens § 41 og Forvaltningslovens § 19.",
        "Klagen kom i Januar og blev afgjort en Mandag i Februar.",
        "Mandag den 3. april holdt Socialforvaltningen møde med Ydelsesservice.",
        "August var en travl måned for Borgerservice Amager.",
        "Sagen blev sendt fra Beskæftigelses- og Integrationsforvaltningen til Udbetaling Danmark.",
        "Hans klage blev behandlet af Teknik- og Miljøforvaltningen.",
        "Pladsanvisningen i Børne- og Ungdomsforvaltningen overholdt ikke fristen.",
        "Hjemmeplejen Nørrebro og Hjemmeplejen Amager har fået nye ledere.",
        "Borgeren blev indlagt på Hvidovre Hospital og senere på Rigshospitalet.",
        "Sagen blev påklaget til Ankestyrelsen og Folketingets Ombudsmand.",
        "Region Hovedstaden og Danske Regioner deltog i mødet.",
        "Kontoret ligger på H.C. Andersens Boulevard ved Rådhuspladsen.",
        "Familien flyttede fra Aarhus til Nørre Alslev i december.",
        "Den Sociale Ankestyrelse og Det Centrale Personregister er nævnt i vejledningen.",
        "Store Bededag og Kristi Himmelfartsdag tæller ikke som arbejdsdage.",
        "Byens Drift og Pædagogisk Psykologisk Rådgivning svarede samme dag.",
        "Sagsbehandleren i Jobcentret talte med lederen af Pladsanvisningen.",
        "Borgerens mor klagede over Socialforvaltningens sagsbehandling.",
        "Vesterbro Ny Skole og Nørrebro Park Skole ligger i Københavns Kommune.",
        "Ifølge Barnets Lov skal barnet høres.",
        "Vi har talt med Borgerservice, Ydelsesservice og Koncernservice.",
        "I sin klage nævnte borgeren både KLE 27.24.00 og CPR-registret.",
        "Plejehjemmet Bryggergården har ændret praksis efter klagen.",
        "Det fremgår af Forvaltningslovens § 22, at afgørelsen skal begrundes.",
        "Tage hensyn til barnet var ikke nok, mente Borgerrådgiveren.",
        "Brevet blev sendt til Peter Bangs Vej og Gammel Kongevej.",
        "Efter mødet i Socialudvalget blev sagen genoptaget i Jobcenter Vesterbro/Valby.",
        "Vuggestuen Mælkebøtten Nord og Hjemmeplejen Amager Øst svarede samme uge.",
        "Ifølge Danmarks Statistik steg antallet af klager fra 2023 til 2024.",
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public void Names_of_children_relatives_and_staff_are_flagged_with_their_reason(string sentence, string[] expected)
    {
        var findings = PersonalDataScanner.Scan(sentence, Case);

        Assert.Equal(expected, findings.Select(f => $"{f.Kind}: {f.Text}"));
        Assert.All(findings, f => Assert.Equal(f.Text, sentence.Substring(f.Start, f.Length)));
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void Places_institutions_administrations_and_laws_are_not_flagged(string sentence)
    {
        Assert.Empty(PersonalDataScanner.Scan(sentence, Case).Select(f => $"{f.Kind}: {f.Text}"));
    }

    [Fact]
    public void The_corpus_has_at_least_twenty_sentences_of_each_kind()
    {
        Assert.True(Flagged.Count >= 20);
        Assert.True(Clean.Count >= 20);
    }

    [Fact]
    public void A_third_party_name_is_replaced_by_the_name_placeholder_and_says_why_in_Danish()
    {
        var review = AnonymisationReview.Start("Borgerens søn Ahmad og Lone Petersen fra skolen talte med Xenia Quist.", Case);

        Assert.Equal(["navn efter rolleord", "kendt fornavn eller efternavn", "mulig navn (ord med stort forbogstav)"], review.Items.Select(i => i.Finding.Label));
        review.ReplaceAll();
        Assert.Equal("Borgerens søn [navn] og [navn] fra skolen talte med [navn].", review.Result);
    }

    [Fact]
    public void The_organisation_s_own_names_in_the_public_data_are_not_names()
    {
        const string sentence = "Sagen gik videre til Team Anna Kruse i forvaltningen.";

        Assert.Equal(["KnownName: Team Anna Kruse"], PersonalDataScanner.Scan(sentence, Case).Select(f => $"{f.Kind}: {f.Text}"));
        Assert.Empty(PersonalDataScanner.Scan(sentence, new ScanContext(publicData: ["Team Anna Kruse"])));
    }

    [Fact]
    public void A_name_that_is_also_a_word_is_not_a_name_as_the_first_word_of_a_sentence_but_is_inside_one()
    {
        Assert.Empty(PersonalDataScanner.Scan("Storm og regn forsinkede posten.", Case));
        Assert.Equal(["KnownName: Storm"], PersonalDataScanner.Scan("Klagen kom fra Storm i 3. klasse.", Case).Select(f => $"{f.Kind}: {f.Text}"));
    }

    [Fact]
    public void The_word_lists_are_data_with_hundreds_of_names()
    {
        Assert.True(NameLists.FirstNames.Words.Count >= 300, $"{NameLists.FirstNames.Words.Count} first names");
        Assert.True(NameLists.Surnames.Words.Count >= 150, $"{NameLists.Surnames.Words.Count} surnames");
        foreach (var name in new[] { "Mohammad", "Mohammed", "Ahmad", "Ali", "Fatima", "Aisha", "Lone", "Jens", "Sofie" })
            Assert.Contains(name, NameLists.FirstNames.Words);
        foreach (var name in new[] { "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen" })
            Assert.Contains(name, NameLists.Surnames.Words);
        Assert.Contains("forvaltningen", NameLists.Institutions.Endings);
        Assert.Contains("Byens Drift", NameLists.Institutions.Phrases);
    }

    [Fact]
    public void No_listed_place_or_institution_is_also_a_listed_name()
    {
        var names = NameLists.FirstNames.Words.Concat(NameLists.Surnames.Words).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(NameLists.Places.Words.Concat(NameLists.Institutions.Words), names.Contains);
    }
}
