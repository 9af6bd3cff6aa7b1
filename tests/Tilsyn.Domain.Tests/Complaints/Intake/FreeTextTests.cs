using Tilsyn.Complaints.Intake;

namespace Tilsyn.Tests.Complaints.Intake;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hej <b>fed</b>")]
    [InlineData("</div>")]
    [InlineData("<!-- kommentar -->")]
    [InlineData("<?xml version='1.0'?>")]
    [InlineData("Klik JavaScript:alert(1)")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Markup_and_script_are_refused_naming_the_field(string text) =>
        Assert.StartsWith("Feltet 'Beskrivelse' må ikke indeholde HTML eller script", FreeText.Check("Beskrivelse", text, 1000, true));

    [Theory]
    [InlineData("Min søn er 3 < 5 år, og det er > end det, kommunen skrev.")]
    [InlineData("Jeg <3 vores pædagoger, men ikke beslutningen.")]
    [InlineData("Børn < 6 år får ikke plads.")]
    [InlineData("Sagen om \"aktindsigt\" & klagevejledning.")]
    [InlineData("Afgørelsen af 3.4.2025 (j.nr. 2025-0012345) manglede begrundelse.")]
    [InlineData("Æblegrød, øl og ål: 'citat' – og tankestreg.")]
    [InlineData("Linje 1\r\nLinje 2\n\tindrykket")]
    [InlineData("E-mail: hans@example.org, tlf. +45 12 34 56 78")]
    [InlineData("Beløbet var 1.250 kr. (dvs. < 2.000 kr.)")]
    public void Innocent_danish_text_passes(string text) => Assert.Null(FreeText.Check("Beskrivelse", text, 1000, true));

    [Fact]
    public void Required_and_length_are_checked_with_danish_messages()
    {
        Assert.Equal("Feltet 'Navn' skal udfyldes.", FreeText.Check("Navn", "   ", 10, true));
        Assert.Null(FreeText.Check("Telefon", null, 10, false));
        Assert.Equal("Feltet 'Emne' må højst være 5 tegn (det er 6).", FreeText.Check("Emne", "abcdef", 5, true));
        Assert.Equal("Feltet 'Emne' indeholder ugyldige kontroltegn.", FreeText.Check("Emne", "a\u0007b", 50, true));
    }

    [Fact]
    public void Normalise_trims_and_unifies_line_breaks() =>
        Assert.Equal("a\nb\nc", FreeText.Normalise("  a\r\nb\rc  "));
}
