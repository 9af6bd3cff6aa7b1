using Tilsyn.Anonymisation;

namespace Tilsyn.Tests.Anonymisation;

public sealed class PersonalDataScannerTests
{
    /// <summary>The case the corpus sentences come from: five parties and the case's own number.</summary>
    private static readonly ScanContext Case = new(
        ["Jens Peter Hansen", "Mette Bach", "Lars Nielsen", "Anne Skov-Jørgensen", "Hans Per Lund"],
        caseNumber: "2023-0045678",
        publicData: ["33 66 33 66", "Rådhuspladsen 1"]);

    /// <summary>Sentences with personal data; each expected finding is "Kind: exact text", in text order.</summary>
    public static TheoryData<string, string[]> Flagged => new()
    {
        // Names
        { "Jens Hansen klagede over sagsbehandlingstiden.", ["PartyName: Jens Hansen"] },
        { "Forvaltningen modtog Hansens klage den 3. marts 2023.", ["PartyName: Hansens"] },
        { "Borgeren, Jens Peter Hansen, fik afslag på hjælp.", ["PartyName: Jens Peter Hansen"] },
        { "Det fremgår af Lars' egen forklaring, at mødet var aflyst.", ["PartyName: Lars'"] },
        { "Lars's klage blev sendt videre.", ["PartyName: Lars's"] },
        { "Skrivelsen fra Hansen's advokat kom for sent.", ["PartyName: Hansen's"] },
        { "METTE BACH havde ikke fået svar.", ["PartyName: METTE BACH"] },
        { "Jens P. Hansen og Mette Bachs advokat mødte op.", ["PartyName: Jens P. Hansen", "PartyName: Mette Bachs"] },
        { "Skov-Jørgensen oplyste, at hun ikke var hørt.", ["PartyName: Skov-Jørgensen"] },
        { "Sagsbehandleren ringede til nielsen om eftermiddagen.", ["PartyName: nielsen"] },
        { "Ifølge 'Hansen' var brevet aldrig modtaget.", ["PartyName: Hansen"] },
        // CPR numbers
        { "CPR-nr. 010190-1234 var anført i brevet.", ["Cpr: 010190-1234"] },
        { "Feltet lød CPR:0101901234 uden mellemrum.", ["Cpr: 0101901234"] },
        { "Borgeren (010190-1234) skrev til os.", ["Cpr: 010190-1234"] },
        { "Oplyst som 010190 1234 i ansøgningen.", ["Cpr: 010190 1234"] },
        { "På sedlen stod 12 0101901234 34 med blyant.", ["Cpr: 0101901234"] },
        { "Journalen havde CPRnr0101901234x som overskrift.", ["Cpr: 0101901234"] },
        // E-mail
        { "Hun skrev til jens.hansen@example.dk.", ["Email: jens.hansen@example.dk"] },
        { "Svar sendt til <mb@borger.dk>, og kopi til (l.n_76@mail.com).", ["Email: mb@borger.dk", "Email: l.n_76@mail.com"] },
        { "E-mail [anne@eksempel.dk]; telefon 20 30 40 50.", ["Email: anne@eksempel.dk", "Phone: 20 30 40 50"] },
        // Phone numbers
        { "Ring på +45 20304050 eller 0045 2030 4050.", ["Phone: +45 20304050", "Phone: 0045 2030 4050"] },
        { "Tlf. 20-30-40-50.", ["Phone: 20-30-40-50"] },
        { "Tlf.: 20.30.40.50, hverdage.", ["Phone: 20.30.40.50"] },
        { "Mobil 2030 4050, fastnet 3333-4444.", ["Phone: 2030 4050", "Phone: 3333-4444"] },
        // Addresses
        { "Han bor på Vesterbrogade 12, 2. th., 1620 København V.", ["Address: Vesterbrogade 12, 2. th., 1620 København V"] },
        { "Brevet blev sendt til Gammel Kongevej 5B st. tv. i går.", ["Address: Gammel Kongevej 5B st. tv."] },
        { "Adressen er H.C. Andersens Boulevard 27, 1. mf.", ["Address: H.C. Andersens Boulevard 27, 1. mf."] },
        { "Hun flyttede til Peter Bangs Vej 30 3. sal i foråret.", ["Address: Peter Bangs Vej 30 3. sal"] },
        { "Borgeren boede på Frederiksberg Allé 12 B, kl. indtil maj.", ["Address: Frederiksberg Allé 12 B, kl."] },
        { "Mødet blev holdt på Rådhuspladsen 45, 4. tv.", ["Address: Rådhuspladsen 45, 4. tv."] },
        { "Brevet gik til Nørrebrogade 7, 2200 København N.", ["Address: Nørrebrogade 7, 2200 København N"] },
        // Birth dates
        { "Han er født 3. marts 1985 og bor alene.", ["BirthDate: 3. marts 1985"] },
        { "Klager (f. 03.03.1985) anmodede om aktindsigt.", ["BirthDate: 03.03.1985"] },
        { "Fødselsdato: 1985-03-03.", ["BirthDate: 1985-03-03"] },
        { "Barnet er født den 3/3-2015 på Hvidovre Hospital.", ["BirthDate: 3/3-2015"] },
        // Case and document numbers
        { "Se sag 2017-0129396 og dokument 2017-0129396-40.", ["CaseNumber: 2017-0129396", "CaseNumber: 2017-0129396-40"] },
        { "Jf. vores sagsnr. 2023-0045678 (den aktuelle sag).", ["CaseNumber: 2023-0045678"] },
        { "Sagen er journaliseret under 2023/0045678 og løbenr. 0045678.", ["CaseNumber: 2023/0045678", "CaseNumber: 0045678"] },
        // Several findings in one sentence
        {
            "Jens Hansen (010190-1234), Vesterbrogade 12, 1620 København V, tlf. 20 30 40 50, jens@hansen.dk.",
            ["PartyName: Jens Hansen", "Cpr: 010190-1234", "Address: Vesterbrogade 12, 1620 København V", "Phone: 20 30 40 50", "Email: jens@hansen.dk"]
        },
        {
            "Mette Bach, født 12.05.1979, tlf. 40506070, skrev i sag 2017-0129396 om sin søn.",
            ["PartyName: Mette Bach", "BirthDate: 12.05.1979", "Phone: 40506070", "CaseNumber: 2017-0129396"]
        },
    };

