using System.Text;

namespace Tilsyn.Audits;

/// <summary>
/// A portable pseudo-random generator: xoshiro256** (Blackman and Vigna, 2018) with its state filled
/// by SplitMix64 from a 64-bit seed. Only integer shifts, rotations, multiplications and XOR are
/// used, so a seed gives the same sequence on every platform and .NET version, and a sample can be
/// redrawn years later from the seed kept with the audit. <see cref="System.Random"/> gives no
/// such promise and is deliberately not used. Not for cryptography.
/// </summary>
public sealed class SeededRandom
{
    private ulong s0, s1, s2, s3;

    public SeededRandom(long seed) : this(unchecked((ulong)seed)) { }

    public SeededRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
        // SplitMix64 maps consecutive states one-to-one to outputs, so at most one of the four is
        // zero and the all-zero state (which xoshiro never leaves) cannot occur.
    }

    /// <summary>
    /// The stream for one stratum: seeded from the audit's seed and the stratum's
    /// <see cref="StableHash"/>, so each stratum's draws depend only on the seed and its name.
    /// </summary>
    public static SeededRandom For(long seed, string stratum)
    {
        ArgumentNullException.ThrowIfNull(stratum);
        var x = unchecked((ulong)seed);
        // Mix the seed once before combining, so seeds differing in a few bits are not simply XOR-ed
        // with a hash that also differs in a few bits.
        return new SeededRandom(SplitMix64(ref x) ^ StableHash(stratum));
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2^-53, so every value is exact.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>) without modulo bias: values below
    /// 2^64 mod bound are rejected before taking the remainder, so every residue is equally likely.
    /// </summary>
    public long NextInt64(long bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        var threshold = unchecked(0UL - b) % b; // = 2^64 mod b
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold) return (long)(r % b);
        }
    }

    /// <summary>
    /// FNV-1a 64 over the string's UTF-8 bytes: the same on every platform and process, unlike
    /// <see cref="string.GetHashCode()"/>, which is randomised per process.
    /// </summary>
    public static ulong StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong offsetBasis = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash = unchecked(hash * prime);
        }
        return hash;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
