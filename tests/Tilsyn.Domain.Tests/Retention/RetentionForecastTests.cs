using Tilsyn.Complaints;
using Tilsyn.Retention;

namespace Tilsyn.Tests.Retention;

public sealed class RetentionForecastTests
{
    private static readonly DateOnly Today = new(2026, 11, 3);

    private static RetentionForecast.Candidate ClosedOn(DateOnly day, CaseType type = CaseType.Complaint, string? kle = null, bool hold = false) =>
        new(0, type, kle, CaseStatus.Closed, null, Tilsyn.Calendar.DanishTime.At(day, new TimeOnly(12, 0)), hold);

    [Fact]
    public void Cases_are_counted_per_rule_as_already_due_and_due_within_30_90_and_365_days()
    {
        var rule = new RetentionRule(CaseType.Inquiry, null, "P1Y", RetentionDisposition.Preserve);
        var set = new RetentionRuleSet([RetentionRule.Default(), rule]);
        var start = Today.AddYears(-1); // an inquiry closed on this day is due today
        var cases = new[]
        {
            ClosedOn(start, CaseType.Inquiry),               // due today: already due
            ClosedOn(start.AddDays(-400), CaseType.Inquiry), // long due
            ClosedOn(start.AddDays(30), CaseType.Inquiry),   // in 30 days
            ClosedOn(start.AddDays(31), CaseType.Inquiry),   // in 31 days
            ClosedOn(start.AddDays(200), CaseType.Inquiry),  // in 200 days
            ClosedOn(start.AddDays(366), CaseType.Inquiry),  // in 366 days: beyond the horizon
            ClosedOn(start, CaseType.Inquiry, hold: true),   // due, but on hold
            new(0, CaseType.Inquiry, null, CaseStatus.UnderReview, null, null, false), // open: never due
            ClosedOn(Today.AddYears(-5).AddDays(10)),        // complaint under the default rule, in 10 days
        };

        var rows = RetentionForecast.Count(set, cases, Today);

        var inquiries = rows.Single(r => r.Rule == rule);
        Assert.Equal((2, 1, 2, 3, 1), (inquiries.AlreadyDue, inquiries.Within30, inquiries.Within90, inquiries.Within365, inquiries.OnHold));
        var byDefault = rows.Single(r => r.Rule.IsDefault);
        Assert.Equal((0, 1, 1, 1, 0), (byDefault.AlreadyDue, byDefault.Within30, byDefault.Within90, byDefault.Within365, byDefault.OnHold));
    }
}
