using System.Collections.Concurrent;
using Tilsyn.Extracts;

namespace Tilsyn.Web.Extracts;

/// <summary>A piece of a CSV file that holds whole rows only: the file's line number of its first row, and its line breaks.</summary>
public sealed record RowBlock(byte[] Buffer, int Length, long FirstLine, long Lines);

/// <summary>
/// Cuts a CSV byte stream into blocks of whole rows, so several threads can each parse their own
/// block. A block is cut only after a line break outside quotes: the number of quote characters
/// before the cut is even (Sep's own rule, so a quoted field with a line break in it stays whole).
/// Line breaks are counted as Sep counts them (CR LF, LF or a lone CR), so every row keeps its line
/// number for the error report. Memory: a few blocks; a block grows only when one row is longer
/// than a block. Each block is checked for its character set as it is cut (<see cref="ExtractCharsetDetector"/>)
/// and handed on as UTF-8: a Windows-1252 block is converted (cutting on line breaks never splits a character).
/// </summary>
public sealed class RowBlocks
{
    public const int DefaultBlockSize = 1 << 20;
    private const byte Quote = (byte)'"', Cr = (byte)'\r', Lf = (byte)'\n';

    private readonly Stream stream;
    private readonly int blockSize;
    private readonly ConcurrentBag<byte[]> free = [], freeConverted = [];
    private readonly ExtractCharsetDetector charset = new();
    private byte[] pending;
    private int length;
    private bool end;
    private long line = 1;

    /// <summary>The file's character set as far as it has been read (Undecided while it is all ASCII).</summary>
    public ExtractCharset Charset => charset.Charset;

    public RowBlocks(Stream stream, int blockSize = DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        (this.stream, this.blockSize, pending) = (stream, blockSize, new byte[blockSize]);
    }

    /// <summary>Gives a block's buffer back for reuse once its rows are read.</summary>
    public void Return(RowBlock block) => Return(block.Buffer);

    private void Return(byte[] buffer)
    {
        if (buffer.Length == blockSize) free.Add(buffer);
        else if (buffer.Length == ExtractCharsetDetector.MaxUtf8Length(blockSize)) freeConverted.Add(buffer);
    }

    /// <summary>The next block, or null at the end of the stream. With <paramref name="oneRow"/> the block is the next row only (the header).</summary>
    public async ValueTask<RowBlock?> NextAsync(bool oneRow = false, CancellationToken ct = default)
    {
        while (true)
        {
            if (!end && length < pending.Length)
            {
                var n = await stream.ReadAsync(pending.AsMemory(length), ct);
                if (n == 0) end = true;
                else length += n;
                continue;
            }
            if (length == 0) return null;
            // A block is at most blockSize bytes unless one row is longer (what is left after a long header may be more than a block).
            var window = Math.Min(length, blockSize);
            var cut = oneRow ? FirstCut(pending.AsSpan(0, length), end) : LastCut(pending.AsSpan(0, window), end && window == length);
            if (cut < 0 && !oneRow && window < length) cut = LastCut(pending.AsSpan(0, length), end);
            if (cut < 0)
            {
                if (end) cut = length; // the last row has no line break after it
                else
                {
                    Array.Resize(ref pending, pending.Length * 2);
                    continue;
                }
            }
            var block = new RowBlock(pending, cut, line, LineBreaks(pending.AsSpan(0, cut)));
            if (charset.NeedsConversion(pending.AsSpan(0, cut), line)) block = Converted(block);
            line += block.Lines;
            var rest = length - cut;
            var next = rest <= blockSize && free.TryTake(out var reused) ? reused : new byte[Math.Max(blockSize, rest)];
            pending.AsSpan(cut, rest).CopyTo(next);
            if (!ReferenceEquals(block.Buffer, pending)) Return(pending); // converted: the raw bytes are done with
            (pending, length) = (next, rest);
            return block;
        }
    }

    /// <summary>The block as UTF-8, from Windows-1252, in a buffer of its own (the same line breaks, so the same lines).</summary>
    private RowBlock Converted(RowBlock block)
    {
        var size = ExtractCharsetDetector.MaxUtf8Length(block.Length);
        var wide = ExtractCharsetDetector.MaxUtf8Length(blockSize);
        var buffer = size <= wide ? freeConverted.TryTake(out var reused) ? reused : new byte[wide] : new byte[size];
        var n = ExtractCharsetDetector.ToUtf8(block.Buffer.AsSpan(0, block.Length), buffer);
        return block with { Buffer = buffer, Length = n };
    }

    /// <summary>Just after the last line break outside quotes; -1 if there is none yet. The quotes are counted once, then only between line breaks.</summary>
    internal static int LastCut(ReadOnlySpan<byte> data, bool end)
    {
        var at = data.LastIndexOfAny(Cr, Lf);
        if (at < 0) return -1;
        var quotes = data[..at].Count(Quote);
        while (true)
        {
            // A CR at the very end may be the first half of CR LF: wait for the next byte.
            var waitForNext = data[at] == Cr && at == data.Length - 1 && !end;
            if (!waitForNext && (quotes & 1) == 0) return at + 1;
            var before = data[..at].LastIndexOfAny(Cr, Lf);
            if (before < 0) return -1;
            quotes -= data[before..at].Count(Quote);
            at = before;
        }
    }

    /// <summary>Just after the first line break outside quotes (both bytes of CR LF); -1 if there is none yet.</summary>
    internal static int FirstCut(ReadOnlySpan<byte> data, bool end)
    {
        var quotes = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == Quote) quotes++;
            else if ((b == Lf || b == Cr) && (quotes & 1) == 0)
            {
                if (b == Lf) return i + 1;
                if (i + 1 < data.Length) return data[i + 1] == Lf ? i + 2 : i + 1;
                return end ? i + 1 : -1;
            }
        }
        return -1;
    }

    /// <summary>Line breaks as Sep counts them: LF, CR LF (one), and a lone CR.</summary>
    internal static long LineBreaks(ReadOnlySpan<byte> data) => ExtractCharsetDetector.LineBreaks(data);
}
