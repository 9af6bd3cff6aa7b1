using System.Security.Cryptography;
using System.Text;

namespace Tilsyn.Integration;

/// <summary>
/// An API key (<i>API-nøgle</i>) for an installation without an identity provider: <c>tilsyn_</c>, a 12-character
/// lookup id and a 43-character secret (256 random bits, base64url), e.g. <c>tilsyn_Ab3dEf6hIj9k_…</c>.
/// The prefix makes a leaked key recognisable (secret scanners, logs); the lookup id finds the client's row;
/// only the SHA-256 of the whole key is stored (a 256-bit random key needs no slow hash), and the key is
/// compared in constant time. The key is shown once, when it is made.
/// </summary>
public static class ApiKey
{
    public const string Prefix = "tilsyn_";
    public const int LookupLength = 12;
    private const int SecretBytes = 32;

    /// <summary>A new key: the text to hand over once, its lookup id and the hash to store.</summary>
    public static (string Key, string LookupId, string Hash) New()
    {
        var lookup = Base64Url(RandomNumberGenerator.GetBytes(9)); // 12 characters
        var key = $"{Prefix}{lookup}_{Base64Url(RandomNumberGenerator.GetBytes(SecretBytes))}";
        return (key, lookup, Hash(key));
    }

    /// <summary>The lookup id of a well-formed key, or null for anything else (checked before any database work).</summary>
    public static string? LookupId(string? key)
    {
        if (key is null || key.Length != Prefix.Length + LookupLength + 1 + 43 || !key.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        if (key[Prefix.Length + LookupLength] != '_') return null;
        foreach (var ch in key.AsSpan(Prefix.Length))
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')) return null;
        return key.Substring(Prefix.Length, LookupLength);
    }

    /// <summary>SHA-256 of the key, lower-case hex.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="key"/> is the key whose hash was stored, in time independent of where they differ.</summary>
    public static bool Matches(string key, string storedHash) =>
        storedHash.Length == 64 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
