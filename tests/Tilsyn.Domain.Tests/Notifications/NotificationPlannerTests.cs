using Tilsyn.Notifications;

namespace Tilsyn.Tests.Notifications;

public sealed class NotificationPlannerTests
{
    private const string Me = "user-17";
    private static readonly HashSet<string> NothingMailed = [];

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static PendingNotification N(NotificationKind kind, string subject, string occasion = "", DateTimeOffset? at = null, string to = Me) =>
        new(kind, subject, occasion, to, at ?? Utc(2025, 1, 15, 5));

    private static NotificationPreferences Prefs(params (NotificationKind, DeliveryChoice)[] chosen) =>
        new(chosen.Select(c => new KeyValuePair<NotificationKind, DeliveryChoice>(c.Item1, c.Item2)));

    [Fact]
    public void By_default_every_kind_is_mailed_immediately()
    {
        var p = new NotificationPreferences();
        Assert.All(NotificationKinds.All, k => Assert.Equal(DeliveryChoice.Immediately, p.For(k)));
        var plan = NotificationPlanner.Plan(Me, [N(NotificationKind.RecommendationCreated, "recommendation:42")], p, Utc(2025, 1, 15, 5), DigestSchedule.Default, NothingMailed);
        Assert.Single(plan.SendNow);
        Assert.Empty(plan.Digest);
        Assert.Null(plan.DigestKey);
    }

    [Fact]
    public void A_kind_turned_off_is_not_mailed()
    {
        var plan = NotificationPlanner.Plan(Me, [N(NotificationKind.EarlyWarning, "unit:5", "2025-Q1")],
            Prefs((NotificationKind.EarlyWarning, DeliveryChoice.Off)), Utc(2025, 1, 15, 12), DigestSchedule.Default, NothingMailed);
        Assert.Empty(plan.SendNow);
        Assert.Empty(plan.Digest);
        Assert.Empty(plan.Waiting);
        Assert.Single(plan.NotMailed);
    }

    [Fact]
    public void Digest_notices_wait_until_seven_oclock_Copenhagen_time_in_winter()
    {
        var prefs = Prefs((NotificationKind.RecommendationOverdue, DeliveryChoice.DailyDigest));
        PendingNotification[] pending = [N(NotificationKind.RecommendationOverdue, "recommendation:42", "2025-01-14"), N(NotificationKind.RecommendationCreated, "recommendation:43")];
        // Winter: 07:00 CET = 06:00 UTC.
        var early = NotificationPlanner.Plan(Me, pending, prefs, Utc(2025, 1, 15, 5, 59), DigestSchedule.Default, NothingMailed);
        Assert.Equal(["recommendation:43"], early.SendNow.Select(n => n.Subject));
        Assert.Equal(["recommendation:42"], early.Waiting.Select(n => n.Subject));
        Assert.Null(early.DigestKey);
        var due = NotificationPlanner.Plan(Me, pending, prefs, Utc(2025, 1, 15, 6), DigestSchedule.Default, NothingMailed);
        Assert.Equal(["recommendation:42"], due.Digest.Select(n => n.Subject));
        Assert.Equal(NotificationKey.ForDigest(Me, new DateOnly(2025, 1, 15)), due.DigestKey);
        Assert.Empty(due.Waiting);
    }

    [Fact]
    public void In_summer_the_digest_hour_is_still_seven_oclock_in_Copenhagen()
    {
        // Summer: 07:00 CEST = 05:00 UTC.
        var prefs = Prefs((NotificationKind.TargetsSubmitted, DeliveryChoice.DailyDigest));
        PendingNotification[] pending = [N(NotificationKind.TargetsSubmitted, "targets:BUF:2025", at: Utc(2025, 7, 1, 3))];
        Assert.Null(NotificationPlanner.Plan(Me, pending, prefs, Utc(2025, 7, 1, 4, 59), DigestSchedule.Default, NothingMailed).DigestKey);
        Assert.NotNull(NotificationPlanner.Plan(Me, pending, prefs, Utc(2025, 7, 1, 5), DigestSchedule.Default, NothingMailed).DigestKey);
    }

