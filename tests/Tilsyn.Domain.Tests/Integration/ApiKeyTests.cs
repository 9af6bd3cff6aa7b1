using Tilsyn.Integration;

namespace Tilsyn.Tests.Integration;

public sealed class ApiKeyTests
{
    [Fact]
    public void A_new_key_has_the_prefix_and_is_found_by_its_lookup_id()
    {
        var (key, lookup, hash) = ApiKey.New();
        Assert.StartsWith(ApiKey.Prefix, key);
        Assert.Equal(lookup, ApiKey.LookupId(key));
        Assert.True(ApiKey.Matches(key, hash));
        Assert.DoesNotContain(key, hash);
    }

    [Fact]
    public void Two_keys_are_never_the_same()
    {
        Assert.NotEqual(ApiKey.New().Key, ApiKey.New().Key);
    }

    [Fact]
    public void A_changed_key_does_not_match()
    {
        var (key, _, hash) = ApiKey.New();
        var last = key[^1] == 'A' ? 'B' : 'A';
        Assert.False(ApiKey.Matches(key[..^1] + last, hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tilsyn_kort")]
    [InlineData("andet_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tilsyn_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    public void A_malformed_key_has_no_lookup_id(string? key)
    {
        Assert.Null(ApiKey.LookupId(key));
    }
}
