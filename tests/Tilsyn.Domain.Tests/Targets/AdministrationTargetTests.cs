using Tilsyn.Identity;
using Tilsyn.Targets;

namespace Tilsyn.Tests.Targets;

public sealed class AdministrationTargetTests
{
    private const int Buf = 4, Sof = 5;
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static ComplaintTarget Kle(string code, double ceiling = 5) =>
        ComplaintTarget.Ceiling(Buf, TargetArea.Kle(code), TargetMeasure.PerThousandCases, ceiling, new DateOnly(2026, 2, 1), "Børne- og Ungdomsudvalget", Today);

    [Fact]
    public void A_recorded_target_is_a_draft_that_keeps_the_rule_area_years_and_deciding_body()
    {
        var t = AdministrationTarget.Record(Kle("28.09", 4.5), 2026, 2027, false, Now, "Lene Mortensen");
        Assert.Equal((TargetState.Draft, Buf, TargetAreaKind.Kle, "28.09", 4.5, "2026–2027"), (t.State, t.AdministrationId, t.AreaKind, t.KleCode, t.CeilingValue, t.Years));
        Assert.Equal("Højst 4,5 formalitetsklager pr. 1.000 sager", t.Target.Describe());
        Assert.Equal("Børne- og Ungdomsudvalget", t.Target.DecidedBy);
        Assert.True(t.AppliesTo(2027));
        Assert.False(t.AppliesTo(2028));
    }

    [Fact]
    public void A_reasoned_no_target_round_trips_with_its_reason()
    {
        var decision = ComplaintTarget.NoTarget(Buf, TargetArea.Kle("17.03"), "Klagemuligheden er en retssikkerhedsgaranti.", new DateOnly(2026, 1, 20), "Børne- og Ungdomsudvalget", Today);
        var t = AdministrationTarget.Record(decision, 2026, 2026, false, Now, "x");
        Assert.Equal(TargetRule.NoTarget, t.Target.Rule);
        Assert.Equal("Intet måltal: Klagemuligheden er en retssikkerhedsgaranti.", t.Target.Describe());
        Assert.Null(t.Measure);
    }

    [Fact]
    public void Submitting_records_when_and_by_whom_and_cannot_be_repeated()
    {
        var t = AdministrationTarget.Record(Kle("28.09"), 2026, 2026, false, Now, "a");
        t.Submit(Now.AddHours(1), "Lene Mortensen");
        Assert.Equal((TargetState.Submitted, Now.AddHours(1), "Lene Mortensen"), (t.State, t.SubmittedAt!.Value, t.SubmittedBy));
        Assert.Throws<DomainException>(() => t.Submit(Now.AddHours(2), "b"));
    }

    [Fact]
    public void Changing_a_submitted_target_makes_it_a_draft_again_and_it_can_no_longer_be_deleted()
    {
        var t = AdministrationTarget.Record(Kle("28.09"), 2026, 2026, false, Now, "a");
        t.EnsureMayDelete(); // a draft never submitted may go
        t.Submit(Now, "a");
        t.Change(Kle("28.09", 3), 2026, 2026, false, Now.AddDays(1), "b");
        Assert.Equal(TargetState.Draft, t.State);
        Assert.True(t.ChangedSinceSubmitted);
        Assert.Equal(3, t.CeilingValue);
        Assert.Throws<DomainException>(t.EnsureMayDelete);
    }

    [Fact]
    public void A_change_cannot_move_a_target_to_another_administration()
    {
        var t = AdministrationTarget.Record(Kle("28.09"), 2026, 2026, false, Now, "a");
        var other = ComplaintTarget.Ceiling(Sof, TargetArea.Kle("27.36"), TargetMeasure.Count, 10, new DateOnly(2026, 2, 1), "Socialudvalget", Today);
        Assert.Throws<DomainException>(() => t.Change(other, 2026, 2026, false, Now, "b"));
    }

    [Theory]
    [InlineData(2026, 2025, "Sidste år")]
    [InlineData(1999, 2000, "Første år")]
    [InlineData(2026, 2036, "højst gælde 10 år")]
    public void The_years_are_checked_and_the_message_names_the_field(int first, int last, string expected)
    {
        var e = Assert.Throws<DomainException>(() => AdministrationTarget.Record(Kle("28.09"), first, last, false, Now, "a"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_reduction_applies_only_to_years_after_its_baseline_year()
    {
        // "Reduce formal complaints by 20 % from 2016" (seed 003) cannot apply to 2016 itself.
        var r = ComplaintTarget.Reduction(Buf, TargetArea.WholeAdministration, TargetMeasure.Count, 2016, 20, new DateOnly(2016, 9, 1), "Beskæftigelses- og Integrationsudvalget", Today);
        Assert.Contains("Basisår", Assert.Throws<DomainException>(() => AdministrationTarget.Record(r, 2016, 2017, true, Now, "a")).Message);
        var t = AdministrationTarget.Record(r, 2017, 2017, true, Now, "a");
        Assert.Equal((2016, 20.0, true), (t.Target.BaselineYear!.Value, t.Target.ReductionPercent!.Value, t.ResultContract));
    }

    [Fact]
    public void A_no_target_decision_cannot_be_part_of_a_result_contract()
    {
        var decision = ComplaintTarget.NoTarget(Buf, TargetArea.WholeAdministration, "Begrundelse", new DateOnly(2026, 1, 20), "Børne- og Ungdomsudvalget", Today);
        Assert.Throws<DomainException>(() => AdministrationTarget.Record(decision, 2026, 2026, true, Now, "a"));
    }

    [Fact]
    public void A_unit_area_keeps_its_unit()
    {
        var t = AdministrationTarget.Record(ComplaintTarget.Ceiling(Buf, TargetArea.ForUnit(42, "Dagtilbud Nord"), TargetMeasure.Count, 8, new DateOnly(2026, 2, 1), "BUU", Today), 2026, 2026, false, Now, "a");
        Assert.Equal((42, "Dagtilbud Nord"), (t.Target.Area.OrgUnitId!.Value, t.Target.Area.Label));
    }

    [Fact]
    public void The_administrations_own_contact_edits_its_targets_others_only_read_or_see_nothing()
    {
        var contact = TargetAccess.For([Roles.AdministrationContact], Buf);
        Assert.True(contact.MayEdit(Buf));
        Assert.True(contact.MayRead(Buf));
        Assert.False(contact.MayRead(Sof));
        Assert.False(contact.MayEdit(Sof));

        foreach (var reader in new[] { TargetAccess.For([Roles.Advisor], null), TargetAccess.For([Roles.AdvisorLead], null), TargetAccess.For([Roles.Leadership], null) })
        {
            Assert.True(reader.MayRead(Buf) && reader.MayRead(Sof));
            Assert.False(reader.MayEdit(Buf));
        }
        // A contact without an administration fails closed.
        Assert.False(TargetAccess.For([Roles.AdministrationContact], null).MayRead(Buf));
        Assert.False(TargetAccess.For([], null).MayRead(Buf));
    }
}
