using System.Net;
using Tilsyn.Identity;

namespace Tilsyn.Tests.Identity;

public sealed class LoginBackOffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(8, 8)]
    [InlineData(9, 15)]
    [InlineData(50, 15)]
    [InlineData(int.MaxValue, 15)]
    public void The_block_starts_after_five_failures_doubles_and_stops_at_fifteen_minutes(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), LoginBackOff.BlockAfter(failures));

    [Fact]
    public void Failures_older_than_an_hour_are_forgotten()
    {
        var now = new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(7, LoginBackOff.FailuresSoFar(7, now.AddMinutes(-59), now));
        Assert.Equal(0, LoginBackOff.FailuresSoFar(7, now.AddHours(-1), now));
        Assert.Equal(0, LoginBackOff.FailuresSoFar(7, null, now));
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_are_counted_per_IPv4_address_and_per_IPv6_network(string address, string key) =>
        Assert.Equal(key, LoginBackOff.AddressKey(IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_has_one_key() => Assert.Equal("ukendt", LoginBackOff.AddressKey(null));
}
