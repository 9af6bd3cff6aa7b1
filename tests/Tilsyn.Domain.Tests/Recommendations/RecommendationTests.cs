using Tilsyn.Recommendations;

namespace Tilsyn.Tests.Recommendations;

public sealed class RecommendationTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_recommendation_is_followed_up_by_the_administration_and_closed_only_with_a_reason()
    {
        var r = new Recommendation(RecommendationSource.ComplaintCase, "2026-0000042", 4, null, "Partshør altid før afgørelse om plads.", new DateOnly(2026, 9, 1), At, "Sara Holm");
        Assert.Equal(RecommendationStatus.Open, r.Status);
        r.ReportProgress("Ny skabelon for partshøring er taget i brug.", "skabelon.pdf", At.AddDays(30), "Lene Mortensen");
        Assert.Equal(RecommendationStatus.InProgress, r.Status);
        Assert.Throws<DomainException>(() => r.Close(" ", At.AddDays(40), "Sara Holm"));
        r.Close("Skabelonen er set anvendt i stikprøver.", At.AddDays(40), "Sara Holm");
        Assert.Equal(RecommendationStatus.Closed, r.Status);
        Assert.Throws<DomainException>(() => r.ReportProgress("mere", null, At.AddDays(41), "Lene Mortensen"));
        Assert.Equal(2, r.Updates.Count);
    }

    [Fact]
    public void Overdue_means_not_closed_after_the_due_date()
    {
        var r = new Recommendation(RecommendationSource.Fokus, "FOKUS 2017", 4, null, "Følg op på effekten af initiativerne.", new DateOnly(2026, 9, 1), At, "x");
        Assert.False(r.IsOverdue(new DateOnly(2026, 9, 1)));
        Assert.True(r.IsOverdue(new DateOnly(2026, 9, 2)));
        r.Close("Fulgt", At, "x");
        Assert.False(r.IsOverdue(new DateOnly(2026, 9, 2)));
    }

    [Fact]
    public void The_database_form_of_overdue_agrees_with_the_rule()
    {
        var open = new Recommendation(RecommendationSource.Fokus, "FOKUS 2017", 4, null, "Følg op.", new DateOnly(2026, 9, 1), At, "x");
        var closed = new Recommendation(RecommendationSource.Fokus, "FOKUS 2018", 4, null, "Følg op.", new DateOnly(2026, 9, 1), At, "x");
        closed.Close("Fulgt", At, "x");
        foreach (var r in new[] { open, closed })
            for (var day = new DateOnly(2026, 8, 30); day <= new DateOnly(2026, 9, 3); day = day.AddDays(1))
                Assert.Equal(r.IsOverdue(day), Recommendation.OverdueOn(day).Compile()(r));
    }

    [Fact]
    public void The_due_date_must_be_in_the_future_and_the_text_given()
    {
        Assert.Throws<DomainException>(() => new Recommendation(RecommendationSource.Fokus, "x", 1, null, "Tekst", new DateOnly(2026, 6, 1), At, "x"));
        Assert.Throws<DomainException>(() => new Recommendation(RecommendationSource.Fokus, "x", 1, null, " ", new DateOnly(2026, 9, 1), At, "x"));
    }

    [Fact]
    public void A_too_long_recommendation_is_refused_naming_the_limit_never_cut()
    {
        var ex = Assert.Throws<DomainException>(() => new Recommendation(RecommendationSource.ComplaintCase, "2026-0000042", 1, null, new string('x', 20_000), new DateOnly(2026, 9, 1), At, "x"));
        Assert.Contains("Henstilling", ex.Message);
        Assert.Contains("5000", ex.Message);
        var r = new Recommendation(RecommendationSource.ComplaintCase, "2026-0000042", 1, null, new string('x', 5000), new DateOnly(2026, 9, 1), At, "x");
        Assert.Equal(5000, r.Text.Length);
    }

    [Fact]
    public void A_too_long_progress_report_or_closing_note_is_refused_and_changes_nothing()
    {
        var r = new Recommendation(RecommendationSource.Fokus, "FOKUS 2017", 4, null, "Følg op.", new DateOnly(2026, 9, 1), At, "x");
        Assert.Contains("5000", Assert.Throws<DomainException>(() => r.ReportProgress(new string('x', 5001), null, At, "x")).Message);
        Assert.Contains("2000", Assert.Throws<DomainException>(() => r.Close(new string('x', 2001), At, "x")).Message);
        Assert.Equal(RecommendationStatus.Open, r.Status);
        Assert.Empty(r.Updates);
    }

    [Fact]
    public void A_conclusions_recommendation_has_the_same_rule_as_a_recommendation()
    {
        Assert.Same(Recommendation.TextField, Tilsyn.Complaints.CaseTextFields.Recommendation);
        Assert.Equal(new TextField("Henstilling", 5000), Recommendation.TextField);
    }
}

public sealed class RecommendationAimTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_recommendation_aimed_at_a_unit_and_a_category_has_a_measurable_effect_once_closed_on_its_Danish_date()
    {
        var r = new Recommendation(RecommendationSource.ComplaintCase, "2026-0000042", 4, 40, "Partshør altid.", new DateOnly(2026, 9, 1), At, "Sara Holm",
            Tilsyn.Complaints.ComplaintCategory.Hearing);
        Assert.False(r.HasMeasurableEffect);
        // Closed 30.6.2026 at 23:30 UTC = 1.7.2026 01:30 in Copenhagen (summer time): the Danish date is 1.7.
        r.Close("Fulgt", new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero), "Sara Holm");
        Assert.True(r.HasMeasurableEffect);
        Assert.Equal(new DateOnly(2026, 7, 1), r.ClosedOn);
    }

    [Fact]
    public void The_aim_can_be_set_later_and_a_category_needs_a_unit()
    {
        var r = new Recommendation(RecommendationSource.Fokus, "FOKUS 2017", 4, null, "Følg op.", new DateOnly(2026, 9, 1), At, "x");
        Assert.Throws<DomainException>(() => r.AimAt(null, Tilsyn.Complaints.ComplaintCategory.Hearing, At, "x"));
        Assert.Throws<DomainException>(() => new Recommendation(RecommendationSource.Fokus, "F", 4, null, "Følg op.", new DateOnly(2026, 9, 1), At, "x", Tilsyn.Complaints.ComplaintCategory.Hearing));
        Assert.Throws<DomainException>(() => r.AimAt(40, (Tilsyn.Complaints.ComplaintCategory)999, At, "x"));
        r.AimAt(40, Tilsyn.Complaints.ComplaintCategory.Hearing, At, "x");
        Assert.Equal((40, Tilsyn.Complaints.ComplaintCategory.Hearing), (r.UnitId!.Value, r.Category!.Value));
        Assert.Contains("klagekategorien", r.Updates[^1].Text);
        Assert.Throws<DomainException>(() => r.AimAt(40, Tilsyn.Complaints.ComplaintCategory.Hearing, At, "x"));
        r.Close("Fulgt", At, "x");
        r.AimAt(41, Tilsyn.Complaints.ComplaintCategory.Hearing, At, "x");
        Assert.Equal(41, r.UnitId);
    }
}
