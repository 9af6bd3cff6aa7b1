using Tilsyn.Complaints;
using Tilsyn.Remedies;

namespace Tilsyn.Tests.Complaints;

public sealed class ComplaintCaseRemediesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private static readonly Actor Buf = new("u2", "Lene Mortensen");
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static ComplaintCase Concluded(Outcome outcome)
    {
        var c = new ComplaintCase(2026, 42, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", "anna@example.org", null, null, null, null),
            "Manglende partshøring", "Min datter mistede sin plads uden at vi blev hørt.", Monday, D(2026, 3, 16), Actor.Citizen);
        c.Classify(CaseType.Complaint, 4, 40, "28.09", [ComplaintCategory.Hearing], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        c.Conclude(outcome, outcome == Outcome.Criticism ? [ComplaintCategory.Hearing] : [], "Konklusion.",
            outcome == Outcome.Recommendation ? "Partshør altid." : null, "Resumé.", Monday.AddDays(8), Advisor);
        return c;
    }

    [Fact]
    public void A_conclusion_with_criticism_asks_for_remedies_that_the_administration_answers_and_carries_out()
    {
        var c = Concluded(Outcome.Criticism);
        Assert.True(c.MayAskForRemedies);
        var apology = c.AskForRemedy(RemedyKind.Apology, null, D(2026, 3, 31), Monday.AddDays(8), Advisor);
        var practice = c.AskForRemedy(RemedyKind.PracticeChange, "Skabelon for partshøring", D(2026, 4, 30), Monday.AddDays(8), Advisor);
        // The remedy is the case's administration's, asked on the conclusion's Danish date (10.3.2026).
        Assert.Equal((4, D(2026, 3, 10)), (apology.AdministrationId, apology.AskedOn));

        c.RecordRemedyAnswer(apology, RemedyAnswer.Accepted, D(2026, 3, 12), null, Monday.AddDays(10), Buf);
        c.RecordRemedyCarriedOut(apology, D(2026, 3, 20), Monday.AddDays(18), Buf);
        c.RecordRemedyAnswer(practice, RemedyAnswer.PartlyAccepted, D(2026, 3, 12), D(2026, 6, 30), Monday.AddDays(10), Buf);

        Assert.Equal([apology, practice], c.Remedies);
        Assert.True(apology.IsCarriedOutInTime);
        Assert.Equal(D(2026, 6, 30), practice.DueDate);
        Assert.Contains(c.Events, e => e.Text.Contains("Afhjælpning bedt om: Undskyldning, frist 31-03-2026"));
        Assert.Contains(c.Events, e => e.Text.Contains("Delvist accepteret") && e.Text.Contains("aftalt frist 30-06-2026"));
        Assert.Contains(c.Events, e => e.Text.Contains("Afhjælpning gennemført (Undskyldning) 20-03-2026."));
        // Once closed, remedies may still be added and followed up.
        c.Close(Monday.AddDays(20), Advisor);
        c.AskForRemedy(RemedyKind.StaffGuidance, null, D(2026, 5, 1), Monday.AddDays(21), Advisor);
        Assert.Equal(3, c.Remedies.Count);
    }

    [Fact]
    public void A_late_carried_out_remedy_is_marked_late_in_the_history()
    {
        var c = Concluded(Outcome.Recommendation);
        var r = c.AskForRemedy(RemedyKind.Redress, null, D(2026, 3, 15), Monday.AddDays(8), Advisor);
        c.RecordRemedyCarriedOut(r, D(2026, 3, 20), Monday.AddDays(20), Buf);
        Assert.False(r.IsCarriedOutInTime);
        Assert.Contains("efter fristen", c.Events[^1].Text);
    }

    [Theory]
    [InlineData(Outcome.NoCriticism)]
    [InlineData(Outcome.ResolvedByDialogue)]
    [InlineData(Outcome.Withdrawn)]
    public void No_remedy_follows_a_conclusion_that_did_not_uphold_the_complaint(Outcome outcome)
    {
        var c = Concluded(outcome);
        Assert.False(c.MayAskForRemedies);
        var e = Assert.Throws<DomainException>(() => c.AskForRemedy(RemedyKind.Apology, null, D(2026, 4, 1), Monday.AddDays(9), Advisor));
        Assert.Contains("kritik eller en henstilling", e.Message);
    }

    [Fact]
    public void No_remedy_before_the_case_is_concluded()
    {
        var c = new ComplaintCase(2026, 43, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", null, null, null, null, null),
            "Emne", "Beskrivelse", Monday, D(2026, 3, 16), Actor.Citizen);
        var e = Assert.Throws<DomainException>(() => c.AskForRemedy(RemedyKind.Apology, null, D(2026, 4, 1), Monday, Advisor));
        Assert.Contains("afsluttet", e.Message);
        Assert.Empty(c.Remedies);
    }

    [Fact]
    public void A_remedy_of_another_case_refused_twice_carried_out_or_refused_and_then_carried_out_is_refused()
    {
        var c = Concluded(Outcome.Criticism);
        var other = Concluded(Outcome.Criticism).AskForRemedy(RemedyKind.Apology, null, D(2026, 4, 1), Monday.AddDays(8), Advisor);
        Assert.Throws<DomainException>(() => c.RecordRemedyCarriedOut(other, D(2026, 3, 12), Monday.AddDays(10), Buf));
        var r = c.AskForRemedy(RemedyKind.Apology, null, D(2026, 4, 1), Monday.AddDays(8), Advisor);
        c.RecordRemedyCarriedOut(r, D(2026, 3, 12), Monday.AddDays(10), Buf);
        Assert.Throws<DomainException>(() => c.RecordRemedyCarriedOut(r, D(2026, 3, 13), Monday.AddDays(10), Buf));
        var refused = c.AskForRemedy(RemedyKind.Redress, null, D(2026, 4, 1), Monday.AddDays(8), Advisor);
        c.RecordRemedyAnswer(refused, RemedyAnswer.Refused, D(2026, 3, 12), null, Monday.AddDays(10), Buf);
        Assert.Throws<DomainException>(() => c.RecordRemedyCarriedOut(refused, D(2026, 3, 13), Monday.AddDays(11), Buf));
        // A due date before the conclusion's date is refused by the remedy itself.
        Assert.Throws<DomainException>(() => c.AskForRemedy(RemedyKind.Apology, null, D(2026, 3, 1), Monday.AddDays(8), Advisor));
    }

    [Fact]
    public void Deleting_the_personal_data_blanks_the_remedies_description_but_keeps_what_compliance_counts()
    {
        var c = Concluded(Outcome.Criticism);
        var r = c.AskForRemedy(RemedyKind.Other, "Ny afgørelse til Anna Hansen", D(2026, 4, 1), Monday.AddDays(8), Advisor);
        c.RecordRemedyCarriedOut(r, D(2026, 3, 20), Monday.AddDays(20), Buf);
        c.ErasePersonalData(Monday.AddDays(400), "Slettefrist udløbet");
        Assert.Null(r.Description);
        Assert.Equal((RemedyKind.Other, D(2026, 3, 20), true), (r.Kind, r.CarriedOutOn!.Value, r.IsCarriedOutInTime));
        Assert.Throws<DomainException>(() => c.AskForRemedy(RemedyKind.Apology, null, D(2026, 4, 1), Monday.AddDays(401), Advisor));
    }
}
