using System.Text;
using Tilsyn.Extracts;

namespace Tilsyn.Tests.Extracts;

public sealed class ExtractCharsetDetectorTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Ascii_blocks_leave_the_character_set_undecided_and_are_not_converted()
    {
        var detector = new ExtractCharsetDetector();
        Assert.False(detector.NeedsConversion("sagsnr;enhed\r\n1;Pas\r\n"u8, 1));
        Assert.Equal(ExtractCharset.Undecided, detector.Charset);
    }

    [Fact]
    public void The_first_block_with_danish_letters_in_utf8_makes_the_file_utf8()
    {
        var detector = new ExtractCharsetDetector();
        Assert.False(detector.NeedsConversion("1;BUF;Vuggestuen Mælkebøtten\r\n"u8, 2));
        Assert.Equal(ExtractCharset.Utf8, detector.Charset);
    }

    [Fact]
    public void A_utf8_byte_order_mark_makes_the_file_utf8()
    {
        var detector = new ExtractCharsetDetector();
        Assert.False(detector.NeedsConversion([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n'], 1));
        Assert.Equal(ExtractCharset.Utf8, detector.Charset);
    }

    [Fact]
    public void A_block_saved_by_danish_excel_as_windows_1252_is_converted_with_the_danish_letters_right()
    {
        var detector = new ExtractCharsetDetector();
        var block = Windows1252.GetBytes("1;BUF;Vuggestuen Mælkebøtten;Åben;€\r\n");
        Assert.True(detector.NeedsConversion(block, 2));
        Assert.Equal(ExtractCharset.Windows1252, detector.Charset);
        var utf8 = new byte[ExtractCharsetDetector.MaxUtf8Length(block.Length)];
        var n = ExtractCharsetDetector.ToUtf8(block, utf8);
        Assert.Equal("1;BUF;Vuggestuen Mælkebøtten;Åben;€\r\n", Encoding.UTF8.GetString(utf8, 0, n));
    }

    [Fact]
    public void After_windows_1252_an_ascii_block_needs_no_conversion()
    {
        var detector = new ExtractCharsetDetector();
        detector.NeedsConversion(Windows1252.GetBytes("Afgørelsesdato\r\n"), 1);
        Assert.False(detector.NeedsConversion("2;BUF;Pas\r\n"u8, 2));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_late_in_a_utf8_file_refuse_it_naming_the_line_and_how_to_save_as_utf8()
    {
        var detector = new ExtractCharsetDetector();
        detector.NeedsConversion("Afgørelsesdato\r\n"u8, 1);
        var late = "5;Pas\r\n6;Pas\r\n"u8.ToArray().Concat(Windows1252.GetBytes("7;Mælkebøtten\r\n")).ToArray();

        var refused = Assert.Throws<DomainException>(() => detector.NeedsConversion(late, 40));

        Assert.StartsWith("Linje 42: filen er ikke gyldig UTF-8.", refused.Message);
        Assert.Contains("CSV UTF-8 (kommasepareret)", refused.Message);
        Assert.Contains("Intet er importeret", refused.Message);
    }

    [Fact]
    public void Utf8_text_late_in_a_windows_1252_file_refuses_it_naming_the_line()
    {
        var detector = new ExtractCharsetDetector();
        detector.NeedsConversion(Windows1252.GetBytes("Afgørelsesdato\r\n"), 1);

        var refused = Assert.Throws<DomainException>(() => detector.NeedsConversion("1;Pas\n2;Mælkebøtten\n"u8, 10));

        Assert.StartsWith("Linje 11: filen blander tegnsæt. Den begynder som Windows-1252 (ANSI)", refused.Message);
    }

    [Fact]
    public void A_block_with_both_utf8_and_windows_1252_lines_is_refused_naming_both_instead_of_read_as_mojibake()
    {
        var detector = new ExtractCharsetDetector();
        var block = "Afgørelsesdato\r\n1;Pas\r\n"u8.ToArray().Concat(Windows1252.GetBytes("2;Mælkebøtten\r\n")).ToArray();

        var refused = Assert.Throws<DomainException>(() => detector.NeedsConversion(block, 1));

        Assert.StartsWith("Linje 1: filen blander tegnsæt. Linje 1 er skrevet i UTF-8, linje 3 i Windows-1252 (ANSI).", refused.Message);
    }

    [Theory]
    [InlineData("a\nb\nc", 2)]
    [InlineData("a\r\nb\r\nc", 2)]
    [InlineData("a\rb\rc", 2)]
    [InlineData("a\r\n\rb\n", 3)]
    public void Line_breaks_are_counted_as_a_csv_reader_counts_them(string text, long breaks) =>
        Assert.Equal(breaks, ExtractCharsetDetector.LineBreaks(Encoding.ASCII.GetBytes(text)));
}
