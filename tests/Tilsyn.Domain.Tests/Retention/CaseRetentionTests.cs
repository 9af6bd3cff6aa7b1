using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Tests.Retention;

public sealed class CaseRetentionTests
{
    private static readonly DateTimeOffset Received = new(2020, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");

    private static ComplaintCase NewCase() =>
        new(2020, 7, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", null, null, null, null, null),
            "Emne", "Beskrivelse", Received, new DateOnly(2020, 3, 16), Actor.Citizen, 4);

    private static ComplaintCase Concluded(DateTimeOffset at)
    {
        var c = NewCase();
        c.Classify(CaseType.Complaint, 4, null, null, [ComplaintCategory.Hearing], Received, Advisor);
        c.StartReview(Received, Advisor);
        c.Conclude(Outcome.NoCriticism, [], "Konklusion", null, "Resumé", at, Advisor);
        return c;
    }

    [Fact]
    public void A_case_being_handled_never_falls_due()
    {
        var c = NewCase();
        Assert.Null(CaseRetention.ClosedOn(c));
        Assert.False(CaseRetention.IsDue(CaseRetention.DueOn(c.Status, c.ConcludedAt, c.ClosedAt, RetentionPeriod.FiveYears), DateOnly.MaxValue));
    }

    [Fact]
    public void A_concluded_case_counts_from_its_conclusion_and_a_closed_one_from_its_closure()
    {
        var c = Concluded(new DateTimeOffset(2021, 5, 10, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2021, 5, 10), CaseRetention.ClosedOn(c));
        c.Close(new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero), Advisor);
        Assert.Equal(new DateOnly(2021, 6, 1), CaseRetention.ClosedOn(c));
        Assert.Equal(new DateOnly(2026, 6, 1), CaseRetention.DueOn(c.Status, c.ConcludedAt, c.ClosedAt, RetentionPeriod.Parse("P5Y")));
    }

    [Fact]
    public void The_closure_day_is_Copenhagens_day_not_UTCs()
    {
        // 23:30 UTC on 31 December 2020 is 1 January 2021 in Copenhagen.
        Assert.Equal(new DateOnly(2021, 1, 1), CaseRetention.ClosedOn(CaseStatus.Closed, null, new DateTimeOffset(2020, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_reopened_case_is_open_again_and_counts_from_its_new_closure()
    {
        var c = Concluded(new DateTimeOffset(2021, 5, 10, 12, 0, 0, TimeSpan.Zero));
        c.Close(new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero), Advisor);
        c.StartReview(new DateTimeOffset(2023, 1, 9, 12, 0, 0, TimeSpan.Zero), Advisor, "Nye oplysninger");
        Assert.Null(CaseRetention.ClosedOn(c));
        c.Conclude(Outcome.NoCriticism, [], "Konklusion", null, "Resumé", new DateTimeOffset(2023, 2, 1, 12, 0, 0, TimeSpan.Zero), Advisor);
        Assert.Equal(new DateOnly(2023, 2, 1), CaseRetention.ClosedOn(c));
    }

    [Fact]
    public void Rejected_and_forwarded_cases_count_from_the_day_they_were_finished()
    {
        var at = new DateTimeOffset(2022, 8, 8, 8, 0, 0, TimeSpan.Zero);
        var rejected = NewCase();
        rejected.Reject("Uden for kompetence", at, Advisor);
        Assert.Equal(new DateOnly(2022, 8, 8), CaseRetention.ClosedOn(rejected));
        var forwarded = NewCase();
        forwarded.Forward("Ankestyrelsen", at, Advisor);
        Assert.Equal(new DateOnly(2022, 8, 8), CaseRetention.ClosedOn(forwarded));
    }

    [Fact]
    public void A_case_is_due_on_its_due_day_and_after_not_before()
    {
        var due = new DateOnly(2026, 6, 1);
        Assert.False(CaseRetention.IsDue(due, due.AddDays(-1)));
        Assert.True(CaseRetention.IsDue(due, due));
        Assert.True(CaseRetention.IsDue(due, due.AddDays(1)));
        Assert.False(CaseRetention.IsDue(null, due));
    }
}