    [Fact]
    public void Todays_digest_is_sent_once_later_notices_wait_for_tomorrows()
    {
        var prefs = Prefs((NotificationKind.StatementAnswered, DeliveryChoice.DailyDigest));
        var todaysKey = NotificationKey.ForDigest(Me, new DateOnly(2025, 1, 15));
        PendingNotification[] pending = [N(NotificationKind.StatementAnswered, "case:2025-0000100", "statement:3", Utc(2025, 1, 15, 9))];
        var plan = NotificationPlanner.Plan(Me, pending, prefs, Utc(2025, 1, 15, 10), DigestSchedule.Default, new HashSet<string> { todaysKey });
        Assert.Empty(plan.Digest);
        Assert.Single(plan.Waiting);
        var tomorrow = NotificationPlanner.Plan(Me, pending, prefs, Utc(2025, 1, 16, 6), DigestSchedule.Default, new HashSet<string> { todaysKey });
        Assert.Single(tomorrow.Digest);
        Assert.NotEqual(todaysKey, tomorrow.DigestKey);
    }

    [Fact]
    public void A_notice_already_mailed_or_raised_twice_is_never_mailed_again()
    {
        var first = N(NotificationKind.RecommendationOverdue, "recommendation:42", "2025-01-14");
        var again = first with { CreatedAt = first.CreatedAt.AddHours(1) };
        var plan = NotificationPlanner.Plan(Me, [first, again], new NotificationPreferences(), Utc(2025, 1, 15, 12), DigestSchedule.Default, NothingMailed);
        Assert.Single(plan.SendNow);
        Assert.Single(plan.NotMailed);
        var rerun = NotificationPlanner.Plan(Me, [first], new NotificationPreferences(), Utc(2025, 1, 15, 13), DigestSchedule.Default, new HashSet<string> { first.Key });
        Assert.Empty(rerun.SendNow);
        Assert.Single(rerun.NotMailed);
    }

    [Fact]
    public void The_key_is_deterministic_and_differs_by_recipient_occasion_and_kind()
    {
        var k = NotificationKey.For(NotificationKind.RecommendationOverdue, "recommendation:42", "2025-01-14", Me);
        Assert.Equal(k, NotificationKey.For(NotificationKind.RecommendationOverdue, "recommendation:42", "2025-01-14", Me));
        Assert.Equal(64, k.Length);
        Assert.Matches("^[0-9a-f]{64}$", k);
        Assert.NotEqual(k, NotificationKey.For(NotificationKind.RecommendationOverdue, "recommendation:42", "2025-01-14", "user-18"));
        Assert.NotEqual(k, NotificationKey.For(NotificationKind.RecommendationOverdue, "recommendation:42", "2025-02-14", Me));
        Assert.NotEqual(k, NotificationKey.For(NotificationKind.RecommendationCreated, "recommendation:42", "2025-01-14", Me));
        // Parts are length-prefixed: moving a separator between parts gives another key.
        Assert.NotEqual(NotificationKey.For(NotificationKind.EarlyWarning, "a|b", "c", Me), NotificationKey.For(NotificationKind.EarlyWarning, "a", "b|c", Me));
    }

    [Fact]
    public void The_digest_day_is_Copenhagens_date_not_UTCs()
    {
        // 23:30 UTC on 31.12.2025 is 00:30 on 1.1.2026 in Copenhagen; with a 00:15 digest time it is due, keyed to 1.1.2026.
        var prefs = Prefs((NotificationKind.FokusAssessmentCompleted, DeliveryChoice.DailyDigest));
        var plan = NotificationPlanner.Plan(Me, [N(NotificationKind.FokusAssessmentCompleted, "evaluation:2025:BUF", at: Utc(2025, 12, 31, 20))], prefs,
            Utc(2025, 12, 31, 23, 30), new DigestSchedule(new TimeOnly(0, 15)), NothingMailed);
        Assert.Equal(NotificationKey.ForDigest(Me, new DateOnly(2026, 1, 1)), plan.DigestKey);
    }

