namespace Tilsyn.Tests.Common;

public sealed class CellTextTests
{
    [Fact]
    public void A_cell_of_up_to_200_characters_is_quoted_whole()
    {
        Assert.Equal("'Mælkebøtten'", CellText.Quote("Mælkebøtten"));
        var exactly = new string('x', CellText.MaxQuoted);
        Assert.Equal($"'{exactly}'", CellText.Quote(exactly));
    }

    [Fact]
    public void A_longer_cell_is_cut_at_200_characters_with_an_ellipsis_and_its_length()
    {
        var cell = new string('A', 2 * 1024 * 1024);
        var quoted = CellText.Quote(cell);
        Assert.Equal($"'{new string('A', 200)}…' (2 097 152 tegn)", quoted);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_cut_in_half()
    {
        var cell = new string('a', 199) + "😀" + new string('b', 10);
        var quoted = CellText.Quote(cell);
        Assert.Equal($"'{new string('a', 199)}…' (211 tegn)", quoted);
    }
}
