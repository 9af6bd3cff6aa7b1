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
        Assert.Equal("Feltet 'Beskrivelse' skal udfyldes.", FreeText.Check(new TextField("Beskrivelse", 100), value, required: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_optional_field_may_be_empty(string? value)
    {
        Assert.Null(FreeText.Check(new TextField("Telefon", 20), value, required: false));
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_with_the_limit_and_text_at_the_limit_passes()
    {
        Assert.Null(FreeText.Check(new TextField("Overskrift", 10), new string('æ', 10), required: true));
        Assert.Equal("Feltet 'Overskrift' må højst være 10 tegn langt; teksten er 11 tegn.",
            FreeText.Check(new TextField("Overskrift", 10), new string('æ', 11), required: true));
    }

    [Fact]
    public void Length_is_measured_after_trimming_and_with_each_line_break_as_one_character()
    {
        // Browsers send CRLF from a text area; "ab\r\ncd" is 5 characters once normalised.
        Assert.Null(FreeText.Check(new TextField("Beskrivelse", 5), "  ab\r\ncd  ", required: true));
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
        Assert.Equal(Markup, FreeText.Check(new TextField("Beskrivelse", 1000), value, required: true));
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
            FreeText.Check(new TextField("Beskrivelse", 1000), value, required: true));
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
        Assert.Null(FreeText.Check(new TextField("Beskrivelse", 1000), value, required: true));
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

    [Theory]
    [InlineData(null, true)]
    [InlineData("  ", true)]
    [InlineData("  ", false)]
    [InlineData("æøå", true)]
    [InlineData("æøåæ", false)]
    [InlineData("a\r\nbc", true)]
    public void The_required_and_limit_messages_are_the_fields_own(string? value, bool required)
    {
        var field = new TextField("Emne", 3);
        Assert.Equal(field.Problem(value, required), FreeText.Check(field, value, required));
    }

    [Fact]
    public void The_committee_status_text_is_checked_against_its_one_rule_and_for_markup()
    {
        var field = Tilsyn.Evaluations.CommitteeStatus.TextField;
        Assert.Equal($"Feltet 'Status på initiativerne' må højst være {field.MaxLength} tegn langt; teksten er {field.MaxLength + 1} tegn.",
            Tilsyn.Evaluations.CommitteeStatus.TextProblem(new string('x', field.MaxLength + 1)));
        Assert.Equal("Feltet 'Status på initiativerne' må ikke indeholde HTML eller script (fx <script>). Skriv teksten uden vinkelparenteser.",
            Tilsyn.Evaluations.CommitteeStatus.TextProblem("<b>fed</b>"));
    }
}
