using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Tests.Retention;

public sealed class LegalHoldTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private static readonly Actor Lead = new("u2", "Jens Kristensen");

    private static ComplaintCase NewCase() =>
        new(2026, 7, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", null, null, null, null, null),
            "Emne", "Beskrivelse", At, new DateOnly(2026, 3, 16), Actor.Citizen, 4);

    [Fact]
    public void Placing_a_hold_records_who_when_and_why_and_writes_the_case_history()
    {
        var c = NewCase();
        var hold = LegalHold.Place(c, null, false, " Retssag verserer ", At, Advisor);
        Assert.True(hold.InForce);
        Assert.Equal(("Retssag verserer", "u1", "Sara Holm", At), (hold.Reason, hold.PlacedById, hold.PlacedByName, hold.PlacedAt));
        Assert.Equal("Slettestop lagt: Retssag verserer", c.Events[^1].Text);
        Assert.Equal("Sara Holm", c.Events[^1].ActorName);
    }

    [Fact]
    public void A_hold_needs_a_reason_and_a_named_person()
    {
        Assert.Contains("Begrundelse for slettestop", Assert.Throws<DomainException>(() => LegalHold.Place(NewCase(), null, false, " ", At, Advisor)).Message);
        Assert.Contains("navngiven", Assert.Throws<DomainException>(() => LegalHold.Place(NewCase(), null, false, "Retssag", At, Actor.System)).Message);
    }

    [Fact]
    public void A_second_hold_and_a_hold_on_a_deleted_case_are_refused()
    {
        var c = NewCase();
        var first = LegalHold.Place(c, null, false, "Retssag", At, Advisor);
        Assert.Contains("allerede et slettestop", Assert.Throws<DomainException>(() => LegalHold.Place(c, first, false, "Igen", At, Advisor)).Message);
        Assert.Contains("allerede slettet", Assert.Throws<DomainException>(() => LegalHold.Place(NewCase(), null, true, "Retssag", At, Advisor)).Message);
    }

    [Fact]
    public void Lifting_records_the_named_person_and_cannot_happen_twice()
    {
        var c = NewCase();
        var hold = LegalHold.Place(c, null, false, "Retssag", At, Advisor);
        Assert.Contains("navngiven", Assert.Throws<DomainException>(() => hold.Lift(c, "Afgjort", At, Actor.System)).Message);
        Assert.Contains("Begrundelse for ophævelse", Assert.Throws<DomainException>(() => hold.Lift(c, "", At, Lead)).Message);
        hold.Lift(c, "Dommen er afsagt", At.AddDays(10), Lead);
        Assert.False(hold.InForce);
        Assert.Equal(("u2", "Jens Kristensen", At.AddDays(10), "Dommen er afsagt"), (hold.LiftedById, hold.LiftedByName, hold.LiftedAt, hold.LiftReason));
        Assert.Equal("Slettestop ophævet: Dommen er afsagt", c.Events[^1].Text);
        Assert.Contains("allerede ophævet", Assert.Throws<DomainException>(() => hold.Lift(c, "Igen", At, Lead)).Message);
    }

    [Fact]
    public void Deleting_the_case_forgets_the_reasons_but_not_who_and_when()
    {
        var c = NewCase();
        var hold = LegalHold.Place(c, null, false, "Anna Hansens retssag", At, Advisor);
        hold.Lift(c, "Anna Hansen har trukket sagen", At, Lead);
        hold.ForgetReasons();
        Assert.DoesNotContain("Anna", hold.Reason + hold.LiftReason);
        Assert.Equal(("Sara Holm", "Jens Kristensen"), (hold.PlacedByName, hold.LiftedByName));
    }
}
