namespace Tilsyn.Domain.Tests.Common;

public sealed class TextFieldTests
{
    private static readonly TextField Field = new("Henstilling", 10);

    [Fact]
    public void A_too_long_text_is_refused_with_the_field_and_the_limit_never_cut()
    {
        var ex = Assert.Throws<DomainException>(() => Field.Optional(new string('x', 11)));
        Assert.Contains("'Henstilling'", ex.Message);
        Assert.Contains("10 tegn", ex.Message);
        Assert.Contains("11 tegn", ex.Message);
        Assert.Throws<DomainException>(() => Field.Required(new string('x', 11)));
    }

    [Fact]
    public void A_text_at_the_limit_is_kept_whole_and_trimmed()
    {
        Assert.Equal("0123456789", Field.Required("  0123456789 "));
        Assert.Equal("0123456789", Field.Optional("0123456789"));
    }

    [Fact]
    public void Line_breaks_count_as_one_character_each()
    {
        Assert.Equal("a\nb\nc", Field.Required("a\r\nb\rc"));
        Assert.Equal("12345\n1234", Field.Required("12345\r\n1234"));
    }

    [Fact]
    public void A_required_field_must_be_filled_and_an_optional_empty_one_is_null()
    {
        Assert.Contains("skal udfyldes", Assert.Throws<DomainException>(() => Field.Required("   ")).Message);
        Assert.Null(Field.Optional("  "));
        Assert.Null(Field.Optional(null));
        Assert.Null(Field.Problem("", required: false));
    }
}
