using Tilsyn.Identity;

namespace Tilsyn.Tests.Identity;

public sealed class UserDeactivationTests
{
    [Fact]
    public void A_head_of_office_may_deactivate_another_user() =>
        UserDeactivation.EnsureMayDeactivate("lead", "advisor", alreadyDeactivated: false, targetIsActiveLead: false, activeLeads: 1);

    [Fact]
    public void A_head_of_office_may_deactivate_another_head_of_office_while_one_stays_active() =>
        UserDeactivation.EnsureMayDeactivate("lead", "lead2", alreadyDeactivated: false, targetIsActiveLead: true, activeLeads: 2);

    [Fact]
    public void Nobody_deactivates_themself()
    {
        var ex = Assert.Throws<DomainException>(() => UserDeactivation.EnsureMayDeactivate("lead", "lead", false, true, 3));
        Assert.Equal("Du kan ikke deaktivere dig selv.", ex.Message);
    }

    [Fact]
    public void The_last_active_head_of_office_cannot_be_deactivated()
    {
        var ex = Assert.Throws<DomainException>(() => UserDeactivation.EnsureMayDeactivate("lead", "lead2", false, true, 1));
        Assert.Contains("sidste aktive kontorchef", ex.Message);
    }

    [Fact]
    public void A_deactivated_user_is_not_deactivated_twice() =>
        Assert.Throws<DomainException>(() => UserDeactivation.EnsureMayDeactivate("lead", "advisor", true, false, 1));

    [Fact]
    public void Only_a_deactivated_user_can_be_reactivated()
    {
        UserDeactivation.EnsureMayReactivate(deactivated: true);
        Assert.Throws<DomainException>(() => UserDeactivation.EnsureMayReactivate(deactivated: false));
    }

    [Fact]
    public void The_last_active_head_of_office_cannot_be_given_another_role()
    {
        var ex = Assert.Throws<DomainException>(() => UserDeactivation.EnsureMayChangeRole(targetIsActiveLead: true, Roles.Advisor, activeLeads: 1));
        Assert.Contains("sidste aktive kontorchef", ex.Message);
    }

    [Fact]
    public void A_head_of_office_may_be_given_another_role_while_another_stays() =>
        UserDeactivation.EnsureMayChangeRole(targetIsActiveLead: true, Roles.Advisor, activeLeads: 2);

    [Fact]
    public void The_last_head_of_office_may_keep_the_role_while_the_details_change() =>
        UserDeactivation.EnsureMayChangeRole(targetIsActiveLead: true, Roles.AdvisorLead, activeLeads: 1);
}
