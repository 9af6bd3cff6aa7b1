using Tilsyn.Organisation;

namespace Tilsyn.Tests.Organisation;

public sealed class KleCodeTests
{
    [Theory]
    [InlineData("28", 1, null, "28", null)]
    [InlineData("28.09", 2, "28", "28", "28.09")]
    [InlineData(" 28.09.04 ", 3, "28.09", "28", "28.09")]
    public void A_code_knows_its_level_parent_main_group_and_group(string text, int level, string? parent, string main, string? group)
    {
        var code = KleCode.Parse(text);
        Assert.Equal(level, code.Level);
        Assert.Equal(parent, code.Parent?.Value);
        Assert.Equal(main, code.MainGroup.Value);
        Assert.Equal(group, code.Group?.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("28.9")]
    [InlineData("28.09.04.01")]
    [InlineData("28,09")]
    [InlineData("ab.cd")]
    [InlineData("２８.０９.０４")] // full-width digits: \d would take them
    [InlineData("٢٨.٠٩")]          // Arabic-Indic digits
    [InlineData(null)]
    public void Malformed_codes_are_refused(string? text)
    {
        Assert.False(KleCode.TryParse(text, out _));
        Assert.Throws<FormatException>(() => KleCode.Parse(text!));
    }
}
