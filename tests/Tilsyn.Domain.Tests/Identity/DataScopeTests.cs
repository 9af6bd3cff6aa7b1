using Tilsyn.Identity;

namespace Tilsyn.Tests.Identity;

public sealed class DataScopeTests
{
    [Fact]
    public void Advisor_staff_see_every_administration()
    {
        Assert.True(DataScope.For([Roles.Advisor], null).Covers(3));
        Assert.True(DataScope.For([Roles.AdvisorLead], null).Covers(7));
    }

    [Fact]
    public void A_contact_sees_its_own_administration_only()
    {
        var scope = DataScope.For([Roles.AdministrationContact], 4);
        Assert.True(scope.Covers(4));
        Assert.False(scope.Covers(5));
    }

    [Fact]
    public void Leadership_sees_no_case_data()
    {
        var scope = DataScope.For([Roles.Leadership], null);
        Assert.False(scope.MaySeeCaseData);
        Assert.False(scope.Covers(1));
    }

    [Fact]
    public void A_contact_without_an_administration_fails_closed()
    {
        Assert.Equal(DataScope.None, DataScope.For([Roles.AdministrationContact], null));
        Assert.Equal(DataScope.None, DataScope.For([], 3));
    }

    [Fact]
    public void Only_a_contact_belongs_to_an_administration()
    {
        Assert.Equal(5, RoleAssignment.Validate(Roles.AdministrationContact, 5));
        Assert.Null(RoleAssignment.Validate(Roles.Advisor, null));
        Assert.Equal("En kontaktperson skal høre til en forvaltning.",
            Assert.Throws<DomainException>(() => RoleAssignment.Validate(Roles.AdministrationContact, null)).Message);
        Assert.Throws<DomainException>(() => RoleAssignment.Validate(Roles.Leadership, 2));
        Assert.Throws<DomainException>(() => RoleAssignment.Validate("Superuser", null));
    }
}
