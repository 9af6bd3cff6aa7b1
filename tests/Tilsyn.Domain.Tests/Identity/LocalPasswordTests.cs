using Tilsyn.Identity;

namespace Tilsyn.Tests.Identity;

public sealed class LocalPasswordTests
{
    [Fact]
    public void An_installation_with_local_accounts_only_gives_every_user_a_password()
    {
        Assert.True(LocalPassword.Allowed(localAccounts: true, singleSignOn: false, linkedToProvider: false));
        Assert.True(LocalPassword.RequiredForNewUser(localAccounts: true, singleSignOn: false));
        LocalPassword.EnsureMaySet(true, false, false);
    }

    [Fact]
    public void A_link_left_over_from_single_sign_on_that_is_switched_off_does_not_keep_a_user_from_a_password() =>
        Assert.True(LocalPassword.Allowed(localAccounts: true, singleSignOn: false, linkedToProvider: true));

    [Fact]
    public void A_user_linked_to_the_identity_provider_gets_no_local_password()
    {
        Assert.False(LocalPassword.Allowed(localAccounts: true, singleSignOn: true, linkedToProvider: true));
        var ex = Assert.Throws<DomainException>(() => LocalPassword.EnsureMaySet(true, true, true));
        Assert.Contains("kommunens login", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_single_sign_on_and_local_accounts_a_user_not_yet_linked_may_have_a_password_but_need_not()
    {
        Assert.True(LocalPassword.Allowed(localAccounts: true, singleSignOn: true, linkedToProvider: false));
        Assert.False(LocalPassword.RequiredForNewUser(localAccounts: true, singleSignOn: true));
    }

    [Fact]
    public void With_local_accounts_switched_off_nobody_gets_a_password()
    {
        foreach (var linked in new[] { true, false })
        {
            Assert.False(LocalPassword.Allowed(localAccounts: false, singleSignOn: true, linkedToProvider: linked));
            var ex = Assert.Throws<DomainException>(() => LocalPassword.EnsureMaySet(false, true, linked));
            Assert.StartsWith("Lokale adgangskoder er slået fra", ex.Message, StringComparison.Ordinal);
        }
        Assert.False(LocalPassword.RequiredForNewUser(localAccounts: false, singleSignOn: true));
    }
}
