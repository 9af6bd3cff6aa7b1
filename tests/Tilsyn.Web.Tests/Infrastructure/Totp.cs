using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 of the 30-second step since 1970, six
/// digits) from the base32 key shown at enrolment. Identity's authenticator provider checks codes
/// against real time (not the app's <see cref="TimeProvider"/>) and accepts two steps either side,
/// so a test that takes codes of steps -1, 0 and +1 is never caught by a step boundary, and gets
/// three different codes to use one after the other (each code is accepted once).
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, int stepOffset = 0) =>
        At(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * stepOffset));

    public static string At(string base32Key, DateTimeOffset time)
    {
        var step = time.ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that is none of the codes the server accepts now.</summary>
    public static string WrongCode(string base32Key)
    {
        var valid = Enumerable.Range(-3, 7).Select(o => Code(base32Key, o)).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + i * 7919).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
