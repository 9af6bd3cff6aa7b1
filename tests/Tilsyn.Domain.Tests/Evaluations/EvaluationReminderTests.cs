using Tilsyn.Evaluations;

namespace Tilsyn.Tests.Evaluations;

public sealed class EvaluationReminderTests
{
    private static readonly EvaluationRound Round =
        EvaluationRound.Open(2027, new DateOnly(2027, 3, 15), [], new DateOnly(2027, 2, 1), new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero), "Borgerrådgiveren");

    [Theory]
    [InlineData(2027, 3, 7, null)]
    [InlineData(2027, 3, 8, "om en uge")]
    [InlineData(2027, 3, 9, null)]
    [InlineData(2027, 3, 15, null)]
    [InlineData(2027, 3, 16, "overskredet")]
    [InlineData(2027, 3, 29, "overskredet")]
    [InlineData(2027, 3, 30, null)]
    public void Missing_answers_are_reminded_a_week_before_the_deadline_and_daily_for_two_weeks_after_it(int y, int m, int d, string? expected)
    {
        Assert.Equal(expected, Round.ReminderDue(new DateOnly(y, m, d)));
    }

    [Fact]
    public void The_database_filter_keeps_every_round_that_may_be_reminded()
    {
        for (var day = new DateOnly(2027, 2, 1); day <= new DateOnly(2027, 5, 1); day = day.AddDays(1))
            if (Round.ReminderDue(day) is not null)
                Assert.True(EvaluationRound.MayNeedReminder(day).Compile()(Round));
    }
}
