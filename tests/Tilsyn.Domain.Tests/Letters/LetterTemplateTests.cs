using Tilsyn.Letters;

namespace Tilsyn.Tests.Letters;

public sealed class LetterTemplateTests
{
    [Fact]
    public void Fields_are_merged_and_whitespace_inside_braces_is_tolerated()
    {
        var r = LetterTemplate.Merge("Kære {{borger.navn}}, sag {{ sag.nummer }}.", new Dictionary<string, string> { ["borger.navn"] = "Åse", ["sag.nummer"] = "2026-0000001" });
        Assert.True(r.Succeeded);
        Assert.Equal("Kære Åse, sag 2026-0000001.", r.Text);
    }

    [Fact]
    public void An_unknown_field_is_named_and_nothing_is_merged()
    {
        var r = LetterTemplate.Merge("{{sag.nummr}} og {{borger.navn}}", new Dictionary<string, string> { ["borger.navn"] = "x" });
        Assert.Null(r.Text);
        Assert.Equal(["Flettefeltet {{sag.nummr}} findes ikke."], r.Errors);
    }

    [Fact]
    public void An_unclosed_field_is_reported_with_its_position()
    {
        var r = LetterTemplate.Merge("Hej {{borger.navn", new Dictionary<string, string>());
        Assert.Equal("Et flettefelt er ikke lukket med '}}' (tegn 5).", Assert.Single(r.Errors));
    }

    [Fact]
    public void Every_default_letter_merges_with_the_known_fields_and_uses_only_them()
    {
        var fields = DefaultLetterTemplates.KnownFields.ToDictionary(f => f.Name, f => f.Description);
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var t = DefaultLetterTemplates.For(kind);
            Assert.True(LetterTemplate.Merge(t.Body, fields).Succeeded, kind.ToString());
            Assert.True(LetterTemplate.Merge(t.Title, fields).Succeeded, kind.ToString());
            Assert.Contains("sag.nummer", LetterTemplate.FieldsIn(t.Body));
        }
    }

    [Fact]
    public void FieldsIn_lists_each_field_once_in_order() =>
        Assert.Equal(["a", "b.c"], LetterTemplate.FieldsIn("{{a}} {{ b.c }} {{a}}"));

    [Theory]
    [InlineData(LetterKind.Receipt, "Kvittering til borgeren")]
    [InlineData(LetterKind.StatementRequest, "Anmodning om udtalelse til forvaltningen")]
    [InlineData(LetterKind.Conclusion, "Konklusion til borgeren")]
    public void Every_letter_kind_has_a_Danish_name(LetterKind kind, string name) => Assert.Equal(name, kind.Name());

    [Fact]
    public void A_checked_template_is_trimmed_with_one_character_line_breaks()
    {
        var (title, body) = LetterTemplate.Check("  Svar på {{sag.emne}} ", "Kære {{borger.navn}}\r\n\r\nHilsen\r\n");
        Assert.Equal("Svar på {{sag.emne}}", title);
        Assert.Equal("Kære {{borger.navn}}\n\nHilsen", body);
    }

    [Fact]
    public void A_too_long_template_title_is_refused_with_its_limit()
    {
        var ex = Assert.Throws<DomainException>(() => LetterTemplate.Check(new string('t', LetterTemplate.Title.MaxLength + 1), "Tekst"));
        Assert.Equal("Feltet 'Titel' må højst være 150 tegn langt; teksten er 151 tegn.", ex.Message);
        LetterTemplate.Check(new string('t', LetterTemplate.Title.MaxLength), "Tekst");
    }

    [Fact]
    public void A_template_with_an_unknown_field_and_an_empty_text_is_refused_with_both_problems_named()
    {
        var ex = Assert.Throws<DomainException>(() => LetterTemplate.Check("Svar om {{sag.nummr}}", " "));
        Assert.Equal("Flettefeltet {{sag.nummr}} findes ikke. Titel og tekst skal udfyldes.", ex.Message);
    }

    [Fact]
    public void A_case_letter_has_the_limits_of_a_template_under_its_own_labels()
    {
        Assert.Equal(LetterTemplate.Title.MaxLength, Tilsyn.Complaints.CaseTextFields.LetterTitle.MaxLength);
        Assert.Equal(LetterTemplate.Body.MaxLength, Tilsyn.Complaints.CaseTextFields.LetterBody.MaxLength);
        Assert.Equal("Brevets titel", Tilsyn.Complaints.CaseTextFields.LetterTitle.Label);
        Assert.Equal("Brevets tekst", Tilsyn.Complaints.CaseTextFields.LetterBody.Label);
    }
}
