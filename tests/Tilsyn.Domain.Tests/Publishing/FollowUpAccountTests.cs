using Tilsyn.Publishing;
using Tilsyn.Recommendations;

namespace Tilsyn.Domain.Tests.Publishing;

public sealed class FollowUpAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static int nextId;

    /// <summary>A recommendation of the register as stored (with its own id, as the database gives it).</summary>
    private static Recommendation Rec(string text, int administration = 4, int year = 2026)
    {
        var r = new Recommendation(RecommendationSource.AnnualReport, AnnualReport.Reference(year), administration, null, text, new DateOnly(2027, 3, 1), Now, "Sara Holm");
        typeof(Recommendation).GetProperty(nameof(Recommendation.Id))!.SetValue(r, Interlocked.Increment(ref nextId));
        return r;
    }

    private static FollowUpAccount Draft(params Recommendation[] recs)
    {
        var account = new FollowUpAccount(2026, 4, "Børne- og Ungdomsudvalget");
        account.Edit("Børne- og Ungdomsudvalget", "BUF's opfølgning.", recs.Select(r => new AccountItem(r.Id, "Ny procedure.", "Stikprøver.")), Now, "Lene");
        return account;
    }

    [Fact]
    public void A_draft_takes_the_committee_introduction_and_answers_trimmed()
    {
        var account = new FollowUpAccount(2026, 4, null);
        account.Edit("  Udvalget ", " Indledning ", [new AccountItem(1, " Gjort ", "")], Now, "Lene");
        Assert.Equal(("Udvalget", "Indledning"), (account.Committee, account.Introduction));
        Assert.Equal(new AccountItem(1, "Gjort", ""), Assert.Single(account.Items));
        Assert.Equal((Now, "Lene"), (account.UpdatedAt, account.UpdatedBy));
        Assert.False(account.IsSubmitted);
    }

    [Fact]
    public void A_too_long_answer_is_refused_naming_the_limit()
    {
        var account = new FollowUpAccount(2026, 4, null);
        Assert.Contains("2000", Assert.Throws<DomainException>(() => account.Edit("U", "", [new AccountItem(1, new string('x', 2001), "")], Now, "L")).Message);
        Assert.Empty(account.Items);
    }

    [Fact]
    public void A_recommendation_answered_twice_is_refused() =>
        Assert.Throws<DomainException>(() => new FollowUpAccount(2026, 4, null).Edit("U", "", [new AccountItem(1, "a", ""), new AccountItem(1, "b", "")], Now, "L"));

    [Fact]
    public void Submitting_reports_progress_on_each_open_recommendation_and_freezes_the_account()
    {
        var rec = Rec("Partshør forældrene.");
        var account = Draft(rec);
        account.Submit([rec], Now.AddHours(1), "Lene");
        Assert.Equal(Now.AddHours(1), account.SubmittedAt);
        Assert.Equal(RecommendationStatus.InProgress, rec.Status);
        Assert.Equal("Redegørelse til Børne- og Ungdomsudvalget om Beretning 2026. Gjort: Ny procedure. Planlagt: Stikprøver.", rec.Updates.Last().Text);
    }

    [Fact]
    public void A_submitted_account_cannot_be_edited()
    {
        var rec = Rec("Partshør forældrene.");
        var account = Draft(rec);
        account.Submit([rec], Now, "Lene");
        Assert.Contains("indsendt", Assert.Throws<DomainException>(() => account.Edit("Andet udvalg", "", [], Now, "Lene")).Message);
        Assert.Equal("Børne- og Ungdomsudvalget", account.Committee);
    }

    [Fact]
    public void An_account_cannot_be_submitted_twice()
    {
        var rec = Rec("Partshør forældrene.");
        var account = Draft(rec);
        account.Submit([rec], Now, "Lene");
        Assert.Contains("indsendt", Assert.Throws<DomainException>(() => account.Submit([rec], Now.AddDays(1), "Lene")).Message);
        Assert.Single(rec.Updates);
        Assert.Equal(Now, account.SubmittedAt);
    }

    [Fact]
    public void An_account_without_a_committee_cannot_be_submitted()
    {
        var account = new FollowUpAccount(2026, 4, null);
        account.Edit("", "", [], Now, "Lene");
        Assert.Contains("Udvalg", Assert.Throws<DomainException>(() => account.Submit([], Now, "Lene")).Message);
        Assert.False(account.IsSubmitted);
    }

    [Fact]
    public void Every_open_recommendation_needs_an_answer_before_submitting_and_nothing_is_reported_until_then()
    {
        var answered = Rec("Partshør forældrene.");
        var unanswered = Rec("Begrund afgørelserne.");
        var account = Draft(answered);
        var ex = Assert.Throws<DomainException>(() => account.Submit([answered, unanswered], Now, "Lene"));
        Assert.Contains("Begrund afgørelserne.", ex.Message);
        Assert.Empty(answered.Updates);
        Assert.False(account.IsSubmitted);
    }

    [Fact]
    public void A_closed_recommendation_needs_no_answer_and_gets_no_progress()
    {
        var open = Rec("Partshør forældrene.");
        var closed = Rec("Begrund afgørelserne.");
        closed.Close("Fulgt.", Now, "Sara Holm");
        var account = Draft(open);
        account.Submit([open, closed], Now, "Lene");
        Assert.Single(closed.Updates);
        Assert.True(account.IsSubmitted);
    }

    [Theory]
    [InlineData(5, 2026)]
    [InlineData(4, 2025)]
    public void A_recommendation_of_another_administration_or_report_is_refused(int administration, int year)
    {
        var foreign = Rec("Fremmed.", administration, year);
        var account = Draft(foreign);
        Assert.Contains("hører ikke til", Assert.Throws<DomainException>(() => account.Submit([foreign], Now, "Lene")).Message);
        Assert.Empty(foreign.Updates);
    }
}
