using System.Text;
using nietras.SeparatedValues;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Tests.Extracts;

public sealed class RowBlocksTests
{
    private static readonly int[] BlockSizes = [1, 2, 3, 7, 16, 64, RowBlocks.DefaultBlockSize];

    // Each file is given as its rows, each with its own line break (the last one may have none), so
    // the tests know exactly where every row ends, independently of the code under test.
    private static readonly Dictionary<string, string[]> Files = new()
    {
        ["lf"] = ["id;navn;tal\n", "1;a;10\n", "2;bb;20\n", "3;ccc;30\n"],
        ["crlf"] = ["id;navn;tal\r\n", "1;a;10\r\n", "2;bb;20\r\n", "3;ccc;30\r\n"],
        ["lone cr"] = ["id;navn;tal\r", "1;a;10\r", "2;bb;20\r", "3;ccc;30\r"],
        ["mixed"] = ["id;navn\r\n", "1;a\n", "2;b\r", "3;c\r\n", "4;d\n", "5;e\r", "6;f"],
        ["quoted"] =
        [
            "id;tekst;note\n", "1;\"a;b\";x\n", "2;\"to\nlinjer\";y\r\n", "3;\"to\r\nlinjer\";\"z\"\n", "4;\"han sagde \"\"hej\"\"\";\"\"\r",
            "5;\"ensom\rCR\";\"\"\"\"\n", "6;\"slut på linje\n\";\"\r\n\"\n", "7;\"\"\"\r\n\"\"\";\"\r\"\r\n",
        ],
        ["long quoted field"] =
        [
            "id;tekst\r\n", "1;kort\r\n", "2;\"" + string.Concat(Enumerable.Range(0, 40).Select(i => $"linje {i};\"\"x\"\"\r\n")) + "\"\r\n",
            "3;kort\r\n", "4;\"" + new string('x', 150) + "\"\n", "5;kort\n",
        ],
        ["no final line break"] = ["id;navn\n", "1;a\n", "2;b"],
        ["final quoted row without line break"] = ["id;navn\r\n", "1;a\r\n", "2;\"b\r\nc\""],
        ["ends with a lone cr"] = ["id\r", "1\r", "2\r"],
        ["empty"] = [],
        ["header only"] = ["id;navn\r\n"],
        ["header only without line break"] = ["id;navn"],
        ["quoted header"] = ["\"id\r\nnr\";\"na;vn\"\r\n", "1;a\r\n", "2;b\r\n"],
        ["utf-8"] =
        [
            "by;navn\n", "København;Æblegården\n", "Århus;\"Søren; Ørsted\r\nÅse\"\n", "Ølstykke;ææææææææææææ\r",
            "Ærø;øøøøøøøøøøøøøøøøøøøøåååååååååå\r\n", "Å;€𝄞€𝄞\n", "æ;ø\r",
        ],
        ["empty lines"] = ["id\n", "\n", "1\n", "\r\n", "\r", "2\n"],
    };

