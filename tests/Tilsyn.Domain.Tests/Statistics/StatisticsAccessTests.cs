using Tilsyn.Identity;
using Tilsyn.Statistics;

namespace Tilsyn.Tests.Statistics;

public sealed class StatisticsAccessTests
{
    private const int Buf = 4, Sof = 5;

    [Theory]
    [InlineData(Roles.Advisor, null, true, true)]
    [InlineData(Roles.AdvisorLead, null, true, true)]
    [InlineData(Roles.Leadership, null, true, true)]
    [InlineData(Roles.AdministrationContact, Buf, true, false)]
    [InlineData(Roles.AdministrationContact, null, false, false)]
    [InlineData("Unknown", Buf, false, false)]
    public void Per_unit_figures_of_an_administration_are_hidden_from_other_administrations_contacts(string role, int? own, bool seesBufUnits, bool seesSofUnits)
    {
        var access = StatisticsAccess.For([role], own);
        Assert.Equal(seesBufUnits, access.MaySeeUnitsOf(Buf));
        Assert.Equal(seesSofUnits, access.MaySeeUnitsOf(Sof));
        Assert.Equal(seesSofUnits, access.SeesAllUnits);
    }

    [Fact]
    public void A_contact_is_limited_to_its_own_administrations_units()
    {
        Assert.Equal(Buf, StatisticsAccess.For([Roles.AdministrationContact], Buf).OnlyUnitsOf);
        Assert.Null(StatisticsAccess.For([Roles.Leadership], null).OnlyUnitsOf);
    }
}
