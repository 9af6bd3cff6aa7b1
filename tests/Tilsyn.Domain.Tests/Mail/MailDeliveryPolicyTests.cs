using Tilsyn.Mail;

namespace Tilsyn.Tests.Mail;

public sealed class MailDeliveryPolicyTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(1000, 60)]
    public void The_wait_doubles_from_one_minute_and_stops_at_an_hour(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MailDeliveryPolicy.DelayAfter(failedAttempts));

    [Fact]
    public void A_wait_before_any_failed_attempt_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MailDeliveryPolicy.DelayAfter(0));

    [Fact]
    public void A_mail_that_keeps_failing_is_tried_for_at_least_24_hours_and_then_given_up()
    {
        // A fake clock: each attempt happens exactly when the policy asked for it, and fails.
        var now = First;
        var attempts = 1;
        var tries = new List<DateTimeOffset> { now };
        while (MailDeliveryPolicy.NextAttempt(attempts, First, now) is { } next)
        {
            Assert.True(next > now);
            now = next;
            attempts++;
            tries.Add(now);
        }
        Assert.True(now - First >= TimeSpan.FromHours(24), $"given up after {now - First}");
        Assert.True(now - First < TimeSpan.FromHours(25), $"given up only after {now - First}");
        // 1+2+4+8+16+32 minutes, then hourly: about 30 attempts in a day, not one every 5 seconds.
        Assert.InRange(attempts, 25, 35);
        Assert.Equal(TimeSpan.FromMinutes(1), tries[1] - tries[0]);
        Assert.Equal(TimeSpan.FromHours(1), tries[^1] - tries[^2]);
    }

    [Fact]
    public void A_failure_just_before_the_24_hours_still_gets_one_more_attempt()
    {
        var now = First.AddHours(24).AddMinutes(-1);
        Assert.Equal(now.AddHours(1), MailDeliveryPolicy.NextAttempt(20, First, now));
        Assert.Null(MailDeliveryPolicy.NextAttempt(21, First, First.AddHours(24)));
    }

    [Fact]
    public void A_lease_holds_the_mail_for_ten_minutes_longer_than_one_send_may_take()
    {
        var until = MailDeliveryPolicy.LeaseUntil(First);
        Assert.Equal(First.AddMinutes(10), until);
        Assert.True(MailDeliveryPolicy.SendTimeout < MailDeliveryPolicy.Lease);
        Assert.False(MailDeliveryPolicy.LeaseExpired(until, First.AddMinutes(9)));
        Assert.True(MailDeliveryPolicy.LeaseExpired(until, First.AddMinutes(10)));
        Assert.False(MailDeliveryPolicy.LeaseExpired(null, First.AddDays(1)));
    }
}
