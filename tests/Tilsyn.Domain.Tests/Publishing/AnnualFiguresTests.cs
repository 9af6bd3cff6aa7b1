using Tilsyn.Complaints;
using Tilsyn.Publishing;

namespace Tilsyn.Domain.Tests.Publishing;

public sealed class AnnualFiguresTests
{
    private static CaseFact Fact(int year, int? admin, CaseType type, Outcome? outcome = null, (ComplaintCategory, bool)[]? categories = null,
        int dueDay = 10, int? answeredDay = 5) =>
        new(year, admin, type, outcome, categories ?? [], new DateOnly(year, 3, dueDay), answeredDay is { } a ? new DateOnly(year, 3, a) : null, new DateOnly(year, 3, 1));

    [Fact]
    public void Counts_per_administration_year_category_outcome_and_formal_type()
    {
        var facts = new[]
        {
            Fact(2026, 1, CaseType.Complaint, Outcome.Criticism, [(ComplaintCategory.Hearing, true), (ComplaintCategory.Reasons, false)]),
            Fact(2026, 1, CaseType.Complaint, Outcome.NoCriticism, [(ComplaintCategory.Hearing, false)]),
            Fact(2026, 2, CaseType.Inquiry, null, [(ComplaintCategory.Guidance, false)]),
            Fact(2025, 1, CaseType.Complaint, Outcome.Criticism, [(ComplaintCategory.Hearing, true)]),
            Fact(2021, 1, CaseType.Complaint), // outside the five years 2022–2026
        };
        var f = AnnualFigures.Compute(facts, 2026);
        Assert.Equal([2022, 2023, 2024, 2025, 2026], f.Years);
        Assert.Equal((0, 2), f.Trend[(1, 2026)]);
        Assert.Equal((1, 0), f.Trend[(2, 2026)]);
        Assert.Equal((0, 1), f.Trend[(1, 2025)]);
        Assert.False(f.Trend.ContainsKey((1, 2021)));
        Assert.Equal(2, f.Categories[(1, ComplaintCategory.Hearing)]);
        Assert.False(f.Categories.ContainsKey((2, ComplaintCategory.Guidance))); // inquiries are not complaints
        Assert.Equal(1, f.Outcomes[(1, Outcome.Criticism)]);
        var hearing = f.FormalTypes.Single(t => t.Category.Category == ComplaintCategory.Hearing);
        Assert.Equal((2, 1), (hearing.Cases, hearing.Breached));
        Assert.Equal("Forvaltningsloven § 19", hearing.Category.LegalRule);
        Assert.Equal(ComplaintCategory.Hearing, f.FormalTypes[0].Category.Category); // most frequent first
    }

    [Fact]
    public void The_service_goal_counts_first_answers_by_the_due_date_in_the_year()
    {
        var facts = new[]
        {
            Fact(2026, 1, CaseType.Complaint, dueDay: 10, answeredDay: 5),   // on time, 4 days
            Fact(2026, 1, CaseType.Complaint, dueDay: 10, answeredDay: 10),  // on the due date counts, 9 days
            Fact(2026, 1, CaseType.Complaint, dueDay: 10, answeredDay: 12),  // late, 11 days
            Fact(2026, 1, CaseType.Complaint, dueDay: 10, answeredDay: null), // not answered yet: due, not on time
        };
        var sg = AnnualFigures.Compute(facts, 2026).ServiceGoal;
        Assert.Equal(4, sg.Due);
        Assert.Equal(2, sg.OnTime);
        Assert.Equal(0.5, sg.Share);
        Assert.Equal(9, sg.MedianDays); // median of 4, 9, 11
    }
}
