using System.Net;
using System.Net.Sockets;

namespace Tilsyn.Identity;

/// <summary>
/// The login back-off (<i>midlertidig spærring</i>), kept per account <b>and</b> client address:
/// failures from one address only ever block that address for that account, so an outsider who
/// guesses wrong on purpose cannot keep the real user out (the user's own address has its own count).
/// The first <see cref="FreeAttempts"/> failures cost nothing; each further failure blocks the
/// address for <see cref="FirstBlock"/>, doubling, at most <see cref="MaxBlock"/>. Failures older than
/// <see cref="ForgetAfter"/> are forgotten, and a successful login clears the count. Spraying many
/// accounts from one address is limited separately, per address, by the rate limiter in front of login.
/// </summary>
public static class LoginBackOff
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan FirstBlock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxBlock = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>How long the address is blocked after its <paramref name="failures"/>-th failure in a row.</summary>
    public static TimeSpan BlockAfter(int failures)
    {
        if (failures < FreeAttempts) return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeAttempts, 10); // 2^10 minutes is far above the cap
        var block = FirstBlock * (1 << doublings);
        return block < MaxBlock ? block : MaxBlock;
    }

    /// <summary>The count to start from at a new failure: old failures are forgotten.</summary>
    public static int FailuresSoFar(int failures, DateTimeOffset? lastFailureAt, DateTimeOffset now) =>
        lastFailureAt is { } last && now - last < ForgetAfter ? failures : 0;

    /// <summary>
    /// The key an address is counted under: an IPv4 address as it is, an IPv6 address by its /64
    /// network (one subscriber usually holds a whole /64, so rotating inside it gains nothing).
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null) return "ukendt";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
