using Tilsyn.Integration;

namespace Tilsyn.Tests.Integration;

public sealed class IntegrationScopesTests
{
    private static readonly HashSet<string> Both = [IntegrationScopes.CasesWrite, IntegrationScopes.CasesRead];

    [Fact]
    public void A_token_gets_only_the_scopes_it_carries_that_the_registry_also_grants()
    {
        var effective = IntegrationScopes.Effective(new HashSet<string> { IntegrationScopes.CasesWrite, IntegrationScopes.ExtractsWrite }, Both);
        Assert.Equal([IntegrationScopes.CasesWrite], effective);
    }

    [Fact]
    public void A_key_gets_the_registry_grants()
    {
        Assert.Equal(Both, IntegrationScopes.Effective(null, Both).ToHashSet());
    }

    [Fact]
    public void Space_separated_scopes_are_read_and_unknown_ones_dropped()
    {
        var parsed = IntegrationScopes.Parse(["openid tilsyn.cases.read  tilsyn.cases.write", "tilsyn.admin", null]);
        Assert.Equal(Both, parsed.ToHashSet());
    }

    [Fact]
    public void Granting_an_unknown_scope_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => IntegrationScopes.Check(["tilsyn.cases.read", "tilsyn.everything"]));
        Assert.Contains("tilsyn.everything", refused.Message);
    }

    [Theory]
    [InlineData("client_id", "openiddict-klient")]
    [InlineData("azp", "entra-v2-app")]
    [InlineData("appid", "entra-v1-app")]
    public void The_client_is_read_from_the_claim_each_provider_uses(string claim, string id)
    {
        Assert.Equal(id, TokenClient.ClientId([("sub", "noget"), (claim, id)]));
    }

    [Fact]
    public void Client_id_wins_over_azp_and_appid()
    {
        Assert.Equal("a", TokenClient.ClientId([("appid", "c"), ("azp", "b"), ("client_id", "a")]));
    }

    [Fact]
    public void A_token_without_a_client_names_none()
    {
        Assert.Null(TokenClient.ClientId([("sub", "person"), ("client_id", " ")]));
    }

    [Fact]
    public void Entra_app_roles_count_as_scopes()
    {
        var scopes = TokenClient.Scopes([("roles", IntegrationScopes.CasesWrite), ("roles", IntegrationScopes.ExtractsWrite), ("scp", "tilsyn.cases.read")]);
        Assert.Equal(IntegrationScopes.All.ToHashSet(), scopes.ToHashSet());
    }
}
