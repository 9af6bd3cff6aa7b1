using Tilsyn.Complaints;

namespace Tilsyn.Tests.Complaints;

public sealed class DataSubjectRequestTests
{
    // Monday 2 March 2026, 10:00 in Copenhagen.
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");

    private static ComplaintCase Request(CaseType type = CaseType.DataAccessRequest) =>
        new(2026, 7, type, Channel.Email, new Citizen("Anna Hansen", "anna@example.org", "12345678", "Vej 1", null, null),
            "Anmodning", "Jeg vil se mine oplysninger.", Received, new DateOnly(2026, 4, 2), Actor.Citizen);

    [Theory]
    [InlineData(1, 2026, 5, 2)]
    [InlineData(2, 2026, 6, 2)]
    public void A_request_deadline_is_extended_by_one_or_two_months_from_receipt_with_a_history_line(int months, int y, int m, int d)
    {
        var c = Request();
        c.ExtendRequestDeadline(months, "Mange sager skal gennemgås.", Received.AddDays(10), Advisor);
        Assert.Equal(new DateOnly(y, m, d), c.FirstAnswerDue);
        Assert.Equal("Mange sager skal gennemgås.", c.FirstAnswerExtensionReason);
        Assert.Contains("art. 12, stk. 3", c.Events[^1].Text);
        Assert.Contains("02-04-2026", c.Events[^1].Text);
    }

    [Fact]
    public void A_request_deadline_is_extended_only_once()
    {
        var c = Request();
        c.ExtendRequestDeadline(1, "Kompleks.", Received.AddDays(1), Advisor);
        var e = Assert.Throws<DomainException>(() => c.ExtendRequestDeadline(1, "Igen.", Received.AddDays(2), Advisor));
        Assert.Contains("én gang", e.Message);
        Assert.Equal(new DateOnly(2026, 5, 2), c.FirstAnswerDue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void A_request_deadline_is_not_extended_by_more_than_two_months_or_by_nothing(int months)
    {
        var c = Request();
        Assert.Throws<DomainException>(() => c.ExtendRequestDeadline(months, "Kompleks.", Received.AddDays(1), Advisor));
        Assert.Null(c.FirstAnswerExtendedAt);
    }

    [Fact]
    public void An_extension_needs_a_reason()
    {
        var c = Request();
        Assert.Contains("Begrundelse", Assert.Throws<DomainException>(() => c.ExtendRequestDeadline(1, "  ", Received.AddDays(1), Advisor)).Message);
    }

    [Fact]
    public void An_extension_after_the_first_month_has_run_out_is_refused()
    {
        var c = Request();
        Assert.Contains("inden for den første måned", Assert.Throws<DomainException>(() => c.ExtendRequestDeadline(1, "Sent.", Received.AddDays(32), Advisor)).Message);
    }

    [Fact]
    public void Only_data_subject_requests_get_the_art_12_extension()
    {
        var complaint = new ComplaintCase(2026, 8, CaseType.Complaint, Channel.Email, new Citizen("A B", null, null, null, null, null), "K", "K", Received, new DateOnly(2026, 3, 16), Actor.Citizen);
        Assert.Throws<DomainException>(() => complaint.ExtendRequestDeadline(1, "Kompleks.", Received, Advisor));
        Assert.Throws<DomainException>(() => complaint.ConcludeRequest(true, "Ok.", Received, Advisor));
    }

    [Fact]
    public void A_concluded_request_is_granted_or_refused_and_its_deadline_no_longer_runs()
    {
        var c = Request(CaseType.ErasureRequest);
        c.ConcludeRequest(false, "Afslået efter art. 17, stk. 3, litra b.", Received.AddDays(3), Advisor);
        Assert.Equal(CaseStatus.Concluded, c.Status);
        Assert.False(c.RequestGranted);
        Assert.Empty(c.OpenDeadlines());
        Assert.Throws<DomainException>(() => c.ExtendRequestDeadline(1, "For sent.", Received.AddDays(4), Advisor));
        Assert.Throws<DomainException>(() => c.ConcludeRequest(true, "Igen.", Received.AddDays(4), Advisor));
    }

    [Fact]
    public void A_request_deadline_is_a_first_answer_deadline()
    {
        var c = Request();
        var d = Assert.Single(c.OpenDeadlines());
        Assert.Equal(DeadlineKind.FirstAnswer, d.Kind);
        Assert.Equal(new DateOnly(2026, 4, 2), d.Due);
    }

    [Fact]
    public void Rectification_corrects_the_citizen_and_the_history_names_the_fields_but_not_the_old_values()
    {
        var c = Request(CaseType.Complaint);
        var docs = c.Documents.Count;
        var changes = c.CorrectCitizen("Anna Berg", "anna@example.org", "87654321", "Vej 1", "2026-0000009", Received, Advisor);
        Assert.Equal(["Navn", "Telefon"], changes.Select(x => x.Field));
        Assert.Equal("Anna Hansen", changes[0].Old);
        Assert.Equal("Anna Berg", c.Citizen!.Name);
        Assert.Equal("87654321", c.Citizen.Phone);
        var line = c.Events[^1].Text;
        Assert.Contains("navn, telefon", line);
        Assert.Contains("2026-0000009", line);
        Assert.DoesNotContain("Anna Hansen", line);
        Assert.DoesNotContain("12345678", line);
        Assert.Equal(docs, c.Documents.Count);
    }

    [Fact]
    public void Rectification_that_changes_nothing_is_refused()
    {
        var c = Request(CaseType.Complaint);
        Assert.Throws<DomainException>(() => c.CorrectCitizen("Anna Hansen", "anna@example.org", "12345678", "Vej 1", "2026-0000009", Received, Advisor));
    }

    [Fact]
    public void Rectification_refuses_a_too_long_value_without_changing_anything()
    {
        var c = Request(CaseType.Complaint);
        Assert.Throws<DomainException>(() => c.CorrectCitizen("Anna Berg", new string('a', 300), null, null, "2026-0000009", Received, Advisor));
        Assert.Equal("Anna Hansen", c.Citizen!.Name);
    }
}
