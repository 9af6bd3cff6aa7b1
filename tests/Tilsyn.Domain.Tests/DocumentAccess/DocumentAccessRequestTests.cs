using Tilsyn.Complaints;
using Tilsyn.DocumentAccess;

namespace Tilsyn.Tests.DocumentAccess;

public sealed class DocumentAccessRequestTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    private static ComplaintCase Case(CaseType type) =>
        new(2026, 50, type, Channel.Email, new Citizen("Journalist Jensen", "j@example.dk", null, null, null, null), "Aktindsigt", "Anmodning",
            At, new DateOnly(2026, 11, 12), Actor.System);

    private static DocumentAccessRequest Request()
    {
        var r = new DocumentAccessRequest(Case(CaseType.DocumentAccessRequest));
        r.Concern("2026-0000012");
        return r;
    }

    [Fact]
    public void Only_an_aktindsigt_case_can_carry_the_request()
    {
        var e = Assert.Throws<DomainException>(() => new DocumentAccessRequest(Case(CaseType.Complaint)));
        Assert.Contains("ikke en anmodning om aktindsigt", e.Message);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("2026-12")]
    [InlineData("2026-0000050")]
    public void A_malformed_number_or_the_request_itself_is_refused_as_concerned_case(string number)
    {
        Assert.Throws<DomainException>(() => new DocumentAccessRequest(Case(CaseType.DocumentAccessRequest)).Concern(number));
    }

    [Fact]
    public void The_same_case_is_not_named_twice()
    {
        Assert.Throws<DomainException>(() => Request().Concern("2026-0000012"));
    }

    [Fact]
    public void A_document_can_only_be_chosen_from_a_named_case()
    {
        var e = Assert.Throws<DomainException>(() => Request().Choose("2026-0000099", 1, DocumentForm.Text));
        Assert.Contains("tilføj sagen først", e.Message);
    }

    [Fact]
    public void A_file_that_cannot_go_into_the_pdf_is_refused_for_release_but_can_be_withheld()
    {
        var r = Request();
        Assert.Throws<DomainException>(() => r.Choose("2026-0000012", 3, DocumentForm.OtherFile));
        r.Withhold("2026-0000012", 3, DocumentForm.OtherFile, ExemptionGround.PrivateMatters);
        Assert.True(r.Item("2026-0000012", 3)!.Withheld);
        Assert.Throws<DomainException>(() => r.ClearRedactions("2026-0000012", 3));
    }

    [Fact]
    public void A_file_cannot_be_redacted_only_released_whole_or_withheld()
    {
        var r = Request();
        r.Choose("2026-0000012", 2, DocumentForm.PdfFile);
        var e = Assert.Throws<DomainException>(() => r.Redact("2026-0000012", 2, ExemptionGround.PrivateMatters, 10, [], 100, [new(0, 5)]));
        Assert.Contains("fil", e.Message);
    }

    [Fact]
    public void Redactions_accumulate_and_merge_under_one_ground()
    {
        var r = Request();
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        r.Redact("2026-0000012", 1, ExemptionGround.PrivateMatters, 10, [], 100, [new(10, 20)]);
        r.Redact("2026-0000012", 1, ExemptionGround.PrivateMatters, 10, [new(0, 3)], 100, [new(15, 25)]);
        var item = r.Item("2026-0000012", 1)!;
        Assert.Equal([new RedactionSpan(10, 25)], item.TextSpans);
        Assert.Equal([new RedactionSpan(0, 3)], item.TitleSpans);
        Assert.Throws<DomainException>(() => r.Redact("2026-0000012", 1, ExemptionGround.InternalDocument, 10, [], 100, [new(50, 60)]));
    }

    [Fact]
    public void Full_access_is_refused_while_anything_is_withheld_or_redacted()
    {
        var r = Request();
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        r.Redact("2026-0000012", 1, ExemptionGround.PrivateMatters, 10, [], 100, [new(10, 20)]);
        Assert.Throws<DomainException>(() => r.Decide(AccessDecision.Granted, [], At, "Sagsbehandler"));
        r.Decide(AccessDecision.PartlyGranted, [], At, "Sagsbehandler");
        Assert.Equal([ExemptionGround.PrivateMatters], r.Grounds);
    }

    [Fact]
    public void Partial_access_needs_something_released_and_something_withheld()
    {
        var r = Request();
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        Assert.Throws<DomainException>(() => r.Decide(AccessDecision.PartlyGranted, [], At, "x"));
        r.Decide(AccessDecision.Granted, [], At, "x");
        Assert.Equal(AccessDecision.Granted, r.Decision);
    }

    [Fact]
    public void A_refusal_releases_nothing_and_names_its_rule()
    {
        var r = Request();
        Assert.Throws<DomainException>(() => r.Decide(AccessDecision.Refused, [], At, "x"));
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        Assert.Throws<DomainException>(() => r.Decide(AccessDecision.Refused, [ExemptionGround.Employment], At, "x"));
        r.Unchoose("2026-0000012", 1);
        r.Decide(AccessDecision.Refused, [ExemptionGround.Employment], At, "x");
        Assert.Equal([ExemptionGround.Employment], r.Grounds);
    }

    [Fact]
    public void A_decided_request_is_frozen()
    {
        var r = Request();
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        r.Decide(AccessDecision.Granted, [], At, "x");
        Assert.Throws<DomainException>(() => r.Choose("2026-0000012", 2, DocumentForm.Text));
        Assert.Throws<DomainException>(() => r.Concern("2026-0000013"));
        Assert.Throws<DomainException>(() => r.Decide(AccessDecision.Granted, [], At, "x"));
    }

    [Fact]
    public void Taking_a_case_out_takes_its_documents_out_too()
    {
        var r = Request();
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        r.Unconcern("2026-0000012");
        Assert.Empty(r.Items);
        Assert.Empty(r.Cases);
    }

    [Fact]
    public void The_refusal_letter_cites_the_rule_and_sends_complaints_through_the_advisor_to_Ankestyrelsen()
    {
        var r = Request();
        r.Withhold("2026-0000012", 1, DocumentForm.Text, ExemptionGround.PrivateMatters);
        r.Decide(AccessDecision.Refused, [], At, "x");
        var (title, body) = DecisionLetter.Compose(r, "Journalist Jensen");
        Assert.StartsWith("Afslag på aktindsigt", title);
        Assert.Contains("offentlighedslovens § 30, nr. 1", body);
        Assert.Contains("enkeltpersoners private", body);
        Assert.Contains("Ankestyrelsen", body);
        Assert.Contains("§ 37, stk. 2", body);
    }

    [Fact]
    public void A_full_grant_letter_has_no_complaint_guidance()
    {
        var r = Request();
        r.Choose("2026-0000012", 1, DocumentForm.Text);
        r.Decide(AccessDecision.Granted, [], At, "x");
        var (_, body) = DecisionLetter.Compose(r, "J");
        Assert.DoesNotContain("Klagevejledning", body);
    }

    [Fact]
    public void Every_ground_names_a_section_of_the_act()
    {
        foreach (var g in ExemptionGrounds.All)
            Assert.StartsWith("offentlighedslovens § ", g.Rule());
    }
}
