using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Tilsyn.Extracts;

/// <summary>
/// Finds the character set of an extract as its blocks of whole rows are read, so a file is read
/// once and never held in memory. ASCII is the same in UTF-8 and Windows-1252, so the first block
/// with any other byte decides: valid UTF-8 (a UTF-8 BOM is) makes the file UTF-8; anything else
/// makes it Windows-1252, which Danish Excel writes for "CSV (semikolonsepareret)", and its blocks
/// are converted to UTF-8. A later block that does not fit the decision (invalid UTF-8 in a UTF-8
/// file, UTF-8 in a Windows-1252 file) refuses the file naming its line: a file is never read
/// half in one set and half in another, which would import mojibake ("MÃ¦lkebÃ¸tten").
/// A UTF-16 or UTF-32 file is known by its BOM and converted before it gets here.
/// </summary>
public sealed class ExtractCharsetDetector
{
    /// <summary>What the import report says when the file was read as Windows-1252.</summary>
    public const string Windows1252Note = "Filen var gemt som Windows-1252 (ANSI) og er læst som sådan.";

    private const string SaveAsUtf8 = "Intet er importeret. Gem hele filen som UTF-8 – i Excel: Filer → Gem som → filtypen »CSV UTF-8 (kommasepareret) (*.csv)« – og importér den igen.";

    // In the shared framework since .NET Core 3.0 (no package); used directly, so nothing is registered globally.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public ExtractCharset Charset { get; private set; }

    /// <summary>
    /// Checks the next block (whole rows, starting on line <paramref name="firstLine"/> of the file) and
    /// says whether it must be converted with <see cref="ToUtf8"/>. Throws a <see cref="DomainException"/>
    /// naming the line when the block does not fit the character set the file began in.
    /// </summary>
    public bool NeedsConversion(ReadOnlySpan<byte> block, long firstLine)
    {
        if (Ascii.IsValid(block)) return false;
        if (Charset != ExtractCharset.Windows1252 && Utf8.IsValid(block))
        {
            Charset = ExtractCharset.Utf8;
            return false;
        }
        var (utf8, invalid) = Scan(block);
        if (Charset == ExtractCharset.Utf8)
            throw new DomainException($"Linje {LineOf(block, firstLine, invalid)}: filen er ikke gyldig UTF-8. Den begynder som UTF-8, "
                + $"men her kommer bytes, der ikke er UTF-8 (dele af filen er måske gemt som Windows-1252/ANSI). {SaveAsUtf8}");
        // Windows-1252 from here: no part of the block may be UTF-8 (in Windows-1252 text a UTF-8 sequence is mojibake such as "Ã¦").
        if (utf8 >= 0)
            throw new DomainException(Charset == ExtractCharset.Windows1252
                ? $"Linje {LineOf(block, firstLine, utf8)}: filen blander tegnsæt. Den begynder som Windows-1252 (ANSI), men her er teksten UTF-8. {SaveAsUtf8}"
                : $"Linje {LineOf(block, firstLine, Math.Min(utf8, invalid))}: filen blander tegnsæt. Linje {LineOf(block, firstLine, utf8)} er skrevet i UTF-8, "
                    + $"linje {LineOf(block, firstLine, invalid)} i Windows-1252 (ANSI). {SaveAsUtf8}");
        Charset = ExtractCharset.Windows1252;
        return true;
    }

    /// <summary>At most this many UTF-8 bytes come from <paramref name="length"/> bytes of Windows-1252 (€ is three).</summary>
    public static int MaxUtf8Length(int length) => length * 3;

    /// <summary>Converts Windows-1252 text to UTF-8; returns the bytes written.</summary>
    public static int ToUtf8(ReadOnlySpan<byte> windows1252, Span<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, windows1252.Length));
        try
        {
            var n = Windows1252.GetChars(windows1252, chars);
            return Encoding.UTF8.GetBytes(chars.AsSpan(0, n), utf8);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Line breaks as a CSV reader counts them: LF, CR LF (one) and a lone CR.</summary>
    public static long LineBreaks(ReadOnlySpan<byte> data)
    {
        long lf = data.Count((byte)'\n');
        var cr = data.Count((byte)'\r');
        return cr == 0 ? lf : lf + cr - data.Count("\r\n"u8);
    }

    private static long LineOf(ReadOnlySpan<byte> block, long firstLine, int offset) => firstLine + LineBreaks(block[..Math.Max(0, offset)]);

    /// <summary>Where the first UTF-8 sequence of two to four bytes begins, and where the first byte that is not UTF-8 is (-1: none).</summary>
    private static (int Utf8, int Invalid) Scan(ReadOnlySpan<byte> data)
    {
        int utf8 = -1, invalid = -1;
        var i = data.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        while (i >= 0 && (utf8 < 0 || invalid < 0))
        {
            if (Rune.DecodeFromUtf8(data[i..], out _, out var used) == OperationStatus.Done)
            {
                if (utf8 < 0) utf8 = i;
            }
            else if (invalid < 0) invalid = i;
            i += Math.Max(1, used);
            var next = data[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            i = next < 0 ? -1 : i + next;
        }
        return (utf8, invalid);
    }
}
