using System.Threading.Channels;

namespace Tilsyn.Web.Extracts;

/// <summary>
/// A worker's blocks read one after another as one stream, with the way back from a line of that
/// stream to the line of the file. The worker's own thread waits here for the next block.
/// </summary>
internal sealed class BlockStream(ChannelReader<RowBlock> source, RowBlocks blocks, CancellationToken ct) : Stream
{
    private const byte Cr = (byte)'\r', Lf = (byte)'\n';
    private RowBlock? current;
    private int offset;
    private int endingCrs; // where the block's final run of CRs begins (its length when it ends otherwise)
    private long lines; // line breaks in the blocks read so far
    private readonly Queue<(long StreamFirst, RowBlock Block)> read = new();

    /// <summary>The file's line number of line <paramref name="streamLine"/> (1-based) of this stream; asked in increasing order.</summary>
    public long FileLine(long streamLine)
    {
        while (read.Count > 1 && streamLine >= read.Peek().StreamFirst + read.Peek().Block.Lines) read.Dequeue();
        var (first, block) = read.Peek();
        return block.FirstLine + streamLine - first;
    }

    public override int Read(Span<byte> buffer)
    {
        while (current is null || offset == current.Length)
        {
            if (current is not null)
            {
                blocks.Return(current);
                current = null;
            }
            if (!source.TryRead(out var next))
            {
                if (!source.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult()) return 0;
                continue;
            }
            (current, offset) = (next, 0);
            read.Enqueue((lines + 1, next));
            lines += next.Lines;
            endingCrs = current.Length;
            while (endingCrs > 0 && current.Buffer[endingCrs - 1] == Cr) endingCrs--;
        }
        var n = Math.Min(buffer.Length, current.Length - offset);
        // Sep 0.17 loses a blank line when one read ends in a CR and the next begins with one: inside a block,
        // a read ends before a CR instead (unless it is nothing but CRs).
        if (offset + n < endingCrs && current.Buffer[offset + n - 1] == Cr)
        {
            var m = n - 1;
            while (m > 0 && current.Buffer[offset + m - 1] == Cr) m--;
            if (m > 0) n = m;
        }
        current.Buffer.AsSpan(offset, n).CopyTo(buffer);
        // The lone CRs that end a block are served as LFs: the next block here was not next to it in the file,
        // and Sep would read a CR at the end of one and an LF (a blank line) at the start of the other as one
        // CR LF. An LF is the same line break (one line, the same rows).
        for (var i = Math.Max(offset, endingCrs); i < offset + n; i++) buffer[i - offset] = Lf;
        offset += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
