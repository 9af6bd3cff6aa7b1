namespace Tilsyn.Tests.Common;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"klik\")", "'=HYPERLINK(\"http://x\";\"klik\")")]
    [InlineData("+45 12 34 56 78", "'+45 12 34 56 78")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void A_text_a_spreadsheet_would_read_as_a_formula_gets_a_leading_apostrophe(string text, string written) =>
        Assert.Equal(written, CsvCell.Text(text));

    [Theory]
    [InlineData("")]
    [InlineData("Vuggestuen Mælkebøtten")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("'allerede citeret")]
    public void Any_other_text_is_written_as_it_is(string text) => Assert.Equal(text, CsvCell.Text(text));
}
