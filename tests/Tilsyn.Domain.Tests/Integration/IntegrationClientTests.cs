using Tilsyn.Integration;

namespace Tilsyn.Tests.Integration;

public sealed class IntegrationClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    private static IntegrationClient Client(params string[] scopes) => new("Sagssystem", "sagssystem", scopes, Now, "Kontorchef");

    [Fact]
    public void An_issued_key_is_accepted_and_a_new_one_replaces_it()
    {
        var client = Client(IntegrationScopes.CasesWrite);
        var first = client.IssueKey(Now);
        Assert.True(client.AcceptsKey(first));
        var second = client.IssueKey(Now);
        Assert.False(client.AcceptsKey(first));
        Assert.True(client.AcceptsKey(second));
    }

    [Fact]
    public void A_revoked_client_accepts_no_key_and_has_no_scopes()
    {
        var client = Client(IntegrationScopes.CasesWrite);
        var key = client.IssueKey(Now);
        client.Revoke(Now);
        Assert.False(client.AcceptsKey(key));
        Assert.Empty(client.EffectiveScopes(null));
        Assert.Empty(client.EffectiveScopes(new HashSet<string> { IntegrationScopes.CasesWrite }));
    }

    [Fact]
    public void A_revoked_client_cannot_be_changed_or_given_a_key()
    {
        var client = Client();
        client.Revoke(Now);
        Assert.Throws<DomainException>(() => client.IssueKey(Now));
        Assert.Throws<DomainException>(() => client.Change("Andet", null, []));
        Assert.Throws<DomainException>(() => client.Revoke(Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_client_needs_a_name(string name)
    {
        Assert.Throws<DomainException>(() => new IntegrationClient(name, null, [], Now, "x"));
    }

    [Fact]
    public void A_client_id_with_spaces_is_refused_and_an_empty_one_means_none()
    {
        Assert.Throws<DomainException>(() => new IntegrationClient("A", "to ord", [], Now, "x"));
        Assert.Null(new IntegrationClient("A", "  ", [], Now, "x").OAuthClientId);
    }

    [Fact]
    public void Use_is_recorded_at_most_once_a_minute()
    {
        var client = Client();
        Assert.True(client.UseWorthRecording(Now));
    }
}