    /// <summary>Ordinary sentences from complaint summaries that hold no personal data.</summary>
    public static TheoryData<string> NotFlagged => new()
    {
        "Afgørelsen blev truffet den 12. marts 2023 og påklaget 3.4.2023.",
        "Klagen blev modtaget 01.02.2023 og besvaret 2023-03-15.",
        "Forvaltningen overholdt ikke § 19, stk. 2, i forvaltningsloven.",
        "Borgeren fik udbetalt 12.345 kr. for lidt, i alt 12.345.678 kr. i kommunen.",
        "Efterbetalingen var på 12345678 kr. og blev udbetalt i juni.",
        "I 2019 og 2020 steg antallet af klager med 15 % og 0,5 procent.",
        "Perioden 2019-2020 blev gennemgået, og fristen var 14 dage.",
        "Sagen er registreret under KLE 32.18.08 og 27.24.00.",
        "Mødet fandt sted på Rådhuspladsen.",
        "Borgerrådgiveren holder til på Rådhuspladsen 1.",
        "Ring til kommunens hovednummer 33 66 33 66 eller +45 33663366.",
        "Der blev betalt 500 kr. per time, og hans mor gik en tur i en lund.",
        "Hansenvej er lukket, og Hansensgade ligeså.",
        "Virksomheden med CVR 12345678 var leverandør.",
        "Reg.nr. 1234 kontonr. 0101901234567 og 00101901234 blev brugt.",
        "Se jf. 3. marts 1985 og bl.a. f.eks. 2. april.",
        "Tallet 320190-1234 er ikke et CPR-nummer, for januar har ikke 32 dage.",
        "Telefontiden er kl. 10-12, og sagen tog 12 uger.",
        "Han blev født i 1985 og flyttede til kommunen i 2010.",
        "Forvaltningen henviste til vejledningen om hjælp efter servicelovens § 83.",
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public void Personal_data_is_flagged(string sentence, string[] expected)
    {
        var findings = PersonalDataScanner.Scan(sentence, Case);

        Assert.Equal(expected, findings.Select(f => $"{f.Kind}: {f.Text}"));
        Assert.All(findings, f => Assert.Equal(f.Text, sentence.Substring(f.Start, f.Length)));
    }

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public void Ordinary_text_is_not_flagged(string sentence)
    {
        Assert.Empty(PersonalDataScanner.Scan(sentence, Case).Select(f => $"{f.Kind}: {f.Text}"));
    }

    [Fact]
    public void Findings_are_sorted_and_do_not_overlap()
    {
        const string text = "Kontakt jens.hansen@example.dk eller Jens Hansen på H.C. Andersens Boulevard 27, født 03.03.1985, CPR 030385-1234.";

        var findings = PersonalDataScanner.Scan(text, Case);

        Assert.Equal(findings.OrderBy(f => f.Start), findings);
        Assert.All(findings.Zip(findings.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Fact]
    public void The_longest_finding_wins_an_overlap()
    {
        var findings = PersonalDataScanner.Scan("Skriv til jens.hansen@example.dk.", Case);

        Assert.Equal(FindingKind.Email, Assert.Single(findings).Kind);
    }

    [Fact]
    public void A_common_word_that_is_also_a_name_is_only_a_name_when_capitalised()
    {
        var context = new ScanContext(["Mette Skov"]);

        Assert.Empty(PersonalDataScanner.Scan("Der var skov bag huset.", context));
        Assert.Equal("Skov", Assert.Single(PersonalDataScanner.Scan("Fru Skov klagede.", context)).Text);
    }

    [Fact]
    public void Without_a_context_a_common_name_is_still_found_but_as_a_known_name_not_as_a_party()
    {
        Assert.Equal(["KnownName: Jens Hansen"], PersonalDataScanner.Scan("Jens Hansen klagede.", ScanContext.Empty).Select(f => $"{f.Kind}: {f.Text}"));
        Assert.Empty(PersonalDataScanner.Scan("Xenia Quist klagede.", ScanContext.Empty));
    }

    [Fact]
    public void Public_data_is_matched_ignoring_spacing_and_country_code()
    {
        var context = new ScanContext(publicData: ["+45 33 66 33 66"]);

        Assert.Empty(PersonalDataScanner.Scan("Ring 33663366 eller 3366 3366.", context));
        Assert.Single(PersonalDataScanner.Scan("Ring 33663367.", context));
    }

    [Fact]
    public void A_context_case_number_must_be_in_the_city_format()
    {
        Assert.Throws<ArgumentException>(() => new ScanContext(caseNumber: "17/1234"));
    }

    [Theory]
    [InlineData(FindingKind.PartyName, "[navn]")]
    [InlineData(FindingKind.Cpr, "[cpr-nr.]")]
    [InlineData(FindingKind.Address, "[adresse]")]
    [InlineData(FindingKind.Phone, "[telefon]")]
    [InlineData(FindingKind.Email, "[e-mail]")]
    [InlineData(FindingKind.BirthDate, "[fødselsdato]")]
    [InlineData(FindingKind.CaseNumber, "[sagsnr.]")]
    [InlineData(FindingKind.RoleName, "[navn]")]
    [InlineData(FindingKind.KnownName, "[navn]")]
    [InlineData(FindingKind.NameSequence, "[navn]")]
    public void Each_kind_has_its_placeholder(FindingKind kind, string placeholder)
    {
        Assert.Equal(placeholder, FindingKinds.Placeholder(kind));
        Assert.False(string.IsNullOrWhiteSpace(FindingKinds.Label(kind)));
    }
}
