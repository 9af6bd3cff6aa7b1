using Tilsyn.Complaints;
using Tilsyn.Identity;

namespace Tilsyn.Tests.Complaints;

/// <summary>Need-to-know on an administration's own complaint register (issue 15) and its linked entries.</summary>
public sealed class OwnRegisterAccessTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor BufWorker = new("b1", "Birgit Klage");
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private const int Buf = 4, Sof = 5;

    private static CaseAccess Staff => CaseAccess.For([Roles.Advisor], null);
    private static CaseAccess Caseworker(int administration) => CaseAccess.For([Roles.AdministrationCaseworker], administration);
    private static CaseAccess Contact(int administration) => CaseAccess.For([Roles.AdministrationContact], administration);

    private static ComplaintCase BufOwn() =>
        ComplaintCase.ForAdministration(Buf, 2026, 7, CaseType.Complaint, Channel.Letter,
            new Citizen("Anna Hansen", "anna@example.org", null, "Vej 1", "protected", "010190-xxxx"),
            "Ikke hørt før afgørelsen", "Jeg blev ikke partshørt. CPR 010190-1234.", Monday, new DateOnly(2026, 3, 16), BufWorker);

    private static ComplaintCase AdvisorComplaintAboutBuf(int id = 99)
    {
        var c = new ComplaintCase(2026, 12, CaseType.Complaint, Channel.WebForm,
            new Citizen("Bo Berg", "bo@example.org", null, null, null, null), "Sagsbehandlingstid", "For lang tid.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen, Buf);
        typeof(ComplaintCase).GetProperty(nameof(ComplaintCase.Id))!.SetValue(c, id);
        c.Classify(CaseType.Complaint, Buf, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        return c;
    }

    [Fact]
    public void The_administrations_users_see_and_handle_every_case_of_their_own_register_with_everything_on_it()
    {
        var c = BufOwn();
        c.AddNote("Internt notat i forvaltningen", Monday, BufWorker);
        foreach (var access in new[] { Caseworker(Buf), Contact(Buf) })
        {
            Assert.True(access.MaySee(c));
            Assert.True(access.Visible.Compile()(c));
            Assert.True(access.MayHandle(c));
            Assert.True(access.MaySeeContactDetails(c));
            Assert.True(access.MaySeeCprOf(c));
            Assert.All(c.Documents, d => Assert.True(access.MaySee(c, d)));
            Assert.All(c.Events, e => Assert.True(access.MaySee(c, e)));
            Assert.Contains("010190-1234", access.Shown(c, c.Description));
        }
    }

    [Fact]
    public void Another_administration_sees_nothing_of_the_register()
    {
        var c = BufOwn();
        c.ShareWithAdvisor(Monday, BufWorker);
        foreach (var access in new[] { Caseworker(Sof), Contact(Sof) })
        {
            Assert.False(access.MaySee(c));
            Assert.False(access.Visible.Compile()(c));
            Assert.False(access.MayHandle(c));
            Assert.False(access.MaySeeContactDetails(c));
            Assert.False(access.MaySeeCprOf(c));
            Assert.All(c.Documents, d => Assert.False(access.MaySee(c, d)));
        }
    }

    [Fact]
    public void The_advisor_sees_an_own_register_case_only_once_the_administration_shares_it_and_then_only_reads_it()
    {
        var c = BufOwn();
        Assert.False(Staff.MaySee(c));
        Assert.False(Staff.Visible.Compile()(c));
        Assert.False(Staff.MayHandle(c));
        c.ShareWithAdvisor(Monday, BufWorker);
        Assert.True(Staff.MaySee(c));
        Assert.True(Staff.Visible.Compile()(c));
        Assert.False(Staff.MayHandle(c));
        Assert.False(Staff.MaySeeCprOf(c));
        Assert.Throws<DomainException>(() => c.ShareWithAdvisor(Monday, BufWorker));
    }

    [Fact]
    public void Leadership_and_a_caseworker_without_an_administration_see_no_case_of_any_register()
    {
        var own = BufOwn();
        own.ShareWithAdvisor(Monday, BufWorker);
        foreach (var access in new[] { CaseAccess.For([Roles.Leadership], null), CaseAccess.For([Roles.AdministrationCaseworker], null) })
        {
            Assert.False(access.MaySeeCases);
            Assert.False(access.MaySee(own));
            Assert.False(access.Visible.Compile()(own));
        }
    }

    [Fact]
    public void The_administrations_caseworker_keeps_the_contacts_limited_view_of_the_advisors_cases()
    {
        var c = AdvisorComplaintAboutBuf();
        c.StartReview(Monday, Advisor);
        Assert.False(Caseworker(Buf).MaySee(c));
        c.ShareWithAdministration(false, Monday, Advisor);
        Assert.True(Caseworker(Buf).MaySee(c));
        Assert.False(Caseworker(Buf).MayHandle(c));
        Assert.False(Caseworker(Buf).MaySeeCprOf(c));
        Assert.False(Caseworker(Buf).MaySeeContactDetails(c));
        Assert.True(Staff.MayHandle(c));
    }

    [Fact]
    public void The_advisors_own_steps_are_refused_on_an_own_register_case()
    {
        var c = BufOwn();
        c.StartReview(Monday, BufWorker);
        Assert.Throws<DomainException>(() => c.RequestStatement("Hvorfor?", new DateOnly(2026, 3, 20), Monday, BufWorker));
        Assert.Throws<DomainException>(() => c.StartTargetedEffort(Monday, BufWorker, "Dialog"));
        Assert.Throws<DomainException>(() => c.ShareWithAdministration(false, Monday, BufWorker));
        Assert.Throws<DomainException>(() => c.ShareDocument(1, Monday, BufWorker));
        Assert.Throws<DomainException>(() => c.Classify(CaseType.Complaint, Sof, null, null, [ComplaintCategory.Hearing], Monday, BufWorker));
    }

    [Fact]
    public void An_own_register_case_is_handled_to_a_conclusion_with_the_formal_categories()
    {
        var c = BufOwn();
        c.Classify(CaseType.Complaint, Buf, null, null, [ComplaintCategory.Hearing], Monday, BufWorker);
        c.StartReview(Monday, BufWorker);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Partshøring manglede.", null, "Manglende partshøring.", Monday, BufWorker);
        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.Equal(HandledBy.Administration, c.HandledBy);
        Assert.True(c.Categories.Single().Breached);
    }

    [Fact]
    public void A_linked_entry_carries_no_citizen_data_and_refers_to_the_advisors_case_number()
    {
        var advisor = AdvisorComplaintAboutBuf();
        var entry = ComplaintCase.LinkedEntry(advisor, 2026, 13, Monday, Actor.System);
        Assert.Null(entry.Citizen);
        Assert.Equal(ComplaintCase.LinkedEntrySubject, entry.Subject);
        Assert.DoesNotContain("Sagsbehandlingstid", entry.Description);
        Assert.Equal(advisor.Number, entry.LinkedAdvisorCaseNumber);
        Assert.Equal(Buf, entry.OwnerAdministrationId);
        Assert.Equal(advisor.ReceivedAt, entry.ReceivedAt);
        Assert.Equal([ComplaintCategory.Hearing], entry.Categories.Select(x => x.Category));
        Assert.Empty(entry.OpenDeadlines());
        Assert.True(Caseworker(Buf).MaySee(entry));
        Assert.False(Caseworker(Buf).MayHandle(entry));
        Assert.False(Staff.MaySee(entry));
        Assert.Throws<DomainException>(() => entry.ShareWithAdvisor(Monday, BufWorker));
    }

    [Fact]
    public void A_linked_entry_follows_the_advisors_reclassification_and_conclusion()
    {
        var advisor = AdvisorComplaintAboutBuf();
        var entry = ComplaintCase.LinkedEntry(advisor, 2026, 13, Monday, Actor.System);
        Assert.False(entry.MirrorAdvisorCase(advisor, Monday, Actor.System));
        advisor.Classify(CaseType.Complaint, Buf, null, null, [ComplaintCategory.Hearing, ComplaintCategory.Reasons], Monday, Advisor);
        Assert.True(entry.MirrorAdvisorCase(advisor, Monday, Actor.System));
        Assert.Equal(2, entry.Categories.Count);
        advisor.StartReview(Monday, Advisor);
        advisor.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Kritik.", null, "Resumé.", Monday.AddDays(10), Advisor);
        Assert.True(entry.MirrorAdvisorCase(advisor, Monday.AddDays(10), Actor.System));
        Assert.Equal(CaseStatus.Concluded, entry.Status);
        Assert.Equal(advisor.ConcludedAt, entry.ConcludedAt);
        Assert.Contains(entry.Categories, x => x.Category == ComplaintCategory.Hearing && x.Breached);
    }

    [Fact]
    public void A_linked_entry_cannot_be_linked_to_another_administrations_case_nor_to_a_second_case()
    {
        var advisor = AdvisorComplaintAboutBuf();
        var entry = ComplaintCase.LinkedEntry(advisor, 2026, 13, Monday, Actor.System);
        var other = AdvisorComplaintAboutBuf(100);
        other.Classify(CaseType.Complaint, Sof, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        Assert.Throws<DomainException>(() => entry.LinkToAdvisorCase(other, Monday, Actor.System));
        var second = AdvisorComplaintAboutBuf(101);
        Assert.Throws<DomainException>(() => entry.LinkToAdvisorCase(second, Monday, Actor.System));
        Assert.Throws<DomainException>(() => entry.MirrorAdvisorCase(second, Monday, Actor.System));
    }

    [Fact]
    public void A_linked_entry_whose_advisor_case_moves_to_another_administration_is_closed()
    {
        var advisor = AdvisorComplaintAboutBuf();
        var entry = ComplaintCase.LinkedEntry(advisor, 2026, 13, Monday, Actor.System);
        advisor.Classify(CaseType.Complaint, Sof, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        Assert.True(entry.MirrorAdvisorCase(advisor, Monday, Actor.System));
        Assert.Equal(CaseStatus.Closed, entry.Status);
        Assert.Equal(Buf, entry.OwnerAdministrationId);
    }

    [Fact]
    public void Only_an_advisors_classified_complaint_gets_a_linked_entry()
    {
        var own = BufOwn();
        Assert.Throws<DomainException>(() => ComplaintCase.LinkedEntry(own, 2026, 13, Monday, Actor.System));
        var unclassified = new ComplaintCase(2026, 14, CaseType.Complaint, Channel.WebForm,
            new Citizen("Bo Berg", null, null, "Vej 2", null, null), "Emne", "Tekst", Monday, new DateOnly(2026, 3, 16), Actor.Citizen);
        typeof(ComplaintCase).GetProperty(nameof(ComplaintCase.Id))!.SetValue(unclassified, 5);
        Assert.Throws<DomainException>(() => ComplaintCase.LinkedEntry(unclassified, 2026, 15, Monday, Actor.System));
    }

    [Fact]
    public void The_advisors_register_filter_keeps_out_every_own_register_case()
    {
        var only = CaseRegisters.AdvisorsOwn.Compile();
        Assert.False(only(BufOwn()));
        Assert.True(only(AdvisorComplaintAboutBuf()));
        Assert.True(CaseRegisters.OfAdministration(Buf).Compile()(BufOwn()));
        Assert.False(CaseRegisters.OfAdministration(Sof).Compile()(BufOwn()));
    }

    [Fact]
    public void An_administrations_caseworker_needs_an_administration_and_is_scoped_to_it()
    {
        Assert.Equal(DataScope.None, DataScope.For([Roles.AdministrationCaseworker], null));
        Assert.Equal(Buf, DataScope.For([Roles.AdministrationCaseworker], Buf).AdministrationId);
        Assert.Throws<DomainException>(() => RoleAssignment.Validate(Roles.AdministrationCaseworker, null));
        Assert.Equal(Buf, RoleAssignment.Validate(Roles.AdministrationCaseworker, Buf));
        Assert.Equal("Klagebehandler i forvaltning", Roles.DisplayName(Roles.AdministrationCaseworker));
        Assert.Contains(Roles.AdministrationCaseworker, Roles.All);
    }
}