    [Fact]
    public void A_plan_is_for_one_recipient_and_unknown_choices_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NotificationPlanner.Plan(Me, [N(NotificationKind.EarlyWarning, "unit:5", to: "user-99")], new NotificationPreferences(), Utc(2025, 1, 15, 12), DigestSchedule.Default, NothingMailed));
        Assert.Throws<DomainException>(() => new NotificationPreferences().Set(NotificationKind.EarlyWarning, (DeliveryChoice)9));
    }

    [Fact]
    public void Each_kind_has_an_audience_and_a_Danish_name()
    {
        Assert.Equal(NotificationAudience.Caseworker, NotificationKinds.Audience(NotificationKind.StatementAnswered));
        Assert.Equal(NotificationAudience.AdvisorStaff, NotificationKinds.Audience(NotificationKind.TargetsSubmitted));
        Assert.Equal(NotificationAudience.AdministrationContacts, NotificationKinds.Audience(NotificationKind.EarlyWarning));
        Assert.All(NotificationKinds.All, k => Assert.NotEqual(k.ToString(), NotificationKinds.Name(k)));
        Assert.Equal("Daglig oversigt", NotificationKinds.Name(DeliveryChoice.DailyDigest));
    }
    [Fact]
    public void A_digest_notice_raised_after_seven_oclock_waits_for_tomorrows_digest_even_on_a_day_without_one()
    {
        // Winter: 07:00 CET = 06:00 UTC. One notice at 05:30 UTC (before the hour), one at 09:00 UTC (after it).
        var prefs = Prefs((NotificationKind.EarlyWarning, DeliveryChoice.DailyDigest));
        var before = N(NotificationKind.EarlyWarning, "unit:5", "2025-Q1", Utc(2025, 1, 15, 5, 30));
        var after = N(NotificationKind.EarlyWarning, "unit:6", "2025-Q1", Utc(2025, 1, 15, 9));
        var late = NotificationPlanner.Plan(Me, [before, after], prefs, Utc(2025, 1, 15, 10), DigestSchedule.Default, NothingMailed);
        Assert.Equal(["unit:5"], late.Digest.Select(n => n.Subject));
        Assert.Equal(["unit:6"], late.Waiting.Select(n => n.Subject));
        // Only the later notice pending: nothing is due today, it goes out at tomorrow's 07:00.
        var onlyAfter = NotificationPlanner.Plan(Me, [after], prefs, Utc(2025, 1, 15, 10), DigestSchedule.Default, NothingMailed);
        Assert.Null(onlyAfter.DigestKey);
        Assert.Single(onlyAfter.Waiting);
        var tomorrow = NotificationPlanner.Plan(Me, [after], prefs, Utc(2025, 1, 16, 6), DigestSchedule.Default, NothingMailed);
        Assert.Equal(NotificationKey.ForDigest(Me, new DateOnly(2025, 1, 16)), tomorrow.DigestKey);
        Assert.Single(tomorrow.Digest);
    }

    [Theory]
    [InlineData(Tilsyn.Identity.Roles.AdministrationContact, new[] { NotificationKind.RecommendationCreated, NotificationKind.RecommendationOverdue, NotificationKind.EarlyWarning, NotificationKind.FokusAssessmentCompleted })]
    [InlineData(Tilsyn.Identity.Roles.Advisor, new[] { NotificationKind.StatementAnswered, NotificationKind.TargetsSubmitted })]
    [InlineData(Tilsyn.Identity.Roles.AdvisorLead, new[] { NotificationKind.StatementAnswered, NotificationKind.TargetsSubmitted })]
    [InlineData(Tilsyn.Identity.Roles.Leadership, new NotificationKind[0])]
    [InlineData("AdministrationCaseworker", new NotificationKind[0])]
    public void Each_role_is_offered_the_kinds_it_can_receive(string role, NotificationKind[] expected) =>
        Assert.Equal(expected, NotificationKinds.For([role]));
}
