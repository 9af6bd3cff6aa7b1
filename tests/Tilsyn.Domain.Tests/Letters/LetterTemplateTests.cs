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
}
