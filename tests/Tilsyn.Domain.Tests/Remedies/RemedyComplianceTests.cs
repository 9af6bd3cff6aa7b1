using Tilsyn.Calendar;
using Tilsyn.Remedies;

namespace Tilsyn.Tests.Remedies;

public sealed class RemedyComplianceTests
{
    private const int Buf = 1, Sof = 2;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static readonly DateOnly Asked = D(2025, 1, 5);
    private static readonly DateOnly Today = D(2025, 4, 15);

    private static Remedy Make(RemedyKind kind, DateOnly due, RemedyAnswer answer = RemedyAnswer.NotYetAnswered, DateOnly? carriedOut = null, int admin = Buf)
    {
        var r = new Remedy(admin, kind, kind == RemedyKind.Other ? "Ny skabelon til afgørelsesbreve" : "", Asked, due);
        if (answer != RemedyAnswer.NotYetAnswered) r.RecordAnswer(answer, Asked.AddDays(3), null, Today);
        if (carriedOut is { } on) r.RecordCarriedOut(on, Today);
        return r;
    }

    private static List<Remedy> Scenario() =>
    [
        Make(RemedyKind.Apology, D(2025, 1, 31), RemedyAnswer.Accepted, D(2025, 1, 20)),            // in time
        Make(RemedyKind.PracticeChange, D(2025, 2, 28), RemedyAnswer.Accepted, D(2025, 3, 10)),     // late
        Make(RemedyKind.Redress, D(2025, 3, 15), RemedyAnswer.Refused),                             // refused
        Make(RemedyKind.Reconsideration, D(2025, 3, 31), RemedyAnswer.PartlyAccepted),              // accepted in part, not done
        Make(RemedyKind.StaffGuidance, D(2025, 3, 20)),                                              // never answered
        Make(RemedyKind.Apology, D(2025, 5, 1), RemedyAnswer.Accepted),                             // due in Q2, not yet due
        Make(RemedyKind.Other, D(2025, 5, 1), RemedyAnswer.Accepted, D(2025, 4, 10)),               // due in Q2, already done
        Make(RemedyKind.Apology, D(2025, 2, 1), RemedyAnswer.Accepted, D(2025, 2, 1), admin: Sof),  // SOF, in time (on the due date)
    ];

    [Fact]
    public void Compliance_is_the_share_of_remedies_due_in_the_period_carried_out_and_carried_out_in_time()
    {
        // BUF, Q1 2025, judged on 15.4.2025: five remedies fell due in Q1 and all due dates have passed -> assessed 5.
        // Carried out: apology (20.1. <= 31.1., in time) and practice change (10.3. > 28.2., late) -> 2.
        // Not carried out: redress (refused), reconsideration (partly accepted, outstanding), staff guidance (unanswered).
        // Carried out share 2 / 5 = 0.4; in time 1 / 5 = 0.2.
        var f = RemedyCompliance.For(Buf, Scenario(), ReportingPeriod.ForQuarter(2025, 1), Today);
        Assert.Equal((5, 2, 1, 1), (f.Assessed, f.CarriedOut, f.InTime, f.Late));
        Assert.Equal((1, 1, 1, 0, 1), (f.Refused, f.Unanswered, f.Outstanding, f.NotYetDue, f.PartlyAccepted));
        Assert.Equal(0.4, f.CarriedOutShare);
        Assert.Equal(0.2, f.InTimeShare);
    }

    [Fact]
    public void A_remedy_not_yet_due_is_in_no_share_until_it_is_carried_out()
    {
        // Q2 2025 on 15.4.: the apology due 1.5. is not yet due (not judged); the "other" remedy due 1.5. was done 10.4. -> assessed 1, in time 1.
        var f = RemedyCompliance.For(Buf, Scenario(), ReportingPeriod.ForQuarter(2025, 2), Today);
        Assert.Equal((1, 1, 1, 1), (f.Assessed, f.CarriedOut, f.InTime, f.NotYetDue));
        Assert.Equal(1.0, f.InTimeShare);
        // On 2.5. the apology is past due and not done: 1 of 2 carried out.
        var later = RemedyCompliance.For(Buf, Scenario(), ReportingPeriod.ForQuarter(2025, 2), D(2025, 5, 2));
        Assert.Equal((2, 1, 0.5), (later.Assessed, later.CarriedOut, later.CarriedOutShare!.Value));
        // On the due date itself it can still be done in time: not yet judged.
        Assert.Equal(1, RemedyCompliance.For(Buf, Scenario(), ReportingPeriod.ForQuarter(2025, 2), D(2025, 5, 1)).NotYetDue);
    }

