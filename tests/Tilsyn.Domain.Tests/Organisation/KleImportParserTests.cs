using System.Text;
using Tilsyn.Organisation;

namespace Tilsyn.Tests.Organisation;

public sealed class KleImportParserTests
{
    private static KleParseResult Parse(string text) => KleImportParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_csv_with_bom_quotes_crlf_and_danish_letters_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "code;level;parent;title\r\n28;1;;Dagtilbud\r\n28.09;2;28;\"Dagtilbud til børn; indtil skolestart\"\r\n28.09.04;3;28.09;Åbningstider [udgår 2025]\r\n")).ToArray();

        var result = KleImportParser.Parse(new MemoryStream(bytes));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["28", "28.09", "28.09.04"], result.Rows.Select(r => r.Code.Value));
        Assert.Equal("Dagtilbud til børn; indtil skolestart", result.Rows[1].Title);
        Assert.True(result.Rows[2].Retired);
        Assert.False(result.Rows[0].Retired);
    }

    [Fact]
    public void A_comma_separated_file_with_only_code_and_title_is_enough()
    {
        var result = Parse("code,title\n17,Folkeskoleundervisning\n17.03,Specialundervisning\n");
        Assert.True(result.IsValid);
        Assert.Equal(2, result.Rows.Count);
    }

    [Fact]
    public void Every_bad_line_is_named_and_the_file_is_invalid()
    {
        var result = Parse("""
            code;level;parent;title
            28;1;;Dagtilbud
            28.x;2;28;Ugyldig
            28.09;3;28;Forkert niveau
            28.12;2;27;Forkert forælder
            28;1;;Dublet
            28.15;2;28;
            """);

        Assert.False(result.IsValid);
        Assert.Equal(
        [
            "Linje 3: kolonnen 'code': '28.x' er ikke en KLE-kode.",
            "Linje 4: kolonnen 'level': 3 passer ikke til koden 28.09 (niveau 2).",
            "Linje 5: kolonnen 'parent': '27' er ikke forælder til 28.12.",
            "Linje 6: koden 28 står også på linje 2.",
            "Linje 7: kolonnen 'title': titel mangler for 28.15.",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_header_without_code_and_title_is_refused()
    {
        var result = Parse("kolonne1;kolonne2\n28;Dagtilbud\n");
        Assert.Equal("Linje 1: Overskriftslinjen skal have kolonnerne 'code' og 'title'.", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_topic_without_its_group_is_kept_but_reported()
    {
        var result = Parse("code;title\n08;Havne\n08.25.20;Emne uden gruppe\n");
        Assert.True(result.IsValid);
        Assert.Equal("08.25.20", Assert.Single(result.MissingParents).Code.Value);
    }

    [Fact]
    public void KLs_nested_xml_is_read_by_its_number_and_title_elements()
    {
        var result = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <KLE-Emneplan>
              <Hovedgruppe>
                <HovedgruppeNr>28</HovedgruppeNr>
                <HovedgruppeTitel>Dagtilbud</HovedgruppeTitel>
                <Gruppe>
                  <GruppeNr>28.09</GruppeNr>
                  <GruppeTitel>Dagtilbud til børn indtil skolestart</GruppeTitel>
                  <Emne><EmneNr>28.09.04</EmneNr><EmneTitel>Åbningstider</EmneTitel></Emne>
                </Gruppe>
              </Hovedgruppe>
            </KLE-Emneplan>
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["28", "28.09", "28.09.04"], result.Rows.Select(r => r.Code.Value));
        Assert.Equal("Åbningstider", result.Rows[2].Title);
    }

    [Fact]
    public void Broken_xml_and_bad_numbers_are_reported_by_line()
    {
        var broken = Parse("<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>28</HovedgruppeNr>\n<HovedgruppeTitel>x</Hovedgruppe>");
        Assert.False(broken.IsValid);
        Assert.StartsWith("Linje 2: XML-filen kan ikke læses", broken.Errors[0].ToString());

        var badNumber = Parse("<KLE-Emneplan>\n<Hovedgruppe><HovedgruppeNr>2x</HovedgruppeNr><HovedgruppeTitel>x</HovedgruppeTitel></Hovedgruppe></KLE-Emneplan>");
        Assert.Equal("Linje 2: HovedgruppeNr '2x' er ikke en KLE-kode.", Assert.Single(badNumber.Errors).ToString());
    }

    [Fact]
    public void Xml_with_a_doctype_is_refused_so_no_external_entity_is_ever_read()
    {
        var result = Parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><KLE-Emneplan><Hovedgruppe><HovedgruppeNr>28</HovedgruppeNr><HovedgruppeTitel>&e;</HovedgruppeTitel></Hovedgruppe></KLE-Emneplan>");
        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
    }
}
