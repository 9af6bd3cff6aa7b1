using Tilsyn.Complaints;
using Tilsyn.Identity;

namespace Tilsyn.Tests.Complaints;

public sealed class CaseAccessTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private const int Buf = 4, Sof = 5;

    private static ComplaintCase BufCase()
    {
        var c = new ComplaintCase(2026, 42, CaseType.Complaint, Channel.WebForm,
            new Citizen("Anna Hansen", "anna@example.org", "12345678", "Vej 1", "protected", "010190-xxxx"),
            "Manglende partshøring", "Mit CPR-nummer er 010190-1234, og vi blev ikke hørt.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen, Buf);
        c.AddNote("Internt: ring til lederen", Monday, Advisor);
        c.AddDocument(DocumentKind.Attachment, "Bilag: afgørelse.pdf", Monday, Actor.Citizen, null, "afgørelse.pdf", "application/pdf", [1]);
        return c;
    }

    private static ComplaintCase UnderReview()
    {
        var c = BufCase();
        c.Classify(CaseType.Complaint, Buf, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        return c;
    }

    private static CaseAccess Contact(int administration) => CaseAccess.For([Roles.AdministrationContact], administration);

    [Fact]
    public void A_contact_does_not_see_its_administrations_case_before_the_advisor_involves_it()
    {
        var c = UnderReview();
        Assert.False(Contact(Buf).MaySee(c));
        Assert.False(Contact(Buf).Visible.Compile()(c));
        Assert.True(CaseAccess.For([Roles.Advisor], null).MaySee(c));
    }

    [Fact]
    public void A_statement_request_shares_the_case_with_its_administration_without_contact_details()
    {
        var c = UnderReview();
        c.RequestStatement("Hvorfor?", new DateOnly(2026, 3, 16), Monday, Advisor);
        Assert.True(Contact(Buf).MaySee(c));
        Assert.False(Contact(Buf).MaySeeContactDetails(c));
        Assert.False(Contact(Sof).MaySee(c));
    }

    [Fact]
    public void A_targeted_effort_shares_the_case_with_its_administration()
    {
        var c = UnderReview();
        c.StartTargetedEffort(Monday, Advisor, "Dialog med enheden");
        Assert.True(Contact(Buf).MaySee(c));
    }

    [Fact]
    public void The_share_step_shares_the_case_and_the_contact_details_only_when_asked()
    {
        var c = UnderReview();
        c.ShareWithAdministration(false, Monday, Advisor);
        Assert.True(Contact(Buf).MaySee(c));
        Assert.False(Contact(Buf).MaySeeContactDetails(c));
        c.ShareWithAdministration(true, Monday, Advisor);
        Assert.True(Contact(Buf).MaySeeContactDetails(c));
        Assert.Contains("kontaktoplysninger", c.Events[^1].Text);
    }

    [Fact]
    public void Sharing_twice_is_refused_and_a_case_without_administration_cannot_be_shared()
    {
        var c = UnderReview();
        c.ShareWithAdministration(false, Monday, Advisor);
        Assert.Throws<DomainException>(() => c.ShareWithAdministration(false, Monday, Advisor));
        var unknown = new ComplaintCase(2026, 43, CaseType.Complaint, Channel.WebForm, new Citizen("A", null, null, null, null, null),
            "Emne", "Tekst", Monday, new DateOnly(2026, 3, 16), Actor.Citizen);
        Assert.Throws<DomainException>(() => unknown.ShareWithAdministration(false, Monday, Advisor));
    }

    [Fact]
    public void Moving_the_case_to_another_administration_hides_it_from_the_first_until_the_new_one_is_involved()
    {
        var c = UnderReview();
        c.ShareWithAdministration(true, Monday, Advisor);
        c.Classify(CaseType.Complaint, Sof, null, null, [ComplaintCategory.Hearing], Monday, Advisor);
        Assert.False(Contact(Buf).MaySee(c));
        Assert.False(Contact(Sof).MaySee(c));
        c.ShareWithAdministration(false, Monday, Advisor);
        Assert.True(Contact(Sof).MaySee(c));
        Assert.False(Contact(Sof).MaySeeContactDetails(c));
    }

    [Fact]
    public void A_contact_sees_only_shared_documents_and_statement_documents_never_notes()
    {
        var c = UnderReview();
        var request = c.RequestStatement("Hvorfor?", new DateOnly(2026, 3, 16), Monday, Advisor);
        c.ReceiveStatement(request, "Vi beklager.", Monday, new Actor("u2", "BUF"));
        var contact = Contact(Buf);
        var note = c.Documents.Single(d => d.Kind == DocumentKind.Note);
        var attachment = c.Documents.Single(d => d.Kind == DocumentKind.Attachment);
        var statement = c.Documents.Single(d => d.Kind == DocumentKind.Statement);
        Assert.False(contact.MaySee(note));
        Assert.False(contact.MaySee(attachment));
        Assert.True(contact.MaySee(statement));
        c.ShareDocument(attachment.Sequence, Monday, Advisor);
        Assert.True(contact.MaySee(attachment));
        Assert.Throws<DomainException>(() => c.ShareDocument(note.Sequence, Monday, Advisor));
        Assert.Throws<DomainException>(() => c.ShareDocument(attachment.Sequence, Monday, Advisor));
        Assert.Throws<DomainException>(() => c.ShareDocument(99, Monday, Advisor));
    }

    [Fact]
    public void A_document_cannot_be_shared_before_the_case_is()
    {
        var c = UnderReview();
        Assert.Throws<DomainException>(() => c.ShareDocument(c.Documents.Single(d => d.Kind == DocumentKind.Attachment).Sequence, Monday, Advisor));
    }

    [Fact]
    public void A_contact_never_sees_the_cpr_number_and_reads_free_text_with_it_replaced()
    {
        var staff = CaseAccess.For([Roles.AdvisorLead], null);
        var contact = Contact(Buf);
        Assert.True(staff.MaySeeCpr);
        Assert.False(contact.MaySeeCpr);
        var c = BufCase();
        Assert.Equal(c.Description, staff.Shown(c.Description));
        Assert.DoesNotContain("010190-1234", contact.Shown(c.Description));
        Assert.Contains("[cpr-nr.]", contact.Shown(c.Description));
    }

    [Fact]
    public void A_contact_sees_the_status_history_and_statement_requests_of_its_own_administration_only()
    {
        var c = UnderReview();
        var request = c.RequestStatement("Hvorfor?", new DateOnly(2026, 3, 16), Monday, Advisor);
        var contact = Contact(Buf);
        Assert.All(c.Events.Where(contact.MaySee), e => Assert.NotNull(e.ToStatus));
        Assert.DoesNotContain(c.Events.Where(contact.MaySee), e => e.Text.Contains("Notat"));
        Assert.True(contact.MaySee(request));
        Assert.False(Contact(Sof).MaySee(request));
    }

    public static TheoryData<string, string[], int?, bool, bool> Users => new()
    {
        // user, roles, administration: sees cases at all, searches internal text
        { "advisor", [Roles.Advisor], null, true, true },
        { "advisor lead", [Roles.AdvisorLead], null, true, true },
        { "BUF's contact", [Roles.AdministrationContact], Buf, true, false },
        { "a contact without an administration", [Roles.AdministrationContact], null, false, false },
        { "leadership", [Roles.Leadership], null, false, false },
        { "nobody", [], null, false, false },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public void Only_staff_search_internal_text_and_leadership_sees_no_case(string user, string[] roles, int? own, bool seesCases, bool internalText)
    {
        var access = CaseAccess.For(roles, own);
        Assert.True(seesCases == access.MaySeeCases, user);
        Assert.True(internalText == access.SearchesInternalText, user);
        var c = UnderReview();
        c.ShareWithAdministration(false, Monday, Advisor);
        Assert.True(access.MaySee(c) == access.Visible.Compile()(c), user);
    }
}