    [Fact]
    public void Each_administration_gets_its_own_row_and_no_remedy_means_no_share()
    {
        var rows = RemedyCompliance.PerAdministration(Scenario(), ReportingPeriod.ForQuarter(2025, 1), Today);
        Assert.Equal([Buf, Sof], rows.Select(r => r.AdministrationId));
        // SOF: one remedy, done on its due date -> in time, 1 / 1.
        Assert.Equal((1, 1, 1.0), (rows[1].Assessed, rows[1].InTime, rows[1].InTimeShare!.Value));
        var none = RemedyCompliance.For(Buf, Scenario(), ReportingPeriod.ForQuarter(2025, 4), Today);
        Assert.Equal(0, none.Assessed);
        Assert.Null(none.CarriedOutShare);
        Assert.Null(none.InTimeShare);
    }

    [Fact]
    public void The_share_remedied_before_the_conclusion_is_of_the_upheld_complaints_concluded_in_the_period()
    {
        // BUF: three upheld in Q1, one already remedied -> 1/3; SOF: one upheld, remedied -> 1/1; the April one is outside Q1.
        UpheldComplaint[] upheld =
        [
            new(Buf, D(2025, 1, 10), true), new(Buf, D(2025, 2, 10), false), new(Buf, D(2025, 3, 10), false),
            new(Sof, D(2025, 3, 1), true), new(Buf, D(2025, 4, 1), true),
        ];
        var rows = RemedyCompliance.SatisfactoryRemedies(upheld, ReportingPeriod.ForQuarter(2025, 1));
        Assert.Equal((3, 1), (rows[0].Upheld, rows[0].RemediedBeforeConclusion));
        Assert.Equal(1 / 3.0, rows[0].Share!.Value, 12);
        Assert.Equal(1.0, rows[1].Share);
    }

    [Fact]
    public void A_refused_remedy_cannot_be_recorded_as_carried_out()
    {
        var r = Make(RemedyKind.Redress, D(2025, 3, 15), RemedyAnswer.Refused);
        var e = Assert.Throws<DomainException>(() => r.RecordCarriedOut(D(2025, 3, 1), Today));
        Assert.Contains("afvist", e.Message);
    }

    [Fact]
    public void Carrying_out_an_unanswered_remedy_counts_as_accepting_it_and_it_cannot_be_answered_afterwards()
    {
        var r = Make(RemedyKind.Apology, D(2025, 2, 1));
        r.RecordCarriedOut(D(2025, 1, 20), Today);
        Assert.Equal((RemedyAnswer.Accepted, true, true), (r.Answer, r.IsCarriedOut, r.IsCarriedOutInTime));
        Assert.Throws<DomainException>(() => r.RecordAnswer(RemedyAnswer.Refused, D(2025, 1, 21), null, Today));
    }

    [Fact]
    public void Answering_may_agree_a_new_due_date()
    {
        var r = Make(RemedyKind.PracticeChange, D(2025, 2, 1));
        r.RecordAnswer(RemedyAnswer.Accepted, D(2025, 1, 10), D(2025, 6, 30), Today);
        Assert.Equal(D(2025, 6, 30), r.DueDate);
        r.RecordCarriedOut(D(2025, 4, 1), Today);
        Assert.True(r.IsCarriedOutInTime);
    }

    [Fact]
    public void Impossible_dates_and_answers_are_refused()
    {
        Assert.Throws<DomainException>(() => new Remedy(Buf, RemedyKind.Apology, "", Asked, Asked.AddDays(-1)));
        Assert.Throws<DomainException>(() => new Remedy(Buf, RemedyKind.Other, "", Asked, Asked));
        Assert.Throws<DomainException>(() => new Remedy(Buf, (RemedyKind)77, "", Asked, Asked));
        var r = Make(RemedyKind.Apology, D(2025, 2, 1));
        Assert.Throws<DomainException>(() => r.RecordAnswer(RemedyAnswer.NotYetAnswered, Asked, null, Today));
        Assert.Throws<DomainException>(() => r.RecordAnswer(RemedyAnswer.Accepted, Today.AddDays(1), null, Today));
        Assert.Throws<DomainException>(() => r.RecordAnswer(RemedyAnswer.Accepted, Asked.AddDays(-1), null, Today));
        Assert.Throws<DomainException>(() => r.RecordAnswer(RemedyAnswer.Refused, Asked, D(2025, 3, 1), Today));
        Assert.Throws<DomainException>(() => r.RecordCarriedOut(Today.AddDays(1), Today));
        Assert.Throws<DomainException>(() => r.RecordCarriedOut(Asked.AddDays(-1), Today));
    }

    [Fact]
    public void Remedy_kinds_and_answers_have_Danish_names()
    {
        Assert.Equal("Genoptagelse af afgørelsen", Remedy.Name(RemedyKind.Reconsideration));
        Assert.Equal("Delvist accepteret", Remedy.Name(RemedyAnswer.PartlyAccepted));
        Assert.All(Enum.GetValues<RemedyKind>(), k => Assert.NotEqual(k.ToString(), Remedy.Name(k)));
    }
}
