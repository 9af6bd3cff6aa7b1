using Tilsyn.Identity;

namespace Tilsyn.Tests.Identity;

public sealed class MfaRequirementTests
{
    [Theory]
    [InlineData(Roles.Advisor, true)]
    [InlineData(Roles.AdvisorLead, true)]
    [InlineData(Roles.AdministrationContact, false)]
    [InlineData(Roles.Leadership, false)]
    public void Roles_that_can_reveal_a_cpr_number_or_administer_users_must_use_mfa(string role, bool required) =>
        Assert.Equal(required, MfaRequirement.IsRequired(requiredSetting: true, [role]));

    [Theory]
    [InlineData(Roles.Advisor)]
    [InlineData(Roles.AdvisorLead)]
    public void Nobody_must_use_mfa_when_the_installation_switches_the_requirement_off(string role) =>
        Assert.False(MfaRequirement.IsRequired(requiredSetting: false, [role]));

    [Fact]
    public void A_user_without_a_role_need_not_use_mfa() =>
        Assert.False(MfaRequirement.IsRequired(requiredSetting: true, []));

    [Fact]
    public void An_advisor_may_not_switch_mfa_off()
    {
        var refused = Assert.Throws<DomainException>(() => MfaRequirement.EnsureMaySwitchOff(true, [Roles.Advisor]));
        Assert.Contains("kræver", refused.Message);
    }

    [Theory]
    [InlineData(Roles.Leadership, true)]
    [InlineData(Roles.AdministrationContact, true)]
    [InlineData(Roles.Advisor, false)]
    public void Leadership_and_contacts_may_switch_mfa_off_and_so_may_anyone_when_it_is_not_required(string role, bool setting) =>
        MfaRequirement.EnsureMaySwitchOff(setting, [role]);

    [Fact]
    public void A_password_session_of_an_advisor_without_the_code_step_is_not_valid()
    {
        Assert.False(MfaRequirement.PasswordSessionIsValid(true, [Roles.Advisor], codeGiven: false));
        Assert.True(MfaRequirement.PasswordSessionIsValid(true, [Roles.Advisor], codeGiven: true));
    }

    [Fact]
    public void A_password_session_of_leadership_is_valid_without_the_code_step() =>
        Assert.True(MfaRequirement.PasswordSessionIsValid(true, [Roles.Leadership], codeGiven: false));
}
