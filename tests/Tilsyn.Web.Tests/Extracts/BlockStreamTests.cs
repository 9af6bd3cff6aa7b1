using System.Text;
using System.Threading.Channels;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Extracts;

/// <summary>A worker's blocks, read by Sep as one stream: what Sep is served, read by read.</summary>
public sealed class BlockStreamTests
{
    private static BlockStream StreamOf(params (string Text, long FirstLine)[] blocks)
    {
        var channel = Channel.CreateUnbounded<RowBlock>();
        foreach (var (text, firstLine) in blocks)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            channel.Writer.TryWrite(new RowBlock(bytes, bytes.Length, firstLine, RowBlocks.LineBreaks(bytes)));
        }
        channel.Writer.Complete();
        return new BlockStream(channel.Reader, new RowBlocks(new MemoryStream(), 16), CancellationToken.None);
    }

    private static List<string> Reads(BlockStream stream, int size)
    {
        var reads = new List<string>();
        var buffer = new byte[size];
        int n;
        while ((n = stream.Read(buffer, 0, size)) > 0) reads.Add(Encoding.UTF8.GetString(buffer, 0, n));
        return reads;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    public void The_lone_CRs_that_end_a_block_are_served_as_LFs_and_nothing_else_changes(int readSize)
    {
        // The second block begins with a blank line: after the first block's CR it would be read as one CR LF.
        var stream = StreamOf(("a;1\r", 2), ("\nb;2\r\r", 9), ("c;3\r\n", 20), ("d;4\re;5", 30));
        Assert.Equal("a;1\n" + "\nb;2\n\n" + "c;3\r\n" + "d;4\re;5", string.Concat(Reads(stream, readSize)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    public void Inside_a_block_a_read_does_not_end_on_a_CR_unless_it_holds_nothing_else(int readSize)
    {
        // Sep 0.17 loses a blank line when one read ends in a CR and the next begins with one.
        const string text = "a;1\r\rb;2\r\r\rc;3\rd;4\n";
        var reads = Reads(StreamOf((text, 2)), readSize);
        Assert.Equal(text, string.Concat(reads));
        foreach (var read in reads)
            Assert.True(read[^1] != '\r' || read.All(c => c == '\r'), $"a read ends on a CR: '{read.Replace("\r", "\\r")}' (read size {readSize})");
    }

    [Fact]
    public void A_line_of_the_stream_maps_back_to_its_line_in_the_file()
    {
        // This worker got two blocks that were not next to each other: lines 2-3 and 10-12 of the file
        // (the second with a quoted line break inside a row).
        var stream = StreamOf(("x;1\ny;2\n", 2), ("z;3\r\n\"w\r\n\";4\nv;5\n", 10));
        Reads(stream, 64);
        Assert.Equal([2L, 3, 10, 11, 12, 13], new long[] { 1, 2, 3, 4, 5, 6 }.Select(stream.FileLine));
    }
}