    public static TheoryData<string, int> FilesAndBlockSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Files.Keys)
            foreach (var size in BlockSizes)
                data.Add(name, size);
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesAndBlockSizes))]
    public async Task Joined_blocks_give_back_the_file_byte_for_byte(string name, int blockSize)
    {
        var file = Bytes(Files[name]);
        var cut = await CutAsync(new MemoryStream(file), blockSize);
        AssertJoined(file, cut);
    }

    [Theory]
    [MemberData(nameof(FilesAndBlockSizes))]
    public async Task Every_block_ends_at_the_last_row_end_that_fits_in_the_block_size(string name, int blockSize)
    {
        var rows = Files[name];
        var file = Bytes(rows);
        var cut = await CutAsync(new MemoryStream(file), blockSize);
        AssertCuts(rows, file, cut, blockSize);
    }

    [Theory]
    [MemberData(nameof(FilesAndBlockSizes))]
    public async Task Each_block_parsed_alone_gives_the_rows_and_line_numbers_of_the_whole_file(string name, int blockSize)
    {
        var rows = Files[name];
        var file = Bytes(rows);
        var cut = await CutAsync(new MemoryStream(file), blockSize);
        AssertLines(cut);
        AssertRows(rows, file, cut);
    }

    [Theory]
    [MemberData(nameof(FilesAndBlockSizes))]
    public async Task The_blocks_do_not_depend_on_how_the_stream_hands_out_bytes_or_on_returned_buffers(string name, int blockSize)
    {
        var file = Bytes(Files[name]);
        var plain = await CutAsync(new MemoryStream(file), blockSize);
        var trickled = await CutAsync(new TrickleStream(file, seed: blockSize), blockSize, returnBuffers: true);
        Assert.Equal(Describe(plain), Describe(trickled));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_random_file_round_trips_with_any_block_size(int seed)
    {
        var (rows, values) = RandomFile(seed, count: 2500, longFields: true);
        var file = Bytes(rows);
        var expected = Expected(rows, values);
        Assert.Equal(expected, ReadWhole(file).Rows); // the generator and Sep agree on the rows and their lines
        foreach (var blockSize in new[] { 1, 7, 64, 500, 4096, RowBlocks.DefaultBlockSize })
        {
            var cut = await CutAsync(new MemoryStream(file), blockSize, returnBuffers: blockSize % 2 == 0);
            AssertJoined(file, cut);
            AssertCuts(rows, file, cut, blockSize);
            AssertLines(cut);
            var (header, blockRows) = ReadBlocks(cut);
            Assert.Equal(values[0], header);
            Assert.Equal(expected, blockRows);
        }
    }

    [Fact]
    public async Task Blocks_stay_within_the_block_size_when_every_row_fits()
    {
        var (rows, _) = RandomFile(seed: 4, count: 2000, longFields: false);
        var longest = rows.Max(r => Encoding.UTF8.GetByteCount(r));
        const int blockSize = 512;
        Assert.True(longest < blockSize, $"the longest row has {longest} bytes");
        var cut = await CutAsync(new MemoryStream(Bytes(rows)), blockSize);

        Assert.True(cut.Blocks.Count > 10);
        Assert.All(cut.All, b => Assert.Equal(blockSize, b.BufferLength));
        Assert.All(cut.All, b => Assert.InRange(b.Bytes.Length, 1, blockSize));
        // Filled as far as whole rows allow: the next row would not have fitted. (At the end of the file the rest is
        // taken as it is, and a last row without a line break comes alone.)
        Assert.All(cut.Blocks.SkipLast(2), b => Assert.InRange(b.Bytes.Length, blockSize - longest, blockSize));
    }

    [Fact]
    public async Task A_block_grows_only_for_a_row_longer_than_the_block_size()
    {
        const int blockSize = 16;
        var longRow = "2;\"" + new string('x', 20) + "\r\n" + new string('y', 20) + "\"\n";
        var rows = new[] { "id;tekst\n", "1;kort\n", longRow }.Concat(Enumerable.Range(3, 12).Select(i => $"{i};kort\n")).ToArray();
        var file = Bytes(rows);
        var cut = await CutAsync(new MemoryStream(file), blockSize);

        AssertJoined(file, cut);
        var grown = Assert.Single(cut.Blocks, b => b.Bytes.Length > blockSize);
        Assert.StartsWith(longRow, Encoding.UTF8.GetString(grown.Bytes), StringComparison.Ordinal);
        Assert.True(grown.BufferLength > blockSize);
        Assert.All(cut.All.Where(b => b != grown), b => Assert.Equal(blockSize, b.BufferLength));
        Assert.Equal(3, grown.FirstLine); // header on line 1, "1;kort" on 2, then the long row
    }

    [Fact]
    public async Task The_header_block_is_the_first_row_and_the_next_blocks_count_on_from_it()
    {
        var file = Encoding.UTF8.GetBytes("\"id\r\nnr\";navn\r\n1;a\n2;b");
        var blocks = new RowBlocks(new MemoryStream(file));

        var header = await blocks.NextAsync(oneRow: true);
        Assert.NotNull(header);
        Assert.Equal("\"id\r\nnr\";navn\r\n", Encoding.UTF8.GetString(header.Buffer, 0, header.Length));
        Assert.Equal((1, 2), (header.FirstLine, header.Lines));

        var first = await blocks.NextAsync();
        Assert.NotNull(first);
        Assert.Equal("1;a\n", Encoding.UTF8.GetString(first.Buffer, 0, first.Length));
        Assert.Equal((3, 1), (first.FirstLine, first.Lines));

        var last = await blocks.NextAsync();
        Assert.NotNull(last);
        Assert.Equal("2;b", Encoding.UTF8.GetString(last.Buffer, 0, last.Length));
        Assert.Equal((4, 0), (last.FirstLine, last.Lines));

        Assert.Null(await blocks.NextAsync());
        Assert.Null(await blocks.NextAsync());
    }

    [Fact]
    public async Task An_empty_stream_gives_no_header_and_no_blocks()
    {
        var blocks = new RowBlocks(new MemoryStream([]), blockSize: 4);
        Assert.Null(await blocks.NextAsync(oneRow: true));
        Assert.Null(await blocks.NextAsync());
    }

    [Fact]
    public async Task A_CR_LF_is_never_split_whatever_the_block_size()
    {
        var rows = new[] { "id;navn\r\n", "1;a\r\n", "22;\"b\r\nc\"\r\n", "3;\"\r\"\r\n", "44;d\r", "5;e\r\n", "666;\"f\r\"\r\n", "7;g\r\n" };
        var file = Bytes(rows);
        for (var blockSize = 1; blockSize <= file.Length + 1; blockSize++)
        {
            var cut = await CutAsync(new MemoryStream(file), blockSize);
            var all = cut.All.ToList();
            for (var i = 0; i + 1 < all.Count; i++)
                Assert.False(all[i].Bytes[^1] == '\r' && all[i + 1].Bytes[0] == '\n', $"block size {blockSize}: block {i} ends in CR and the next starts with LF");
            AssertJoined(file, cut);
            AssertCuts(rows, file, cut, blockSize);
            AssertLines(cut);
        }
    }

    [Fact]
    public async Task A_returned_buffer_is_used_again_for_a_later_block()
    {
        // Rows of 4 bytes and blocks of 8: every block after the header is two whole rows and fills its buffer.
        var file = Encoding.UTF8.GetBytes("id\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"{i:D3}\n")));
        var blocks = new RowBlocks(new MemoryStream(file), blockSize: 8);
        var header = await blocks.NextAsync(oneRow: true);
        Assert.NotNull(header);
        var joined = new List<byte>(header.Buffer.AsSpan(0, header.Length).ToArray());
        blocks.Return(header);

        var seen = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        while (await blocks.NextAsync() is { } block)
        {
            Assert.Equal(8, block.Buffer.Length);
            if (!seen.Add(block.Buffer)) reused++;
            joined.AddRange(block.Buffer.AsSpan(0, block.Length).ToArray());
            blocks.Return(block);
        }

        Assert.Equal(file, joined.ToArray());
        Assert.True(seen.Count <= 3, $"{seen.Count} buffers for {file.Length} bytes");
        Assert.True(reused >= 15, $"only {reused} blocks reused a buffer");
    }

    [Fact]
    public async Task A_block_that_is_not_returned_is_never_written_over()
    {
        var (rows, _) = RandomFile(seed: 5, count: 800, longFields: true);
        var file = Bytes(rows);
        foreach (var blockSize in new[] { 3, 64, 256 })
        {
            var blocks = new RowBlocks(new MemoryStream(file), blockSize);
            var kept = new List<(RowBlock Block, byte[] Copy)>();
            var header = await blocks.NextAsync(oneRow: true);
            Assert.NotNull(header);
            kept.Add((header, header.Buffer.AsSpan(0, header.Length).ToArray()));
            var i = 0;
            while (await blocks.NextAsync() is { } block)
            {
                var copy = block.Buffer.AsSpan(0, block.Length).ToArray();
                if (i++ % 2 == 0) blocks.Return(block); // every other block is given back
                else kept.Add((block, copy));
            }

            Assert.True(kept.Count > 10);
            Assert.All(kept, k => Assert.Equal(k.Copy, k.Block.Buffer.AsSpan(0, k.Block.Length).ToArray()));
            Assert.Equal(kept.Count, kept.Select(k => k.Block.Buffer).Distinct(ReferenceEqualityComparer.Instance).Count());
        }
    }

    [Fact]
    public async Task A_grown_buffer_is_not_kept_for_reuse()
    {
        const int blockSize = 8;
        var file = Encoding.UTF8.GetBytes("id\n1\n\"" + new string('x', 30) + "\"\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"{i:D3}\n")));
        var blocks = new RowBlocks(new MemoryStream(file), blockSize);
        var joined = new List<byte>();
        var grown = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        var header = await blocks.NextAsync(oneRow: true);
        Assert.NotNull(header);
        joined.AddRange(header.Buffer.AsSpan(0, header.Length).ToArray());
        while (await blocks.NextAsync() is { } block)
        {
            Assert.DoesNotContain(block.Buffer, grown);
            if (block.Buffer.Length != blockSize) grown.Add(block.Buffer);
            joined.AddRange(block.Buffer.AsSpan(0, block.Length).ToArray());
            blocks.Return(block);
        }

        Assert.NotEmpty(grown);
        Assert.Equal(file, joined.ToArray());
    }

    [Fact]
    public async Task A_cancelled_read_is_cancelled()
    {
        var blocks = new RowBlocks(new MemoryStream(Encoding.UTF8.GetBytes("id\n1\n")));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await blocks.NextAsync(ct: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_block_size_of_nothing_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RowBlocks(new MemoryStream(), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RowBlocks(new MemoryStream(), -1));
    }

    [Fact]
    public void A_block_ending_in_a_long_quoted_field_full_of_line_breaks_is_cut_before_it_quickly()
    {
        // 200,000 line breaks inside an open quote: each is declined without counting the quotes from the start again.
        var data = Encoding.UTF8.GetBytes("a;b\n1;\"" + string.Concat(Enumerable.Repeat("x\n", 200_000)));
        Assert.Equal(4, RowBlocks.LastCut(data, end: false));
    }

    [Fact]
    public async Task A_header_longer_than_the_block_size_does_not_make_the_next_block_bigger()
    {
        // A block should grow beyond the block size only for a row longer than the block size. Here only the
        // header is; the data rows are 4 bytes each and should come at most two to a block of 8 bytes.
        const int blockSize = 8;
        var file = Encoding.UTF8.GetBytes("kolonne_a;kolonne_b\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i % 10};a\n")));
        var cut = await CutAsync(new MemoryStream(file), blockSize);

        AssertJoined(file, cut);
        Assert.Equal("kolonne_a;kolonne_b\n", Encoding.UTF8.GetString(cut.Header!.Bytes));
        Assert.All(cut.Blocks, b => Assert.True(b.Bytes.Length <= blockSize,
            $"a block of {b.Bytes.Length} bytes in a buffer of {b.BufferLength} from line {b.FirstLine}, though no row in it is longer than {blockSize} bytes"));
    }

    [Theory]
    [InlineData("a\r\nb\rc\n", 3)]
    [InlineData("", 0)]
    [InlineData("abc", 0)]
    [InlineData("\r", 1)]
    [InlineData("\n", 1)]
    [InlineData("\r\n", 1)]
    [InlineData("\n\r", 2)]
    [InlineData("\r\r\n\n", 3)]
    [InlineData("\r\n\r\n\r", 3)]
    [InlineData("\"x\r\ny\"\r\n", 2)]
    [InlineData("\"x\r\"\n", 2)]
    public void LineBreaks_counts_LF_CR_LF_and_a_lone_CR_once_each(string text, long expected)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(expected, RowBlocks.LineBreaks(bytes));
        Assert.Equal(expected, ReferenceLineBreaks(bytes));
    }

    [Theory]
    [InlineData("a\nb\nc", false, 4)]
    [InlineData("a\nb\nc\n", false, 6)]
    [InlineData("abc", false, -1)]
    [InlineData("abc", true, -1)]
    [InlineData("", true, -1)]
    [InlineData("\"a\nb", false, -1)]
    [InlineData("\"a\r\nb", true, -1)]
    [InlineData("a\n\"b\nc", false, 2)]
    [InlineData("a\n\"b\r\nc\r", false, 2)]
    [InlineData("a\nb\r", false, 2)]
    [InlineData("a\r", false, -1)]
    [InlineData("a\r", true, 2)]
    [InlineData("a\r\r", false, 2)]
    [InlineData("a\r\n", false, 3)]
    [InlineData("a\rb", false, 2)]
    [InlineData("\"x\r\n\"\r\n", false, 7)]
    [InlineData("\"x\"\"\ny\"\nz", false, 8)]
    [InlineData("\"a\r\"\r", false, -1)]
    [InlineData("\"a\r\"\r", true, 5)]
    public void LastCut_is_just_after_the_last_line_break_outside_quotes(string text, bool end, int expected) =>
        Assert.Equal(expected, RowBlocks.LastCut(Encoding.UTF8.GetBytes(text), end));

    [Theory]
    [InlineData("a\nb\n", false, 2)]
    [InlineData("a\r\nb\n", false, 3)]
    [InlineData("a\rb\n", false, 2)]
    [InlineData("a\r", false, -1)]
    [InlineData("a\r", true, 2)]
    [InlineData("a\r\n", false, 3)]
    [InlineData("\"a\nb\";c\nd\n", false, 8)]
    [InlineData("\"x\"\"\ny\"\nz", false, 8)]
    [InlineData("\"a\r\"\r\nb", false, 6)]
    [InlineData("\"a\nb", true, -1)]
    [InlineData("abc", true, -1)]
    [InlineData("", true, -1)]
    public void FirstCut_is_just_after_the_first_line_break_outside_quotes(string text, bool end, int expected) =>
        Assert.Equal(expected, RowBlocks.FirstCut(Encoding.UTF8.GetBytes(text), end));

    // ---- cutting ----

    private sealed record Piece(byte[] Bytes, long FirstLine, long Lines, int BufferLength);

    private sealed record Cut(Piece? Header, List<Piece> Blocks)
    {
        public IEnumerable<Piece> All => Header is null ? Blocks : Blocks.Prepend(Header);
    }

    private static byte[] Bytes(IEnumerable<string> rows) => Encoding.UTF8.GetBytes(string.Concat(rows));

    private static Piece Copy(RowBlock block) => new(block.Buffer.AsSpan(0, block.Length).ToArray(), block.FirstLine, block.Lines, block.Buffer.Length);

    private static async Task<Cut> CutAsync(Stream stream, int blockSize, bool returnBuffers = false)
    {
        var blocks = new RowBlocks(stream, blockSize);
        var header = await blocks.NextAsync(oneRow: true);
        var headerPiece = header is null ? null : Copy(header);
        if (header is not null && returnBuffers) blocks.Return(header);
        var rest = new List<Piece>();
        while (await blocks.NextAsync() is { } block)
        {
            Assert.True(rest.Count < 10_000_000, "endless blocks");
            rest.Add(Copy(block));
            if (returnBuffers) blocks.Return(block);
        }
        Assert.Null(await blocks.NextAsync()); // stays at the end
        return new Cut(headerPiece, rest);
    }

    private static List<string> Describe(Cut cut) =>
        cut.All.Select(p => $"{Convert.ToHexString(p.Bytes)} line {p.FirstLine} +{p.Lines} in {p.BufferLength}").ToList();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The blocks joined are the file; none is empty, each is whole UTF-8 and all but the last end in a line break.</summary>
    private static void AssertJoined(byte[] file, Cut cut)
    {
        var all = cut.All.ToList();
        Assert.Equal(file, all.SelectMany(p => p.Bytes).ToArray());
        Assert.Equal(file.Length == 0, cut.Header is null);
        for (var i = 0; i < all.Count; i++)
        {
            var bytes = all[i].Bytes;
            Assert.NotEmpty(bytes);
            _ = StrictUtf8.GetString(bytes); // throws if a character was cut in two
            if (i < all.Count - 1) Assert.True(bytes[^1] is (byte)'\n' or (byte)'\r', $"block {i} ends in byte {bytes[^1]}");
        }
    }

    /// <summary>
    /// Every cut is where a row ends. The header block is the first row. A block in a buffer of the block size ends at the
    /// last row end within the block size from its start (not at a CR on the very edge, which may be half of CR LF); at
    /// the end of the file it takes the rest up to the last line break. A bigger buffer only for a row as long as a block.
    /// </summary>
    private static void AssertCuts(string[] rows, byte[] file, Cut cut, int blockSize)
    {
        var ends = new List<int>();
        var offset = 0;
        foreach (var row in rows) ends.Add(offset += Encoding.UTF8.GetByteCount(row));
        if (rows.Length == 0)
        {
            Assert.Null(cut.Header);
            Assert.Empty(cut.Blocks);
            return;
        }

        Assert.NotNull(cut.Header);
        Assert.Equal(ends[0], cut.Header.Bytes.Length);
        // The reader knows the file has ended once a buffer was not filled: it began at a block's start and had room beyond the file.
        var atEnd = cut.Header.BufferLength > file.Length;
        var start = ends[0];
        for (var b = 0; b < cut.Blocks.Count; b++)
        {
            var block = cut.Blocks[b];
            var end = start + block.Bytes.Length;
            Assert.True(ends.BinarySearch(end) >= 0, $"a block ends at byte {end}, inside a row (block size {blockSize})");
            var next = ends.BinarySearch(start + 1);
            var firstRowLength = ends[next < 0 ? ~next : next] - start;
            atEnd |= start + block.BufferLength > file.Length;
            if (block.BufferLength == blockSize) Assert.Equal(ExpectedEnd(start, atEnd), end);
            else
            {
                Assert.True(block.BufferLength > blockSize, $"buffer of {block.BufferLength} bytes for blocks of {blockSize}");
                // What follows a header longer than a block is carried whole into the next buffer (see
                // A_header_longer_than_the_block_size_does_not_make_the_next_block_bigger); otherwise only a long row grows a block.
                var afterLongHeader = b == 0 && cut.Header.BufferLength > blockSize;
                Assert.True(afterLongHeader || firstRowLength >= blockSize,
                    $"the block at byte {start} grew though its first row has {firstRowLength} bytes (block size {blockSize})");
            }
            start = end;
        }
        Assert.Equal(file.Length, start);

        bool Terminated(int rowEnd) => file[rowEnd - 1] is (byte)'\n' or (byte)'\r';

        int ExpectedEnd(int from, bool fileEnded)
        {
            int i;
            if (!fileEnded)
            {
                // The last row end that fits and has a line break, but not a CR on the very edge: it may be half of a CR LF.
                var limit = from + blockSize;
                i = ends.BinarySearch(limit);
                if (i < 0) i = ~i - 1;
                while (i >= 0 && (!Terminated(ends[i]) || (ends[i] == limit && file[limit - 1] == '\r'))) i--;
                Assert.True(i >= 0 && ends[i] > from, $"no row ends within {blockSize} bytes of byte {from}, yet the buffer did not grow");
                return ends[i];
            }
            // The rest of the file is in the buffer: up to the last line break, and a last row without one comes alone.
            i = ends.Count - 1;
            if (!Terminated(ends[i])) i--;
            return i >= 0 && ends[i] > from ? ends[i] : file.Length;
        }
    }

    /// <summary>Each block's first line follows on from the blocks before it, and its line breaks are counted as a plain reading counts them.</summary>
    private static void AssertLines(Cut cut)
    {
        long line = 1;
        foreach (var piece in cut.All)
        {
            Assert.Equal(line, piece.FirstLine);
            Assert.Equal(ReferenceLineBreaks(piece.Bytes), piece.Lines);
            line += piece.Lines;
        }
    }

    /// <summary>Sep reading each block alone gives the rows, and the lines they start on, that Sep reads from the whole file, and those the rows should have.</summary>
    private static void AssertRows(string[] rows, byte[] file, Cut cut)
    {
        var whole = ReadWhole(file);
        var (header, blockRows) = ReadBlocks(cut);
        Assert.Equal(whole.Header, header);
        Assert.Equal(whole.Rows, blockRows);
        Assert.Equal(Math.Max(0, rows.Length - 1), whole.Rows.Count);
        Assert.Equal(StartLines(rows).Skip(1), whole.Rows.Select(r => long.Parse(r[..r.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
    }

    // ---- reading with Sep ----

    private static SepReader Reader(byte[] bytes, bool hasHeader) =>
        Sep.New(';').Reader(o => o with { HasHeader = hasHeader, Unescape = true, DisableColCountCheck = true }).From(new MemoryStream(bytes));

    private static string[] Cols(SepReader.Row row)
    {
        var cols = new string[row.ColCount];
        for (var i = 0; i < cols.Length; i++) cols[i] = row[i].ToString();
        return cols;
    }

    private static string Show(long line, IEnumerable<string> cols) => $"{line}: {string.Join(" ¦ ", cols.Select(c => c.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)))}";

    /// <summary>The whole file read with a header: the column names, and each data row with the line it starts on.</summary>
    private static (string[] Header, List<string> Rows) ReadWhole(byte[] file)
    {
        using var reader = Reader(file, hasHeader: true);
        var header = reader.Header.ColNames.ToArray();
        var rows = new List<string>();
        long start = 0;
        foreach (var row in reader)
        {
            // A row starts where the previous one ended. Sep's LineNumberFrom is off only for a reader's very first
            // row, which here is the header, so the first data row's own LineNumberFrom is right.
            var line = rows.Count == 0 ? row.LineNumberFrom : start;
            rows.Add(Show(line, Cols(row)));
            start = row.LineNumberToExcl;
        }
        return (header, rows);
    }

    /// <summary>Each block read alone without a header: the header block's one row, and the other blocks' rows with their lines in the file.</summary>
    private static (string[] Header, List<string> Rows) ReadBlocks(Cut cut)
    {
        string[] header = [];
        if (cut.Header is not null)
        {
            var headerRows = ReadBlock(cut.Header, out var headerCols);
            Assert.Single(headerRows);
            Assert.StartsWith("1: ", headerRows[0], StringComparison.Ordinal);
            header = headerCols[0];
        }
        var rows = new List<string>();
        foreach (var block in cut.Blocks) rows.AddRange(ReadBlock(block, out _));
        return (header, rows);
    }

    private static List<string> ReadBlock(Piece block, out List<string[]> cols)
    {
        using var reader = Reader(block.Bytes, hasHeader: false);
        var rows = new List<string>();
        cols = [];
        long previousEnd = 1;
        foreach (var row in reader)
        {
            var values = Cols(row);
            cols.Add(values);
            rows.Add(Show(block.FirstLine + previousEnd - 1, values));
            previousEnd = row.LineNumberToExcl;
        }
        Assert.NotEmpty(rows);
        // Sep ends a block that ends in a line break on the line after its Lines; the last row without one on the line after that.
        var endsInBreak = block.Bytes[^1] is (byte)'\n' or (byte)'\r';
        Assert.Equal(block.Lines + (endsInBreak ? 1 : 2), previousEnd);
        return rows;
    }

    // ---- reference values ----

    /// <summary>Line breaks counted one byte at a time: LF, CR LF as one, and a CR not followed by LF.</summary>
    private static long ReferenceLineBreaks(ReadOnlySpan<byte> bytes)
    {
        long n = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'))) n++;
        return n;
    }

    /// <summary>The line each row starts on, from the rows' own text.</summary>
    private static List<long> StartLines(string[] rows)
    {
        var lines = new List<long>();
        long line = 1;
        foreach (var row in rows)
        {
            lines.Add(line);
            line += ReferenceLineBreaks(Encoding.UTF8.GetBytes(row));
        }
        return lines;
    }

    private static List<string> Expected(string[] rows, List<string[]> values)
    {
        var lines = StartLines(rows);
        return Enumerable.Range(1, rows.Length - 1).Select(i => Show(lines[i], values[i])).ToList();
    }

    /// <summary>
    /// A header and <paramref name="count"/> rows with random line endings (LF, CR LF, lone CR; the last row sometimes
    /// none), plain and quoted fields, the quoted ones with separators, line breaks of every kind, escaped quotes and
    /// æøå; with <paramref name="longFields"/> now and then a quoted field of a few hundred bytes. Returns each row's text
    /// and its values as Sep should unescape them.
    /// </summary>
    private static (string[] Rows, List<string[]> Values) RandomFile(int seed, int count, bool longFields)
    {
        var random = new Random(seed);
        string[] endings = ["\n", "\r\n", "\r"];
        const string plain = "abcxyzæøåÆØÅ0123456789 -.";
        string[] quoted = ["a", "b", "æ", "ø", "å", " ", ";", "\n", "\r\n", "\r", "\"\"", "€", "x", "𝄞"];
        var rows = new List<string> { "id;tekst;beløb;note" + endings[random.Next(endings.Length)] };
        var values = new List<string[]> { new[] { "id", "tekst", "beløb", "note" } };
        for (var i = 1; i <= count; i++)
        {
            var raw = new List<string> { i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            var value = new List<string> { raw[0] };
            for (var c = random.Next(0, 5); c > 0; c--)
            {
                if (random.Next(3) == 0)
                {
                    var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => plain[random.Next(plain.Length)]).ToArray());
                    raw.Add(text);
                    value.Add(text);
                }
                else
                {
                    var pieces = Enumerable.Range(0, longFields && random.Next(150) == 0 ? random.Next(100, 400) : random.Next(0, 15))
                        .Select(_ => quoted[random.Next(quoted.Length)]).ToList();
                    raw.Add("\"" + string.Concat(pieces) + "\"");
                    value.Add(string.Concat(pieces.Select(p => p == "\"\"" ? "\"" : p)));
                }
            }
            var ending = i == count && random.Next(2) == 0 ? "" : endings[random.Next(endings.Length)];
            rows.Add(string.Join(";", raw) + ending);
            values.Add([.. value]);
        }
        return ([.. rows], values);
    }

    /// <summary>A stream that hands out a few bytes at a time.</summary>
    private sealed class TrickleStream(byte[] data, int seed) : Stream
    {
        private readonly Random random = new(seed);
        private int position;

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, data.Length - position), random.Next(1, 8));
            data.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Read(buffer.Span);
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
}
