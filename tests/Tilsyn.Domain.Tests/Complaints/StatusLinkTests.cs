using Tilsyn.Complaints;

namespace Tilsyn.Tests.Complaints;

public sealed class StatusLinkTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");

    private static ComplaintCase NewCase(string? email = "anna@example.org")
    {
        var c = new ComplaintCase(2026, 42, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", email, null, null, null, null),
            "Manglende partshøring", "Min datter mistede sin plads uden at vi blev hørt.", Monday, new DateOnly(2026, 3, 16), Actor.Citizen);
        c.SetStatusToken("first-hash", Monday);
        return c;
    }

    [Fact]
    public void A_reissued_link_replaces_the_old_one_and_the_history_says_so()
    {
        var c = NewCase();
        c.ReissueStatusLink("second-hash", Monday.AddDays(3), Advisor);
        Assert.Equal("second-hash", c.StatusTokenHash);
        Assert.Equal(Monday.AddDays(3), c.StatusLinkIssuedAt);
        Assert.Contains("Nyt link", c.Events[^1].Text);
        Assert.Equal("Sara Holm", c.Events[^1].ActorName);
    }

    [Fact]
    public void A_revoked_link_leaves_no_hash_to_match_and_can_be_replaced_later()
    {
        var c = NewCase();
        c.RevokeStatusLink(Monday.AddDays(1), Advisor);
        Assert.Null(c.StatusTokenHash);
        Assert.Equal(Monday.AddDays(1), c.StatusLinkRevokedAt);
        Assert.Contains("tilbagekaldt", c.Events[^1].Text);

        c.ReissueStatusLink("new-hash", Monday.AddDays(2), Advisor);
        Assert.Equal("new-hash", c.StatusTokenHash);
        Assert.Null(c.StatusLinkRevokedAt);
    }

    [Fact]
    public void Revoking_a_link_that_is_already_revoked_is_refused()
    {
        var c = NewCase();
        c.RevokeStatusLink(Monday, Advisor);
        var ex = Assert.Throws<DomainException>(() => c.RevokeStatusLink(Monday, Advisor));
        Assert.Contains("intet gyldigt link", ex.Message);
    }

    [Fact]
    public void A_new_link_is_refused_without_an_email_address_to_send_it_to()
    {
        var c = NewCase(email: null);
        var ex = Assert.Throws<DomainException>(() => c.ReissueStatusLink("x", Monday, Advisor));
        Assert.Contains("e-mailadresse", ex.Message);
        Assert.Equal("first-hash", c.StatusTokenHash);
    }

    [Fact]
    public void A_new_link_is_refused_half_a_year_after_the_case_was_closed()
    {
        var c = NewCase();
        c.Reject("Uden for kompetence", Monday, Advisor);
        c.Close(Monday, Advisor);
        var ex = Assert.Throws<DomainException>(() => c.ReissueStatusLink("x", Monday.AddDays(200), Advisor));
        Assert.Contains("halvt år", ex.Message);
        c.ReissueStatusLink("y", Monday.AddDays(100), Advisor);
        Assert.Equal("y", c.StatusTokenHash);
    }
}
