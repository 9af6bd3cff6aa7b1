using Tilsyn.Complaints.Intake;

namespace Tilsyn.Tests.Complaints.Intake;

public sealed class FreeTextTests
{
    private const string Markup =
        "Feltet 'Beskrivelse' må ikke indeholde HTML eller script (fx <script>). Skriv teksten uden vinkelparenteser.";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void A_required_field_left_empty_is_refused_with_its_label(string? value)
    {
        Assert.Equal("Feltet 'Beskrivelse' skal udfyldes.", FreeText.Check("Beskrivelse", value, 100, required: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_optional_field_may_be_empty(string? value)
    {
        Assert.Null(FreeText.Check("Telefon", value, 20, required: false));
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_with_the_limit_and_text_at_the_limit_passes()
    {
        Assert.Null(FreeText.Check("Overskrift", new string('æ', 10), 10, required: true));
        Assert.Equal("Feltet 'Overskrift' må højst være 10 tegn langt; teksten er 11 tegn.",
            FreeText.Check("Overskrift", new string('æ', 11), 10, required: true));
    }

    [Fact]
    public void Length_is_measured_after_trimming_and_with_each_line_break_as_one_character()
    {
        // Browsers send CRLF from a text area; "ab\r\ncd" is 5 characters once normalised.
        Assert.Null(FreeText.Check("Beskrivelse", "  ab\r\ncd  ", 5, required: true));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hej <SCRIPT src=//x.dk/a.js>")]
    [InlineData("<b>fed</b> tekst")]
    [InlineData("slut</p>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<!-- skjult -->")]
    [InlineData("<!DOCTYPE html>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("Klik javascript:alert(1)")]
    [InlineData("JavaScript:void(0)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\r\nscript:alert(1)")]
    public void Markup_and_script_are_refused(string value)
    {
        Assert.Equal(Markup, FreeText.Check("Beskrivelse", value, 1000, required: true));
    }

    [Theory]
    [InlineData("null\u0000tegn")]
    [InlineData("klokke\u0007")]
    [InlineData("escape\u001B[31m")]
    [InlineData("slet\u007F")]
    [InlineData("næste\u0085linje")] // NEL, a C1 control (at either end, Trim would remove it)
    public void Control_characters_other_than_line_breaks_and_tabs_are_refused(string value)
    {
        Assert.Equal("Feltet 'Beskrivelse' indeholder usynlige styretegn. Skriv teksten igen, eller indsæt den som ren tekst.",
            FreeText.Check("Beskrivelse", value, 1000, required: true));
    }

    [Theory]
    [InlineData("3 < 5")]
    [InlineData("<3")]
    [InlineData("børn < 6 år")]
    [InlineData("Min søn på 4 år fik afslag på plads i vuggestue, selvom børn < 6 år har ret til pasning.")]
    [InlineData("Sagsbehandlingstiden har været > 8 uger, og jeg har ikke hørt noget.")]
    [InlineData("Jeg har rykket Ydelsesservice & Borgerservice flere gange.")]
    [InlineData("Sagsbehandleren sagde: \"Det er ikke vores bord\" og lagde på.")]
    [InlineData("I brevet står der 'afvist', men ingen begrundelse (jf. forvaltningslovens § 22).")]
    [InlineData("Huslejen steg fra 5.000 kr. til 6.500 kr. (< 30 %), så boligstøtten burde ændres.")]
    [InlineData("Kommunen sender mig frem og tilbage: A <-> B <= C.")]
    [InlineData("Æble, øl og ål – ÆØÅ æøå é ü.")]
    [InlineData("Se https://www.borger.dk/ og skriv til anna@example.dk; tlf. 12 34 56 78.")]
    [InlineData("Første linje\r\nAnden linje\n\tIndrykket tredje linje\rFjerde.")]
    [InlineData("Jeg < 3 gange > 2 gange & \"ingen\" svar :-) <3")]
    public void Ordinary_Danish_text_with_angle_brackets_ampersands_and_quotes_passes(string value)
    {
        Assert.Null(FreeText.Check("Beskrivelse", value, 1000, required: true));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("  hej  ", "hej")]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("\r\n a\r\n\r\nb \r\n", "a\n\nb")]
    public void Normalise_trims_and_turns_every_line_break_into_LF(string? value, string expected)
    {
        Assert.Equal(expected, FreeText.Normalise(value));
    }
}
