using Tilsyn.Identity;
using Tilsyn.Statistics;

namespace Tilsyn.Tests.Statistics;

public sealed class ComplaintReportAccessTests
{
    private const int Buf = 4, Sof = 5;

    [Theory]
    [InlineData(Roles.Advisor, null, true, true, true)]
    [InlineData(Roles.AdvisorLead, null, true, true, true)]
    [InlineData(Roles.Leadership, null, true, true, false)]
    [InlineData(Roles.AdministrationContact, Buf, true, false, true)]
    [InlineData(Roles.AdministrationContact, null, false, false, false)]
    [InlineData("Unknown", Buf, false, false, false)]
    public void A_committee_report_is_for_the_advisor_Leadership_and_the_administrations_own_users(string role, int? own, bool seesBuf, bool seesSof, bool seesCaseReferences)
    {
        var access = ComplaintReportAccess.For([role], own);
        Assert.Equal(seesBuf, access.MaySee(Buf));
        Assert.Equal(seesSof, access.MaySee(Sof));
        Assert.Equal(seesCaseReferences, access.MaySeeCaseReferences);
    }

    [Fact]
    public void A_contact_is_limited_to_its_own_administration_and_Leadership_to_none()
    {
        Assert.Equal(Buf, ComplaintReportAccess.For([Roles.AdministrationContact], Buf).OnlyAdministration);
        Assert.Null(ComplaintReportAccess.For([Roles.Leadership], null).OnlyAdministration);
        Assert.Null(ComplaintReportAccess.For([Roles.Advisor], null).OnlyAdministration);
    }
}
