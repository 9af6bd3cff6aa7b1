using Tilsyn.Identity;
using Tilsyn.Publishing;

namespace Tilsyn.Domain.Tests.Publishing;

public sealed class FollowUpAccountAccessTests
{
    public static TheoryData<string, string, int?, bool, bool, bool, bool> Table => new()
    {
        // user, role, administration: see BUF's (4), edit BUF's, see SOF's (5), edit SOF's — all for a published report
        { "advisor", Roles.Advisor, null, true, false, true, false },
        { "advisor lead", Roles.AdvisorLead, null, true, false, true, false },
        { "leadership", Roles.Leadership, null, true, false, true, false },
        { "BUF's contact", Roles.AdministrationContact, 4, true, true, false, false },
        { "a contact without an administration", Roles.AdministrationContact, null, false, false, false, false },
        { "nobody", "Unknown", 4, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Staff_and_leadership_read_every_account_and_a_contact_reads_and_alone_writes_its_own(string user, string role, int? own, bool seeBuf, bool editBuf, bool seeSof, bool editSof)
    {
        var access = FollowUpAccountAccess.For([role], own);
        Assert.True(access.MaySee(true, 4) == seeBuf, user);
        Assert.True(access.MayEdit(true, 4) == editBuf, user);
        Assert.True(access.MaySee(true, 5) == seeSof, user);
        Assert.True(access.MayEdit(true, 5) == editSof, user);
    }

    [Theory]
    [InlineData(Roles.Advisor, null)]
    [InlineData(Roles.Leadership, null)]
    [InlineData(Roles.AdministrationContact, 4)]
    public void There_are_no_accounts_before_the_report_is_published(string role, int? own)
    {
        var access = FollowUpAccountAccess.For([role], own);
        Assert.False(FollowUpAccountAccess.AccountsOpen(false));
        Assert.False(access.MaySee(false, 4));
        Assert.False(access.MayEdit(false, 4));
        Assert.True(FollowUpAccountAccess.AccountsOpen(true));
    }

    [Fact]
    public void A_contacts_overview_is_limited_to_its_own_administration_and_everybody_elses_is_not()
    {
        Assert.Equal(4, FollowUpAccountAccess.For([Roles.AdministrationContact], 4).OnlyAdministration);
        Assert.Null(FollowUpAccountAccess.For([Roles.Advisor], null).OnlyAdministration);
        Assert.Null(FollowUpAccountAccess.For([Roles.Leadership], null).OnlyAdministration);
    }
}
